"""The test broker itself works: explicit topic creation, produce, consume (tier: integration)."""

from __future__ import annotations

import uuid

import pytest
from kafka import KafkaConsumer, KafkaProducer

try:  # see conftest.py
    from .broker import create_topics
except ImportError:
    from broker import create_topics  # type: ignore[no-redef]

PARTITIONS = 3


@pytest.mark.kafka
def test_produce_and_consume_on_three_partitions(kafka_bootstrap: str, kafka_admin: object) -> None:
    topic = f"broker-selftest-{uuid.uuid4().hex[:8]}"
    create_topics(kafka_admin, [topic], PARTITIONS)
    sent = {f"k{i}".encode(): f'{{"n": {i}, "text": "message {i}"}}'.encode() for i in range(10)}
    partition_of = {key: i % PARTITIONS for i, key in enumerate(sent)}

    producer = KafkaProducer(bootstrap_servers=kafka_bootstrap, acks="all", linger_ms=0)
    try:
        for key, value in sent.items():
            meta = producer.send(topic, key=key, value=value, partition=partition_of[key]).get(timeout=30)
            assert meta.partition == partition_of[key]
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=10)

    consumer = KafkaConsumer(
        topic,
        bootstrap_servers=kafka_bootstrap,
        group_id=f"{topic}-reader",
        auto_offset_reset="earliest",
        enable_auto_commit=False,
        consumer_timeout_ms=15_000,
    )
    received = []
    try:
        for record in consumer:
            received.append(record)
            if len(received) == len(sent):
                break
    finally:
        consumer.close()

    assert sorted(r.value for r in received) == sorted(sent.values())
    assert {r.key: r.value for r in received} == sent
    assert {r.key: r.partition for r in received} == partition_of
    for p in range(PARTITIONS):  # per-partition order is the send order
        in_partition = [r for r in received if r.partition == p]
        assert [r.key for r in in_partition] == [k for k in sent if partition_of[k] == p]
        assert [r.offset for r in in_partition] == list(range(len(in_partition)))
