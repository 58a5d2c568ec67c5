"""Two workers, one app id, topics with four partitions: a crash and a restart lose nothing.

Each worker has its own data directory; the claims table's changelog has the same four partitions. The
assignment is read from each worker's consumer-lag gauge (set for the partitions it holds, while ready),
where a record lands from the key (murmur2, as every client computes it).

- SIGKILL: the survivor takes the dead worker's partitions once the session times out (10 s for test
  workers), restores their table partitions from the changelog (alerts pairing a claim stored before the
  kill with one sent after it prove that), and every expected alert appears. Articles in = processed +
  dead-lettered, counted from the topics. The time from the kill to the first alert the dead worker's
  partitions produced (the failover time) is printed for the benchmark notes.
- SIGTERM and restart: the stopped worker leaves the group at once, the other takes everything, and the
  restarted one rejoins, gets partitions back and consumes from them.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from schemas import DeadLetter
from streams.agents import CLAIM_KEY_HEADER

try:  # see conftest.py
    from .devstream import (
        SCALE,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        claims_held,
        dev_articles,
        first_and_rest,
        key_partition,
        replay,
    )
    from .workerproc import Names, TopicReader, WorkerProc, end_offsets, send, wait_caught_up
except ImportError:
    from devstream import (  # type: ignore[no-redef]
        SCALE,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        claims_held,
        dev_articles,
        first_and_rest,
        key_partition,
        replay,
    )
    from workerproc import (  # type: ignore[no-redef]
        Names,
        TopicReader,
        WorkerProc,
        end_offsets,
        send,
        wait_caught_up,
    )

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]

PARTITIONS = 4
ALL = set(range(PARTITIONS))
STOP_DEADLINE_S = 20.0
BAD = [b'{"id": "bad-1", "source": "AFP", "text": ', b"\xff\xfe not UTF-8"]


@dataclass
class Stream:
    """The dev articles of SCALE split in two phases, with one bad message in each, and the replay."""

    phases: list[list[bytes]]
    expected: set[str]
    expected_first: set[str]
    #: claims partitions of the alerts that pair a claim of phase 1 with one of phase 2
    cross_phase_partitions: set[int]
    #: claims the embedded pipeline holds after the stream
    held_claims: int

    @classmethod
    def build(cls) -> Stream:
        first, rest = first_and_rest(dev_articles(SCALE))
        valid = first + rest
        expected = {a.alert_id for a in replay(valid)}
        assert assert_order_independent(valid, phases=[first, rest]) == expected
        in_first = {article_id(raw) for raw in first}
        cross = {
            key_partition(a.key, PARTITIONS)
            for a in replay(valid)
            if len({c.article_id in in_first for c in a.claims}) == 2
        }
        assert cross == ALL, f"precondition: cross-phase alerts on every claims partition, got {cross}"
        return cls(
            phases=[[*first[:3], BAD[0], *first[3:]], [*rest[:5], BAD[1], *rest[5:]]],
            expected=expected,
            expected_first={a.alert_id for a in replay(first)},
            cross_phase_partitions=cross,
            held_claims=claims_held(valid),
        )


def keys_of(raws: list[bytes]) -> list[bytes]:
    return [(article_id(raw) if raw not in BAD else f"bad-{BAD.index(raw)}").encode() for raw in raws]


def wait_split(workers: list[WorkerProc], topics: list[str], timeout: float = 90.0) -> list[set[int]]:
    """Until every worker is ready and, for each topic, the workers hold disjoint non-empty sets of its
    partitions that cover them all. Returns each worker's partitions of the first topic."""

    def covers(parts: list[set[int]]) -> bool:
        return all(parts) and sum(len(p) for p in parts) == PARTITIONS and set().union(*parts) == ALL

    deadline = time.monotonic() + timeout
    last: object = None
    while time.monotonic() < deadline:
        try:
            ready = all(w.get("/readyz")[0] == 200 for w in workers)
            held = {t: [w.assigned(t) for w in workers] for t in topics}
        except OSError as exc:
            last = repr(exc)
        else:
            last = held
            if ready and all(covers(parts) for parts in held.values()):
                return held[topics[0]]
        time.sleep(0.3)
    logs = "\n".join(w.log_tail(30) for w in workers)
    raise AssertionError(f"no split of {topics} over {len(workers)} workers in {timeout} s: {last}\n{logs}")


