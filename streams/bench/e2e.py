"""End-to-end benchmark through a real Kafka broker and `claimwatch worker` subprocesses.

    python -m streams.bench.e2e                                  # broker via deploy/kafka/broker.sh, 1 worker
    python -m streams.bench.e2e --workers 2 --loads 25,50,100,max --seconds 40
    python -m streams.bench.e2e --workers 2 --failover           # SIGKILL one worker mid-stream
    python -m streams.bench.e2e --bootstrap 127.0.0.1:9092 --json out.json

Per offered load (articles/s, paced with kafka-python; `max` = as fast as the producer can send):
  - each article's send time is stamped just before `producer.send`; an alert is matched to the later article
    of its pair (the article whose arrival produced it: the latest send time among its claims' article ids);
    article-to-alert latency = the alert record's broker timestamp (CreateTime, set by the worker's producer
    when it publishes the alert) - that article's send time. p50/p95/p99/max over the alerts of the step.
  - sustained articles/s = articles of the step / (time from first send until the workers' counter
    `claimwatch_articles_consumed_total` (summed over workers) has counted them all and the detect stage has
    caught up: claimwatch_claim_batches_processed_total = claimwatch_claim_batches_total); the rate during the
    send window and the backlog left at its end are printed too; committed offsets of the consumer group
    on `articles` are read at the end as a cross-check.
  - worker peak RSS = VmHWM from /proc/PID/status.
Failover (--failover, 2 workers): a steady load; one worker gets SIGKILL after a third of the stream. The
claims partitions it owned are read from the consumer group's assignment (DescribeGroups) just before the
kill; an alert is "from" a claims partition when murmur2(alert.key) % partitions equals it (the key of the
claims message is the claim key, the alert's `key`). Reported: kill -> group down to one member, kill -> first
alert from a partition the dead worker owned, and the latency of alerts for articles sent after the kill.

Numbers only, never asserted: the machine has 2 cores shared by the broker, the workers, this producer and
this consumer.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ..agents import CLAIM_KEY_HEADER
from .generate import generate
from .procs import ROOT, Broker, Names, Worker, create_topics


def pct(values: list[float], q: float) -> float | None:
    if not values:
        return None
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))]


def ms(x: float | None) -> float | None:
    return None if x is None else round(x * 1000, 1)


class AlertCollector(threading.Thread):
    """Reads the alerts topic (all partitions, from the beginning) into memory until stopped."""

    def __init__(self, bootstrap: str, topic: str) -> None:
        super().__init__(daemon=True)
        self.bootstrap, self.topic = bootstrap, topic
        self.records: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.halt = threading.Event()
        self.error: str | None = None

    def run(self) -> None:
        from kafka import KafkaConsumer, TopicPartition

        try:
            consumer = KafkaConsumer(
                bootstrap_servers=self.bootstrap,
                group_id=None,
                enable_auto_commit=False,
                fetch_max_wait_ms=20,
                max_poll_records=2000,
            )
            parts = None
            for _ in range(300):
                parts = consumer.partitions_for_topic(self.topic)
                if parts:
                    break
                time.sleep(0.1)
            tps = [TopicPartition(self.topic, p) for p in sorted(parts or ())]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            while not self.halt.is_set():
                for batch in consumer.poll(timeout_ms=100).values():
                    now = time.time()
                    rows = []
                    for rec in batch:
                        a = json.loads(rec.value)
                        rows.append(
                            {
                                "ts": rec.timestamp / 1000,
                                "recv": now,
                                "alert_id": a["alert_id"],
                                "key": dict(rec.headers or []).get(CLAIM_KEY_HEADER, b"").decode(),
                                "articles": [c["article_id"] for c in a["claims"]],
                            }
                        )
                    with self.lock:
                        self.records.extend(rows)
            consumer.close()
        except Exception as exc:  # reported in the results, never silently
            self.error = repr(exc)

    def snapshot(self) -> list[dict[str, Any]]:
        with self.lock:
            return list(self.records)


class Run:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.out = Path(args.out).resolve()
        self.names = Names(partitions=args.partitions)
        self.run_dir = self.out / f"run-{self.names.suffix}"
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.broker = Broker(self.run_dir / "broker", args.bootstrap)
        self.workers: list[Worker] = []
        self.sent: dict[str, float] = {}
        self.collector: AlertCollector | None = None
        self.producer: Any = None

    def log(self, msg: str) -> None:
        print(f"e2e: {msg}", file=sys.stderr, flush=True)

    # ------------------------------------------------------------ setup / teardown
    def setup(self) -> dict[str, Any]:
        from kafka import KafkaProducer

        t0 = time.monotonic()
        self.broker.start()
        self.log(
            f"broker {self.broker.bootstrap} ({'started' if self.broker.owned else 'external'}) "
            f"in {time.monotonic() - t0:.1f} s"
        )
        create_topics(self.names, self.broker.bootstrap, self.run_dir / "topics.log")
        extra = (
            {"CLAIMWATCH_FETCH_MAX_WAIT_MS": str(self.args.fetch_wait_ms)} if self.args.fetch_wait_ms else {}
        )
        if self.args.session_timeout_ms:
            extra["CLAIMWATCH_SESSION_TIMEOUT_MS"] = str(self.args.session_timeout_ms)
        for i in range(self.args.workers):
            self.workers.append(
                Worker(
                    self.names,
                    self.broker.bootstrap,
                    self.run_dir / f"data-{i}",
                    self.run_dir / f"worker-{i}.log",
                    store=self.args.store,
                    extra_env=extra,
                ).start()
            )
        ready = [round(w.wait_ready(), 2) for w in self.workers]
        if len(self.workers) > 1:  # all ready = the group has settled with every member
            time.sleep(2.0)
            ready = [round(w.wait_ready(), 2) for w in self.workers]
        self.log(
            f"{len(self.workers)} worker(s) ready after {ready} s (pids {[w.pid for w in self.workers]})"
        )
        self.collector = AlertCollector(self.broker.bootstrap, self.names.topic("alerts"))
        self.collector.start()
        self.producer = KafkaProducer(
            bootstrap_servers=self.broker.bootstrap,
            acks=1,
            linger_ms=2,
            batch_size=256 * 1024,
            max_request_size=4 * 1024 * 1024,
        )
        return {"ready_s": ready, "app_id": self.names.app_id, "run_dir": str(self.run_dir)}

    def teardown(self) -> None:
        if self.producer is not None:
            self.producer.close(timeout=10)
        if self.collector is not None:
            self.collector.halt.set()
            self.collector.join(timeout=10)
        for w in self.workers:
            w.stop(timeout=30)
        self.broker.stop(clean=not self.args.keep)
        if not self.args.keep:  # worker logs stay; table state (RocksDB) goes
            for w in self.workers:
                shutil.rmtree(w.data_dir, ignore_errors=True)

    # ------------------------------------------------------------ measures
    def consumed(self) -> float:
        return sum(
            v
            for w in self.workers
            if w.alive()
            for v in [w.metric("claimwatch_articles_consumed_total")]
            if v is not None
        )

    def claims_caught_up(self) -> bool:
        """The detect stage has processed every ClaimBatch the extract stage sent (counters of all workers).
        Without this, a step would end when articles are read while the claims topic still holds a backlog."""
        sent = processed = 0.0
        for w in self.workers:
            if w.alive():
                sent += w.metric("claimwatch_claim_batches_total") or 0.0
                processed += w.metric("claimwatch_claim_batches_processed_total") or 0.0
        return processed >= sent

    def committed(self) -> int | None:
        from kafka import KafkaAdminClient

        try:
            admin = KafkaAdminClient(bootstrap_servers=self.broker.bootstrap)
            try:
                offs = admin.list_group_offsets(self.names.app_id)[self.names.app_id]
            finally:
                admin.close()
            return sum(o.offset for tp, o in offs.items() if tp.topic == self.names.topic("articles"))
        except Exception:
            return None

    def send(self, articles: list[dict[str, Any]], rate: float | None) -> float:
        """Send paced at `rate` articles/s (None: as fast as possible); returns the send window in seconds."""
        topic = self.names.topic("articles")
        payloads = [(a["id"], json.dumps(a, ensure_ascii=False).encode()) for a in articles]
        t0 = time.monotonic()
        for i, (aid, value) in enumerate(payloads):
            if rate:
                delay = t0 + i / rate - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            self.sent[aid] = time.time()
            self.producer.send(topic, key=aid.encode(), value=value)
            if rate and rate <= 200:
                self.producer.flush(timeout=30)  # paced: each article leaves now, its stamp is its send time
        self.producer.flush(timeout=60)
        return time.monotonic() - t0

    def latencies(self, ids: set[str], since: float = 0.0) -> tuple[list[float], int]:
        assert self.collector is not None
        lat, n = [], 0
        for r in self.collector.snapshot():
            known = [self.sent[a] for a in r["articles"] if a in self.sent]
            if not known:
                continue
            trigger = max(r["articles"], key=lambda a: self.sent.get(a, -1.0))
            if trigger in ids and r["ts"] >= since:
                lat.append(r["ts"] - self.sent[trigger])
                n += 1
        return lat, n

    # ------------------------------------------------------------ one load step
    def step(self, articles: list[dict[str, Any]], rate: float | None, label: str) -> dict[str, Any]:
        c0 = self.consumed()
        t_start = time.monotonic()
        window = self.send(articles, rate)
        c_end_send = self.consumed() - c0
        target = len(articles)
        deadline = time.monotonic() + self.args.drain_timeout
        done = c_end_send
        while (done < target or not self.claims_caught_up()) and time.monotonic() < deadline:
            time.sleep(0.1)
            done = self.consumed() - c0
        drained = time.monotonic() - t_start
        time.sleep(self.args.settle)  # alerts of the last articles
        ids = {a["id"] for a in articles}
        lat, n_alerts = self.latencies(ids)
        row = {
            "load": label,
            "articles": target,
            "send_window_s": round(window, 2),
            "offered_per_s": round(target / window, 1),
            "processed_in_window_per_s": round(c_end_send / window, 1),
            "backlog_at_end_of_send": int(target - c_end_send),
            "processed": int(done),
            "complete": done >= target,
            "drain_s": round(drained, 2),
            "sustained_per_s": round(done / drained, 1),
            "alerts": n_alerts,
            "latency_ms": {
                "p50": ms(pct(lat, 50)),
                "p95": ms(pct(lat, 95)),
                "p99": ms(pct(lat, 99)),
                "max": ms(max(lat) if lat else None),
                "mean": ms(statistics.fmean(lat) if lat else None),
            },
            "worker_peak_rss_mb": [w.vm_hwm_mb() for w in self.workers],
        }
        self.log(
            f"{label}: {row['offered_per_s']}/s offered, {row['sustained_per_s']}/s sustained, "
            f"{n_alerts} alerts, p50/p99 {row['latency_ms']['p50']}/{row['latency_ms']['p99']} ms, "
            f"RSS {row['worker_peak_rss_mb']} MB"
        )
        return row

    # ------------------------------------------------------------ failover
    def group_members(self) -> dict[str, set[int]]:
        """member id -> claims partitions assigned to it (DescribeGroups)."""
        from kafka import KafkaAdminClient

        admin = KafkaAdminClient(bootstrap_servers=self.broker.bootstrap)
        try:
            g = admin.describe_groups([self.names.app_id])[self.names.app_id]
        finally:
            admin.close()
        out: dict[str, set[int]] = {}
        claims = self.names.topic("claims")
        for m in g.get("members", []):
            parts: set[int] = set()
            asg = m.get("member_assignment") or {}
            for t in (
                (asg.get("assigned_partitions") or asg.get("assignment") or [])
                if isinstance(asg, dict)
                else []
            ):
                topic, ps = (
                    (t[0], t[1]) if isinstance(t, (list, tuple)) else (t.get("topic"), t.get("partitions"))
                )
                if topic == claims:
                    parts.update(ps or ())
            out[m["member_id"]] = parts
        return out

    def partitioner_check(self, sample: int = 300) -> str:
        """Do claims messages sit in murmur2(key) % partitions? (the failover method depends on it)"""
        from kafka import KafkaConsumer, TopicPartition
        from kafka.partitioner.default import murmur2

        topic = self.names.topic("claims")
        consumer = KafkaConsumer(
            bootstrap_servers=self.broker.bootstrap, group_id=None, enable_auto_commit=False
        )
        try:
            tps = [TopicPartition(topic, p) for p in range(self.args.partitions)]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            seen = match = 0
            deadline = time.monotonic() + 10
            while seen < sample and time.monotonic() < deadline:
                for tp, recs in consumer.poll(timeout_ms=200).items():
                    for r in recs:
                        seen += 1
                        match += (murmur2(r.key) & 0x7FFFFFFF) % self.args.partitions == tp.partition
        finally:
            consumer.close()
        return f"{match}/{seen}"

    def failover(self, articles: list[dict[str, Any]], rate: float) -> dict[str, Any]:
        from kafka.partitioner.default import murmur2

        n = self.args.partitions
        before = self.group_members()
        victim = self.workers[-1]
        kill_at = len(articles) // 3
        self.log(
            f"failover: {len(articles)} articles at {rate}/s, SIGKILL worker pid {victim.pid} after {kill_at}"
        )
        self.send(articles[:kill_at], rate)
        t_kill = time.time()
        victim.kill()
        watcher: dict[str, Any] = {}

        def watch() -> None:  # when does the group drop the dead member?
            while "after" not in watcher and time.time() - t_kill < self.args.drain_timeout:
                try:
                    members = self.group_members()
                except Exception:
                    members = {}
                if members and len(members) < len(before):
                    watcher["after"], watcher["t"] = members, time.time()
                    return
                time.sleep(0.25)

        th = threading.Thread(target=watch, daemon=True)
        th.start()
        self.send(articles[kill_at:], rate)
        th.join(timeout=self.args.drain_timeout)
        total = self.committed_target(len(articles))
        time.sleep(self.args.settle)
        after = watcher.get("after", {})
        gone = [m for m in before if m not in after]
        dead_parts = set().union(*(before[m] for m in gone)) if gone and after else set()
        first = None
        assert self.collector is not None
        for r in sorted(self.collector.snapshot(), key=lambda r: r["ts"]):
            part = (murmur2(r["key"].encode()) & 0x7FFFFFFF) % n
            if r["ts"] > t_kill and part in dead_parts:
                first = r["ts"] - t_kill
                break
        post = {a["id"] for a in articles[kill_at:]}
        lat, n_alerts = self.latencies(post)
        return {
            "rate": rate,
            "articles": len(articles),
            "killed_pid": victim.pid,
            "claims_partitioner_check": self.partitioner_check(),
            "members_before": {k[-8:]: sorted(v) for k, v in before.items()},
            "dead_claims_partitions": sorted(dead_parts),
            "kill_to_group_rebalanced_s": round(watcher["t"] - t_kill, 2) if "t" in watcher else None,
            "kill_to_first_alert_from_dead_partitions_s": round(first, 2) if first is not None else None,
            "all_consumed": total,
            "alerts_after_kill": n_alerts,
            "latency_after_kill_ms": {
                "p50": ms(pct(lat, 50)),
                "p99": ms(pct(lat, 99)),
                "max": ms(max(lat) if lat else None),
            },
            "survivor_peak_rss_mb": self.workers[0].vm_hwm_mb(),
            "victim_peak_rss_mb": victim.vm_hwm_mb(),
        }

    def committed_target(self, n: int) -> bool:
        """Wait until the group's committed offsets on `articles` reach the number of articles sent."""
        target = len(self.sent)
        deadline = time.monotonic() + self.args.drain_timeout
        while time.monotonic() < deadline:
            c = self.committed()
            if c is not None and c >= target:
                return True
            time.sleep(0.5)
        return False


