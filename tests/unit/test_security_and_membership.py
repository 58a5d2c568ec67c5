"""Kafka security settings reach every client (streams.security), and the worker's static group membership
(streams.membership): the instance id is stable per data directory, reaches the aiokafka consumer, and a
graceful stop still leaves the group."""

from __future__ import annotations

import io
from pathlib import Path

import faust
import pytest

from streams.app import create_app
from streams.cli import main
from streams.exceptions import ConfigError
from streams.membership import (
    LeaveGroupRequest_v3,
    StaticLeaveGroupRequest,
    StaticMemberAssignor,
    group_instance_id,
)
from streams.security import check, faust_credentials, kafka_python_options
from streams.settings import load_settings

SCRAM = {
    "CLAIMWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
    "CLAIMWATCH_SASL_MECHANISM": "SCRAM-SHA-256",
    "CLAIMWATCH_SASL_USERNAME": "ops",
    "CLAIMWATCH_SASL_PASSWORD": "hunter2",
}


def test_plaintext_by_default() -> None:
    settings = load_settings({})
    assert kafka_python_options(settings) == {"security_protocol": "PLAINTEXT"}
    assert faust_credentials(settings) is None


def test_sasl_scram_for_kafka_python_and_faust() -> None:
    settings = load_settings(SCRAM)
    assert kafka_python_options(settings) == {
        "security_protocol": "SASL_PLAINTEXT",
        "sasl_mechanism": "SCRAM-SHA-256",
        "sasl_plain_username": "ops",
        "sasl_plain_password": "hunter2",
    }
    credentials = faust_credentials(settings)
    assert isinstance(credentials, faust.SASLCredentials)
    assert (credentials.protocol.value, credentials.mechanism.value) == ("SASL_PLAINTEXT", "SCRAM-SHA-256")
    assert (credentials.username, credentials.password) == ("ops", "hunter2")


def test_sasl_ssl_and_ssl_carry_a_tls_context() -> None:
    options = kafka_python_options(load_settings({**SCRAM, "CLAIMWATCH_SECURITY_PROTOCOL": "SASL_SSL"}))
    assert options["security_protocol"] == "SASL_SSL" and options["ssl_context"] is not None
    credentials = faust_credentials(load_settings({"CLAIMWATCH_SECURITY_PROTOCOL": "SSL"}))
    assert isinstance(credentials, faust.SSLCredentials) and credentials.context is not None


def test_a_sasl_protocol_without_credentials_is_refused_with_the_variables_to_set(tmp_path: Path) -> None:
    settings = load_settings({"CLAIMWATCH_SECURITY_PROTOCOL": "SASL_SSL", "CLAIMWATCH_SASL_USERNAME": "ops"})
    with pytest.raises(ConfigError, match="CLAIMWATCH_SASL_PASSWORD"):
        check(settings)
    out, err = io.StringIO(), io.StringIO()
    articles = tmp_path / "a.jsonl"
    articles.write_text('{"id": "a"}\n')
    code = main(["send", str(articles), "--security-protocol", "SASL_PLAINTEXT"], out=out, err=err)
    assert code == 2 and "CLAIMWATCH_SASL_USERNAME" in err.getvalue()


def test_a_missing_certificate_file_is_refused() -> None:
    with pytest.raises(ConfigError, match="CLAIMWATCH_SSL_CAFILE"):
        load_settings({"CLAIMWATCH_SSL_CAFILE": "/nonexistent/ca.pem"})


def test_the_password_is_no_flag() -> None:
    with pytest.raises(SystemExit):
        main(["send", "/dev/null", "--sasl-password", "x"], out=io.StringIO(), err=io.StringIO())


def test_the_instance_id_is_stable_per_data_directory(tmp_path: Path) -> None:
    one = group_instance_id("auto", "claimwatch", str(tmp_path / "a"), host="node-1")
    assert one == group_instance_id("auto", "claimwatch", str(tmp_path / "a"), host="node-1")
    assert one != group_instance_id("auto", "claimwatch", str(tmp_path / "b"), host="node-1")
    assert one != group_instance_id("auto", "claimwatch", str(tmp_path / "a"), host="node-2")
    assert one.startswith("claimwatch-node-1-")
    # the memory store keeps nothing in its directory: the web port tells two such workers apart
    assert group_instance_id("auto", "claimwatch", str(tmp_path / "a"), host="node-1", web_port=6066) != one
    assert group_instance_id("auto", "claimwatch", str(tmp_path), web_port=6066) != group_instance_id(
        "auto", "claimwatch", str(tmp_path), web_port=6067
    )
    assert group_instance_id("none", "claimwatch", str(tmp_path)) is None
    assert group_instance_id("worker-0", "claimwatch", str(tmp_path)) == "worker-0"


async def test_the_worker_consumer_joins_as_a_static_member(tmp_path: Path) -> None:
    settings = load_settings({}, store="memory", data_dir=str(tmp_path), broker="kafka://127.0.0.1:9", **{})
    app = create_app(settings)
    assert app.conf.consumer_group_instance_id == group_instance_id(
        "auto", "claimwatch", str(tmp_path), web_port=settings.web_port
    )
    on_disk = create_app(load_settings({}, store="rocksdb", data_dir=str(tmp_path)))
    assert on_disk.conf.consumer_group_instance_id == group_instance_id("auto", "claimwatch", str(tmp_path))
    assert app.conf.PartitionAssignor is StaticMemberAssignor
    aio = app.consumer._thread._create_worker_consumer(app.transport)
    try:
        assert aio._group_instance_id == app.conf.consumer_group_instance_id
    finally:
        await aio.stop()
    dynamic = create_app(load_settings({}, store="memory", data_dir=str(tmp_path), group_instance_id="none"))
    assert dynamic.conf.consumer_group_instance_id is None


def test_the_static_leave_request_names_the_member_and_its_instance() -> None:
    request = StaticLeaveGroupRequest("claimwatch", "member-1", "claimwatch-node-1-0000abcd")
    struct = request.prepare({13: (0, 5)})
    assert isinstance(struct, LeaveGroupRequest_v3)
    assert (
        struct.encode()
        == LeaveGroupRequest_v3("claimwatch", [("member-1", "claimwatch-node-1-0000abcd")]).encode()
    )
