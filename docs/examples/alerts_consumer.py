"""Read claimwatch alerts (v2) from Kafka with kafka-python and handle each one once.

Delivery is at-least-once: a worker that restarts, or an article sent twice, can publish the same alert
again, with the same alert_id. This consumer remembers the ids it has handled (here in memory, bounded;
use a table or a compacted topic where it must survive a restart) and skips repeats.

    python docs/examples/alerts_consumer.py --broker localhost:9092 --topic alerts --group my-desk

--idle-timeout S stops after S seconds without a message (for scripts and tests).
"""

from __future__ import annotations

import argparse
import json
from collections import OrderedDict

from kafka import KafkaConsumer

SEEN_MAX = 100_000  # alert ids remembered; the oldest are forgotten first


def handle(alert: dict) -> None:
    """What to do with a new alert: here, one line per alert."""
    first, second = alert["claims"]
    print(
        f"{alert['story_label']}: {alert['explanation']} "
        f"[{alert['rule']}, confidence {alert['confidence']:.2f}] "
        f"{first['url'] or first['article_id']} | {second['url'] or second['article_id']}",
        flush=True,
    )


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--broker", default="localhost:9092")
    p.add_argument("--topic", default="alerts")
    p.add_argument("--group", default=None, help="consumer group (committed offsets); none: from the start")
    p.add_argument("--idle-timeout", type=float, default=None, help="stop after this many idle seconds")
    args = p.parse_args()

    consumer = KafkaConsumer(
        args.topic,
        bootstrap_servers=args.broker,
        group_id=args.group,
        auto_offset_reset="earliest",
        value_deserializer=lambda v: json.loads(v),
        consumer_timeout_ms=int(args.idle_timeout * 1000) if args.idle_timeout else float("inf"),
    )
    seen: OrderedDict[str, None] = OrderedDict()
    try:
        for record in consumer:  # key: the story_id (one story's alerts arrive in order)
            alert = record.value
            if alert.get("schema_version") != 2:
                continue  # another layout: not this reader's
            if alert["alert_id"] in seen:
                continue  # a redelivery of an alert already handled
            seen[alert["alert_id"]] = None
            if len(seen) > SEEN_MAX:
                seen.popitem(last=False)
            handle(alert)
    finally:
        consumer.close()


if __name__ == "__main__":
    main()