def parse_loads(s: str) -> list[float | None]:
    return [None if x.strip() == "max" else float(x) for x in s.split(",") if x.strip()]


def report(res: dict[str, Any]) -> str:
    lines = [
        f"\n== end-to-end: {res['workers']} worker(s), {res['partitions']} partitions, store {res['store']}, "
        f"workers ready in {res['setup']['ready_s']} s"
        + (f", session timeout {res['session_timeout_ms']} ms" if res.get("session_timeout_ms") else "")
    ]
    head = (
        "load",
        "articles",
        "offered/s",
        "sustained/s",
        "in-window/s",
        "backlog",
        "alerts",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "max ms",
        "worker RSS MB",
    )
    rows = [head]
    for r in res["steps"]:
        lt = r["latency_ms"]
        rows.append(
            (
                r["load"],
                r["articles"],
                r["offered_per_s"],
                r["sustained_per_s"],
                r["processed_in_window_per_s"],
                r["backlog_at_end_of_send"],
                r["alerts"],
                lt["p50"],
                lt["p95"],
                lt["p99"],
                lt["max"],
                "/".join(str(x) for x in r["worker_peak_rss_mb"]),
            )
        )
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(head))]
    for k, r in enumerate(rows):
        lines.append("  ".join(str(c).rjust(w) for c, w in zip(r, widths, strict=False)))
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    if res.get("committed_offsets") is not None:
        lines.append(
            f"committed offsets on articles at the end: {res['committed_offsets']} of {res['sent']} sent"
        )
    if "failover" in res:
        f = res["failover"]
        lines.append(
            f"\n== failover: {f['articles']} articles at {f['rate']}/s, SIGKILL pid {f['killed_pid']} "
            f"(claims partitions {f['dead_claims_partitions']})"
        )
        lines.append(f"claims messages in murmur2(key) % partitions: {f['claims_partitioner_check']}")
        lines.append(
            f"kill -> group rebalanced: {f['kill_to_group_rebalanced_s']} s; kill -> first alert from the "
            f"dead worker's partitions: {f['kill_to_first_alert_from_dead_partitions_s']} s"
        )
        lt = f["latency_after_kill_ms"]
        lines.append(
            f"alerts for articles sent after the kill: {f['alerts_after_kill']}, latency p50 {lt['p50']} ms, "
            f"p99 {lt['p99']} ms, max {lt['max']} ms; all consumed: {f['all_consumed']}"
        )
    if res.get("collector_error"):
        lines.append(f"alert consumer error: {res['collector_error']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="claimwatch bench e2e", description=__doc__.splitlines()[0])
    ap.add_argument("--bootstrap", help="use this broker (host:port) instead of starting one")
    ap.add_argument("--partitions", type=int, default=4)
    ap.add_argument("--workers", type=int, default=1, choices=(1, 2))
    ap.add_argument("--loads", default="25,50,100", help="offered loads, articles/s; 'max' = unpaced")
    ap.add_argument("--seconds", type=float, default=30.0, help="send window per paced load")
    ap.add_argument("--max-articles", type=int, default=1500, help="articles in the unpaced ('max') step")
    ap.add_argument(
        "--failover", action="store_true", help="(2 workers) SIGKILL one mid-stream instead of loads"
    )
    ap.add_argument("--failover-rate", type=float, default=25.0)
    ap.add_argument("--failover-seconds", type=float, default=120.0)
    ap.add_argument("--warmup", type=int, default=100, help="articles sent (and drained) before measuring")
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--store", choices=("rocksdb", "memory"), default="rocksdb")
    ap.add_argument("--fetch-wait-ms", type=int, help="CLAIMWATCH_FETCH_MAX_WAIT_MS for the workers")
    ap.add_argument(
        "--session-timeout-ms", type=int, help="CLAIMWATCH_SESSION_TIMEOUT_MS for the workers (failover time)"
    )
    ap.add_argument(
        "--drain-timeout", type=float, default=180.0, help="seconds to wait for a backlog to clear"
    )
    ap.add_argument("--settle", type=float, default=2.0, help="seconds to wait for the last alerts")
    ap.add_argument("--out", default=str(ROOT / "bench-out" / "e2e"), help="run directories (logs, data)")
    ap.add_argument("--keep", action="store_true", help="keep the broker directory")
    ap.add_argument("--json", help="write the figures as JSON to this file")
    args = ap.parse_args(argv)
    if args.failover and args.workers != 2:
        ap.error("--failover needs --workers 2")

    loads = parse_loads(args.loads)
    sizes = [args.warmup] + (
        [int(args.failover_rate * args.failover_seconds)]
        if args.failover
        else [int(r * args.seconds) if r else args.max_articles for r in loads]
    )
    stream = list(generate(sum(sizes), args.seed))
    slices, k = [], 0
    for s in sizes:
        slices.append(stream[k : k + s])
        k += s

    run = Run(args)
    res: dict[str, Any] = {
        "workers": args.workers,
        "partitions": args.partitions,
        "store": args.store,
        "session_timeout_ms": args.session_timeout_ms,  # None: the worker's default
        "steps": [],
    }
    try:
        res["setup"] = run.setup()
        run.log(f"warm-up: {len(slices[0])} articles")
        run.step(slices[0], 50.0, "warm-up")
        if args.failover:
            res["failover"] = run.failover(slices[1], args.failover_rate)
        else:
            for rate, arts in zip(loads, slices[1:], strict=True):
                res["steps"].append(run.step(arts, rate, f"{rate:g}/s" if rate else "max"))
        res["sent"] = len(run.sent)
        res["committed_offsets"] = run.committed()
        res["worker_peak_rss_mb"] = [w.vm_hwm_mb() for w in run.workers]
    finally:
        run.teardown()
        if run.collector is not None and run.collector.error:
            res["collector_error"] = run.collector.error
    print(report(res))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
