"""Consumer group membership of the worker: a static member id, and leaving the group on a graceful stop.

Why: a worker killed without leaving its group (SIGKILL, OOM, a lost node) keeps its partitions until the
group's session timeout expires (`CLAIMWATCH_SESSION_TIMEOUT_MS`, 60 s): a worker restarted in its place
used to join as a new member and wait that long for a rebalance. With static membership (Kafka's
`group.instance.id`, KIP-345) the restarted worker rejoins under the same instance id, the broker hands it
the dead member's place and its partitions at once, without waiting out the session timeout.

`CLAIMWATCH_GROUP_INSTANCE_ID`: `auto` (default) derives the id from the application id, the host name
and the data directory, which is what identifies a worker across restarts (the table state lives there;
with the memory store, the web port too);
`none` turns static membership off; any other value is used as it is (one per worker, e.g. a StatefulSet
pod name).

A static member that rejoins takes back the assignment the group's leader made for it before, and with it
the URL it had then (faust's assignor keeps each member's web URL in the assignment); a worker whose web
port changed across the restart (`CLAIMWATCH_WEB_PORT=0`) would fail faust's check that the URL is its own.
`StaticMemberAssignor` accepts it: claimwatch routes nothing by that URL.

A static member does not leave its group when it stops (aiokafka skips the LeaveGroup request then, as the
Java client does), so a worker stopped for good would keep its partitions from the others until the
session timeout. `leave_on_stop` makes a graceful stop leave anyway, with LeaveGroup v3 naming the
instance id (the version that can remove a static member; aiokafka only speaks v0-v1), so a scale-down
still hands the partitions over at once.
"""

from __future__ import annotations

import logging
import os
import re
import socket
import zlib
from typing import Any

from aiokafka.protocol.api import Request, RequestStruct, Response
from aiokafka.protocol.types import Array, Int16, Int32, Schema, String
from faust.assignor import PartitionAssignor
from faust.assignor.client_assignment import ClientMetadata

log = logging.getLogger(__name__)

__all__ = ["StaticMemberAssignor", "group_instance_id", "leave_on_stop"]


def group_instance_id(
    setting: str, app_id: str, data_dir: str, host: str | None = None, web_port: int | None = None
) -> str | None:
    """The worker's `group.instance.id` for the setting's value (None: dynamic membership). `web_port`
    (given with the memory store, whose data directory holds nothing) tells apart workers sharing a host
    and a directory: two members with one instance id would fence each other out of the group."""
    if setting == "none":
        return None
    if setting != "auto":
        return setting
    host = host or socket.gethostname() or "host"
    host = re.sub(r"[^A-Za-z0-9._-]", "-", host)[:100]
    identity = os.path.abspath(data_dir) + ("" if web_port is None else f"|{web_port}")
    where = zlib.crc32(identity.encode("utf-8"))
    return f"{app_id}-{host}-{where:08x}"


class LeaveGroupResponse_v3(Response):
    API_KEY = 13
    API_VERSION = 3
    SCHEMA = Schema(
        ("throttle_time_ms", Int32),
        ("error_code", Int16),
        (
            "members",
            Array(
                ("member_id", String("utf-8")), ("group_instance_id", String("utf-8")), ("error_code", Int16)
            ),
        ),
    )


class LeaveGroupRequest_v3(RequestStruct):
    API_KEY = 13
    API_VERSION = 3
    RESPONSE_TYPE = LeaveGroupResponse_v3
    SCHEMA = Schema(
        ("group", String("utf-8")),
        ("members", Array(("member_id", String("utf-8")), ("group_instance_id", String("utf-8")))),
    )


class StaticLeaveGroupRequest(Request[LeaveGroupRequest_v3]):
    """LeaveGroup for one static member (v3: members with their group instance ids)."""

    API_KEY = 13

    def __init__(self, group: str, member_id: str, instance_id: str) -> None:
        self._group = group
        self._member_id = member_id
        self._instance_id = instance_id

    def build(self, request_struct_class: type[LeaveGroupRequest_v3]) -> LeaveGroupRequest_v3:
        return request_struct_class(self._group, [(self._member_id, self._instance_id)])


def leave_on_stop(consumer: Any) -> None:
    """Make a started AIOKafkaConsumer with a group instance id leave its group when it stops."""
    coordinator = getattr(consumer, "_coordinator", None)
    if coordinator is None or getattr(coordinator, "_group_instance_id", None) is None:
        return
    for attr in (
        "_maybe_leave_group",
        "_send_req",
        "generation",
        "member_id",
        "group_id",
        "reset_generation",
    ):
        if not hasattr(coordinator, attr):
            raise RuntimeError(
                f"aiokafka's GroupCoordinator has no {attr}: aiokafka changed; "
                "update streams.membership.leave_on_stop for the pinned version"
            )

    async def leave() -> None:
        if coordinator.generation > 0:
            request = StaticLeaveGroupRequest(
                coordinator.group_id, coordinator.member_id, coordinator._group_instance_id
            )
            try:
                response = await coordinator._send_req(request)
            except Exception as exc:  # a best effort, as aiokafka's own leave: the session timeout remains
                log.warning("leaving the group failed (%s): partitions move after the session timeout", exc)
            else:
                errors = [response.error_code] + [m[2] for m in getattr(response, "members", ())]
                if any(errors):
                    log.warning("leaving the group answered error codes %s", errors)
                else:
                    log.info("left the consumer group (static member %s)", coordinator._group_instance_id)
        coordinator.reset_generation()

    coordinator._maybe_leave_group = leave


class StaticMemberAssignor(PartitionAssignor):
    """faust's assignor, accepting an assignment made for this member under its previous web URL."""

    def on_assignment(self, assignment: Any) -> None:
        try:
            super().on_assignment(assignment)
        except AssertionError:
            metadata = ClientMetadata.loads(self._decompress(assignment.user_data))
            if metadata.url == str(self._url):
                raise  # another check failed: not ours to accept
            log.info(
                "assignment made for this static member's previous URL %s (now %s)", metadata.url, self._url
            )