def start_two(kafka_bootstrap: str, names: Names, tmp_path: Path) -> list[WorkerProc]:
    workers = [
        WorkerProc(kafka_bootstrap, names, tmp_path / f"data-{i}", tmp_path / f"worker-{i}.log")
        for i in range(2)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.wait_ready()
    return workers


def check_topics_account_for_everything(kafka_bootstrap: str, names: Names, stream: Stream) -> None:
    """Articles in == processed + dead-lettered, from the broker: the group committed every offset of
    `articles` and `claims`, and the dead-letter topic holds exactly the bad messages (a redelivered one
    may be dead-lettered twice: same source offset)."""
    n_in = end_offsets(kafka_bootstrap, names.articles)
    assert n_in == sum(len(p) for p in stream.phases)
    with TopicReader(kafka_bootstrap, names.dlq) as dlq:
        letters = [DeadLetter.model_validate_json(r.value) for r in dlq.drain()]
    dead = {(x.partition, x.offset) for x in letters}
    assert len(dead) == len(BAD)
    assert end_offsets(kafka_bootstrap, names.dlq) == len(letters) >= len(BAD)
    assert {x.article_id for x in letters} == {"bad-0", "bad-1"}
    processed = n_in - len(dead)
    assert processed == sum(len(p) for p in stream.phases) - len(BAD)


def test_sigkill_one_of_two_workers_the_survivor_takes_over(kafka_bootstrap: str, tmp_path: Path) -> None:
    stream = Stream.build()
    names = Names(partitions=PARTITIONS)
    workers = start_two(kafka_bootstrap, names, tmp_path)
    try:
        wait_split(workers, [names.articles, names.claims])
        with TopicReader(kafka_bootstrap, names.alerts) as alerts:
            first = stream.phases[0]
            send(kafka_bootstrap, names.articles, first, keys=keys_of(first))
            alerts.poll_until(lambda rs: stream.expected_first <= alert_ids(rs), timeout=60, what="phase 1")
            wait_caught_up(kafka_bootstrap, names.app_id, [names.claims], timeout=60)
            with TopicReader(kafka_bootstrap, names.claims) as claims:  # the key decides the partition
                for r in claims.drain():
                    assert r.partition == key_partition(r.key, PARTITIONS)

            # kill the worker holding the claims partitions with the most alerts still to come
            held = wait_split(workers, [names.claims, names.articles])
            victim_index = max((0, 1), key=lambda i: len(held[i] & stream.cross_phase_partitions))
            victim, survivor = workers[victim_index], workers[1 - victim_index]
            victim_parts = held[victim_index]
            killed_at = time.time()
            victim.kill()
            second = stream.phases[1]
            send(kafka_bootstrap, names.articles, second, keys=keys_of(second))

            deadline = time.monotonic() + 90
            while survivor.assigned(names.claims) != ALL or survivor.get("/readyz")[0] != 200:
                assert time.monotonic() < deadline, f"no takeover:\n{survivor.log_tail()}"
                assert survivor.alive(), survivor.log_tail()
                time.sleep(0.2)
            took_over = time.time() - killed_at
            alerts.poll_until(lambda rs: stream.expected <= alert_ids(rs), timeout=90, what="every alert")
            wait_caught_up(
                kafka_bootstrap,
                names.app_id,
                [names.articles, names.claims],
                timeout=60,
                log_tail=survivor.log_tail(),
            )
            records = alerts.drain()
        assert alert_ids(records) == stream.expected
        copies = assert_duplicates_are_redeliveries(records)
        check_topics_account_for_everything(kafka_bootstrap, names, stream)
        # the survivor's table holds every claim of the stream: its own and the dead worker's partitions,
        # the latter restored from the changelog
        survivor.wait_metric("claimwatch_claims_in_state", lambda v: v == stream.held_claims, timeout=10)

        # failover: kill -> first alert from the dead worker's claims partitions (record timestamps)
        # (the claims partition that raised an alert: the claim key in its record's header)
        after = [
            (r.timestamp / 1000.0 - killed_at, dict(r.headers)[CLAIM_KEY_HEADER].decode())
            for r in records
            if r.timestamp / 1000.0 > killed_at
        ]
        first_any = min((t for t, _ in after), default=float("nan"))
        first_failover = min(
            (t for t, key in after if key_partition(key, PARTITIONS) in victim_parts), default=float("nan")
        )
        print(
            f"\nSIGKILL of the worker holding claims partitions {sorted(victim_parts)}: survivor held all "
            f"{PARTITIONS} and was ready after {took_over:.2f} s; first alert after the kill "
            f"{first_any:.2f} s, first from the dead worker's partitions {first_failover:.2f} s "
            f"(session timeout 10 s); alert records {len(records)} for {len(copies)} ids"
        )
        assert not math.isnan(first_failover), "an alert came from the dead worker's partitions"
    finally:
        for w in workers:
            w.stop()


def test_sigterm_and_restart_one_worker_rejoins(kafka_bootstrap: str, tmp_path: Path) -> None:
    stream = Stream.build()
    first, second = stream.phases
    half = len(second) // 2
    phases = [first, second[:half], second[half:]]
    names = Names(partitions=PARTITIONS)
    workers = start_two(kafka_bootstrap, names, tmp_path)
    try:
        wait_split(workers, [names.articles, names.claims])
        with TopicReader(kafka_bootstrap, names.alerts) as alerts:
            send(kafka_bootstrap, names.articles, phases[0], keys=keys_of(phases[0]))
            alerts.poll_until(lambda rs: stream.expected_first <= alert_ids(rs), timeout=60, what="phase 1")

            leaving, staying = workers
            code, took = leaving.terminate(timeout=STOP_DEADLINE_S)
            assert code == 0, f"no clean exit within {STOP_DEADLINE_S} s (code {code}):\n{leaving.log_tail()}"
            # a static member leaves its group on a graceful stop (aiokafka would not): no session timeout
            assert "left the consumer group (static member" in leaving.log.read_text(errors="replace")
            wait_split([staying], [names.articles, names.claims], timeout=60)  # it holds all four now
            send(kafka_bootstrap, names.articles, phases[1], keys=keys_of(phases[1]))
            wait_caught_up(kafka_bootstrap, names.app_id, [names.articles, names.claims], timeout=60)
            # the claims gauge follows the takeover (recounted on reassignment, not only on readiness)
            held_now = claims_held([raw for raw in phases[0] + phases[1] if raw not in BAD])
            staying.wait_metric("claimwatch_claims_in_state", lambda v: v == held_now, timeout=10)

            leaving.start()  # same app id, same data dir
            rejoin = leaving.wait_ready()
            held = wait_split(workers, [names.articles, names.claims], timeout=60)
            print(
                f"\nSIGTERM exit in {took:.2f} s; restarted worker ready in {rejoin:.2f} s, holds {held[0]}"
            )
            assert leaving.sample("claimwatch_articles_consumed_total") == 0  # nothing redelivered to it
            send(kafka_bootstrap, names.articles, phases[2], keys=keys_of(phases[2]))
            alerts.poll_until(lambda rs: stream.expected <= alert_ids(rs), timeout=90, what="every alert")
            wait_caught_up(
                kafka_bootstrap,
                names.app_id,
                [names.articles, names.claims],
                timeout=60,
                log_tail=leaving.log_tail(),
            )
            records = alerts.drain()
        assert alert_ids(records) == stream.expected
        assert_duplicates_are_redeliveries(records)
        # the rejoined worker consumed exactly the new articles on its partitions
        on_its_partitions = sum(1 for k in keys_of(phases[2]) if key_partition(k, PARTITIONS) in held[0])
        assert on_its_partitions > 0, "precondition: phase 3 has articles on the rejoined worker's partitions"
        assert leaving.sample("claimwatch_articles_consumed_total") == on_its_partitions
        # the table is split between them like the partitions (each recounted after the rebalance)
        both = [w.sample("claimwatch_claims_in_state") for w in workers]
        assert sum(both) == stream.held_claims and all(both), both
        check_topics_account_for_everything(kafka_bootstrap, names, stream)
    finally:
        for w in workers:
            w.stop()
