"""Bounded per-key claim history, stored in segments so that a write costs a few claims, not the history.

Layout in any MutableMapping of JSON-able values (a faust Table, a dict):

    "<claim key>"     head: {"layout": "segments/1", "open": N, "sealed": [[n, count, last claim id,
                      newest and oldest published_at as unix time], ...]}
                      (tiny; rewritten only when a segment seals or is dropped)
    "<claim key>#<n>" segment n: a JSON list of at most `segment` claims, in arrival order

New claims are appended to the open segment; when it holds `segment` claims it is sealed (never rewritten
again) and the next one opens. So each batch writes one small segment (and the changelog carries one small
record) instead of re-serialising the key's whole history. Sealed segments are decoded once and cached,
checked against the head's (count, last claim id) entry on every read.

Event time, not arrival order: a batch published at t is compared with the stored claims of its key
published within `max_age_days` of t, before or after it (the comparison window; at most `per_key` of
them, the nearest in event time). A key's stream time is the newest publication time stored under it; a
key keeps the claims published within `max_age_days + lateness_days` of it (the retention) and drops the
rest. So any two claims at most `max_age_days` apart meet, whichever arrives first, as long as the second
is at most `lateness_days` behind its key's stream time when it arrives (the grace period). A claim later
than that is still compared with what is stored, and reported as late (stored when it is still within the
retention). What a key stores under the age bound is the same in any arrival order. The count bound keeps
at most `per_key + segment` claims per key (whole sealed segments go, oldest in event time first); once it
binds, which claims a busy key keeps can depend on arrival order. A key written by an older version (one
plain list under the claim key) is read as it is and rewritten in segments on its next write.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from operator import attrgetter
from typing import Any

from schemas import Claim


@dataclass(frozen=True)
class StateBounds:
    per_key: int = 300
    #: the comparison window: two claims meet only when published at most this many days apart
    max_age_days: float = 400.0
    #: the grace period: how far behind its key's newest claim a claim may arrive and still meet every
    #: claim of its window, whichever arrives first
    lateness_days: float = 1095.0
    segment: int = 16  # claims per stored segment (the unit of a table write)

    @property
    def retention_days(self) -> float:
        """How long (event time, behind the key's newest claim) a key keeps a claim."""
        return self.max_age_days + self.lateness_days


LAYOUT = "segments/1"
SEGMENT_SEP = "#"


def segment_key(key: str, n: int) -> str:
    return f"{key}{SEGMENT_SEP}{n}"


def claims_count(value: Any) -> int:
    """Claims stored in one table value: a head holds none, a segment (or an old-layout list) its items."""
    return len(value) if isinstance(value, list) else 0


class Codec:
    """Claims <-> table items, memoised by claim id (a claim id names immutable content), so a key's
    history is not re-validated and re-serialised on every batch. Bounded: least recently used first out."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._claims: OrderedDict[str, tuple[Claim, dict[str, Any]]] = OrderedDict()

    def _remember(self, claim: Claim, item: dict[str, Any]) -> None:
        self._claims[claim.claim_id] = (claim, item)
        if len(self._claims) > self.size:
            self._claims.popitem(last=False)

    def decode(self, item: Any) -> Claim | None:
        if isinstance(item, Claim):
            return item
        cid = item.get("claim_id") if isinstance(item, dict) else None
        hit = self._claims.get(cid) if isinstance(cid, str) else None
        if hit is not None:
            self._claims.move_to_end(cid)  # type: ignore[arg-type]
            return hit[0]
        try:
            claim = Claim.model_validate(item)
        except ValueError:
            return None  # unreadable (written by an older version): dropped
        self._remember(claim, item)
        return claim

    def encode(self, claim: Claim) -> dict[str, Any]:
        hit = self._claims.get(claim.claim_id)
        if hit is not None and (hit[0] is claim or hit[0] == claim):
            return hit[1]
        item = claim.model_dump(mode="json")
        self._remember(claim, item)
        return item


_DEFAULT_CODEC = Codec()


def load(value: Any, codec: Codec | None = None) -> list[Claim]:
    """Table value -> claims. Unreadable entries are dropped (state written by an older version)."""
    if not value:
        return []
    codec = codec or _DEFAULT_CODEC
    return [c for c in (codec.decode(item) for item in value) if c is not None]


def dump(claims: Iterable[Claim], codec: Codec | None = None) -> list[dict[str, Any]]:
    codec = codec or _DEFAULT_CODEC
    return [codec.encode(c) for c in claims]


_EVENT_ORDER = attrgetter("published_at", "claim_id")


def merge(history: list[Claim], new: Iterable[Claim], bounds: StateBounds) -> list[Claim]:
    """Add new claims (replacing same claim_id), order by event time, keep the retention: the claims
    published within `retention_days` of the newest, at most the newest `per_key + segment` of them."""
    by_id = {c.claim_id: c for c in history}
    for c in new:
        by_id[c.claim_id] = c
    merged = sorted(by_id.values(), key=_EVENT_ORDER)
    if merged:
        horizon = merged[-1].published_at - timedelta(days=bounds.retention_days)
        merged = [c for c in merged if c.published_at >= horizon]
    return merged[-(bounds.per_key + max(1, bounds.segment)) :]


def window(retained: list[Claim], at: datetime, bounds: StateBounds) -> list[Claim]:
    """The claims of `retained` (in event order) a batch published at `at` is compared with: those
    published within `max_age_days` of it, before or after; at most `per_key`, the nearest in event time.
    A pure function of the retained claims and `at`, whatever order they arrived in."""
    reach = timedelta(days=bounds.max_age_days)
    when = attrgetter("published_at")
    out = retained[bisect_left(retained, at - reach, key=when) : bisect_right(retained, at + reach, key=when)]
    if len(out) > bounds.per_key:  # (equally near: the later in event order first)
        nearest = sorted(out[::-1], key=lambda c: abs((c.published_at - at).total_seconds()))
        out = sorted(nearest[: bounds.per_key], key=_EVENT_ORDER)
    return out


def _extend_retained(
    retained: list[Claim], new: list[Claim], known: dict[str, Claim], horizon: datetime
) -> list[Claim] | None:
    """The retained claims after adding claims never seen before: each is inserted in event order into a
    copy, then the age bound applied, without re-ordering the whole history. None when a stored claim is
    replaced (the caller recomputes from storage)."""
    if any(c.claim_id in known for c in new):
        return None
    out = list(retained)
    for c in new:
        insort(out, c, key=_EVENT_ORDER)
    if out and out[0].published_at < horizon:
        out = out[bisect_left(out, horizon, key=attrgetter("published_at")) :]
    return out


def _signature(sealed: Iterable[Any], n_open: Any, open_claims: list[Claim]) -> tuple[Any, ...]:
    """What a key stores, in brief: its sealed segments (number, count, last claim) and the open one."""
    return (
        tuple((int(e[0]), int(e[1]), str(e[2])) for e in sealed),
        int(n_open),
        tuple(c.claim_id for c in open_claims),
    )


@dataclass
class Loaded:
    """One key's history as read from state: what is stored (arrival order) and the retained claims."""

    key: str
    head: dict[str, Any] | None  # None: nothing stored, or the old one-list layout
    stored: list[Claim]  # every stored claim, oldest segment first
    open: list[Claim]  # the open segment's claims
    legacy: bool = False
    _retained: list[Claim] | None = None
    _versions: dict[str, str] | None = None

    _known: dict[str, Claim] | None = None

    def known(self) -> dict[str, Claim]:
        """Claim id -> the stored claim (a later copy of an id replaces an earlier one)."""
        if self._known is None:
            self._known = {c.claim_id: c for c in self.stored}
        return self._known

    def versions(self) -> dict[str, str]:
        """Article id -> its latest stored version (arrival order: the last one wins)."""
        if self._versions is None:
            self._versions = {c.article_id: c.article_version for c in self.stored}
        return self._versions

    def retained(self) -> list[Claim]:
        """The stored claims that can be compared, in event order. An article stored in two versions (same
        id, changed content) counts in its latest version only: claims an outlet has since revised are not
        compared with later reports (the revision itself was compared with them when it arrived)."""
        if self._retained is None:
            latest = self.versions()
            by_id = {c.claim_id: c for c in self.stored if latest[c.article_id] == c.article_version}
            self._retained = sorted(by_id.values(), key=_EVENT_ORDER)
        return self._retained

    def stream_time(self) -> datetime | None:
        """The newest publication time stored under the key (None when nothing is)."""
        if self.head is None:
            return max((c.published_at for c in self.stored), default=None)
        times = [float(e[3]) for e in self.head.get("sealed") or ()]
        newest = max((c.published_at for c in self.open), default=None)
        if times and (newest is None or newest.timestamp() < max(times)):
            return datetime.fromtimestamp(max(times), tz=timezone.utc)
        return newest

    def view(self, bounds: StateBounds, at: datetime | None = None) -> list[Claim]:
        """The history a batch published at `at` is compared with (`window`); without `at`, a batch as new
        as the key's newest claim."""
        retained = self.retained()
        if not retained:
            return []
        return window(retained, retained[-1].published_at if at is None else at, bounds)


class SegmentedHistory:
    """Reads and appends claim histories in the segmented layout over any MutableMapping."""

    def __init__(self, state: Any, bounds: StateBounds, codec: Codec, cache_segments: int = 2048) -> None:
        self.state = state
        self.bounds = bounds
        self.codec = codec
        self.cache_segments = cache_segments
        self._sealed: OrderedDict[tuple[str, int], tuple[tuple[int, str], list[Claim]]] = OrderedDict()
        #: key -> (signature of what is stored, its retained claims, versions, known): carried over from the
        #: last write, so the next batch of the key need not re-order the whole history
        self._views: OrderedDict[
            str, tuple[tuple[Any, ...], list[Claim], dict[str, str], dict[str, Claim] | None]
        ] = OrderedDict()

    def _segment(self, key: str, entry: list[Any]) -> list[Claim]:
        n, count, last_id = int(entry[0]), int(entry[1]), str(entry[2])
        hit = self._sealed.get((key, n))
        if hit is not None and hit[0] == (count, last_id):
            self._sealed.move_to_end((key, n))
            return hit[1]
        claims = load(self.state.get(segment_key(key, n)), self.codec)
        # cache only what the head vouches for
        if claims and len(claims) == count and claims[-1].claim_id == last_id:
            self._sealed[(key, n)] = ((count, last_id), claims)
            if len(self._sealed) > self.cache_segments:
                self._sealed.popitem(last=False)
        return claims

    def load(self, key: str) -> Loaded:
        value = self.state.get(key)
        if isinstance(value, list):  # the old layout (or a table's empty default)
            return Loaded(key, None, load(value, self.codec), [], legacy=bool(value))
        if not isinstance(value, dict) or value.get("layout") != LAYOUT:
            return Loaded(key, None, [], [])  # nothing stored (or unreadable: started afresh)
        stored: list[Claim] = []
        for entry in value.get("sealed") or ():
            stored.extend(self._segment(key, entry))
        open_claims = load(self.state.get(segment_key(key, int(value.get("open", 0)))), self.codec)
        stored.extend(open_claims)
        loaded = Loaded(key, value, stored, open_claims)
        cached = self._views.get(key)
        if cached is not None and cached[0] == _signature(
            value.get("sealed") or (), value.get("open", 0), open_claims
        ):
            loaded._retained, loaded._versions, loaded._known = cached[1], cached[2], cached[3]
        return loaded

    def add(self, loaded: Loaded, claims: Iterable[Claim]) -> list[tuple[Claim, datetime, bool]]:
        """Append the claims not already stored as they are (a redelivery adds nothing), then trim to the
        bounds. Returns the late ones -- claims more than `lateness_days` behind the key's stream time
        before this batch -- each with that stream time and whether it was stored (it is, unless it is
        already beyond the retention)."""
        known = loaded.known()
        new: list[Claim] = []
        again: set[str] = set()
        for c in claims:
            if known.get(c.claim_id) == c:
                again.add(c.claim_id)
            elif all(c.claim_id != n.claim_id or c != n for n in new):
                new.append(c)
        if again and not loaded.legacy:
            self._reassert(loaded, again)
        if not new and not loaded.legacy:
            return []
        before = loaded.stream_time()
        newest = max([c.published_at for c in new] + ([before] if before is not None else []))
        horizon = newest - timedelta(days=self.bounds.retention_days)
        grace = self.bounds.lateness_days * 86_400
        late = [
            (c, before, c.published_at >= horizon)
            for c in new
            if before is not None and (before - c.published_at).total_seconds() > grace
        ]
        new = [c for c in new if c.published_at >= horizon]  # beyond the retention: never compared again
        if loaded.legacy:
            self._views.pop(loaded.key, None)
            self._rewrite(loaded.key, merge([], [*loaded.stored, *new], self.bounds))
            return late
        if not new:
            return late
        head = loaded.head or {"layout": LAYOUT, "open": 0, "sealed": []}
        sealed = [list(e) for e in head.get("sealed") or ()]
        n_open = int(head.get("open", 0))
        segment = [c for c in loaded.open if c.published_at >= horizon]
        trimmed = len(segment) < len(loaded.open)
        segment += new  # never empty here
        size = max(1, self.bounds.segment)
        head_changed = loaded.head is None
        while len(segment) >= size:
            full, segment = segment[:size], segment[size:]
            self.state[segment_key(loaded.key, n_open)] = dump(full, self.codec)
            sealed.append(self._entry(n_open, full))
            n_open += 1
            head_changed = True
        if segment:  # (a just-opened empty segment needs no write: a missing segment reads as empty)
            self.state[segment_key(loaded.key, n_open)] = dump(segment, self.codec)
        # the retained claims after this write: from those before it, unless a revision supersedes stored
        # claims or a stored claim is replaced (then recomputed from storage on the next read)
        versions = loaded.versions()
        retained: list[Claim] | None = None
        if all(versions.get(c.article_id, c.article_version) == c.article_version for c in new):
            retained = _extend_retained(loaded.retained(), new, known, horizon)
            versions = {**versions, **{c.article_id: c.article_version for c in new}}
        # the age bound, exactly: sealed segments entirely older than the horizon go, partly older ones are
        # rewritten without their expired claims (so what a key stores does not depend on arrival order)
        horizon_ts = horizon.timestamp()
        kept: list[list[Any]] = []
        for entry in sealed:
            if float(entry[4]) >= horizon_ts:
                kept.append(entry)
                continue
            head_changed = trimmed = True
            if float(entry[3]) < horizon_ts:
                self._drop(loaded.key, int(entry[0]))
                continue
            fresh = [c for c in self._segment(loaded.key, entry) if c.published_at >= horizon]
            self.state[segment_key(loaded.key, int(entry[0]))] = dump(fresh, self.codec)
            kept.append(self._entry(int(entry[0]), fresh))
            self._sealed[(loaded.key, int(entry[0]))] = ((len(fresh), fresh[-1].claim_id), fresh)
        sealed = kept
        # the count bound: beyond per_key + segment claims, whole sealed segments go, oldest in event time
        # first (in event order, a key keeps its newest per_key claims and at most a segment more)
        total = sum(int(e[1]) for e in sealed) + len(segment)
        while sealed and total > self.bounds.per_key + size:
            entry = min(sealed, key=lambda e: (float(e[3]), int(e[0])))
            sealed.remove(entry)
            total -= int(entry[1])
            self._drop(loaded.key, int(entry[0]))
            head_changed = trimmed = True
        if head_changed:
            self.state[loaded.key] = {"layout": LAYOUT, "open": n_open, "sealed": sealed}
        if retained is None or trimmed:
            # recomputed from storage on the key's next read (a dropped claim may have been the latest
            # version of its article): once per segment's worth of claims at most, in event order
            self._views.pop(loaded.key, None)
            return late
        known_after = {**known, **{c.claim_id: c for c in new}}
        self._views[loaded.key] = (_signature(sealed, n_open, segment), retained, versions, known_after)
        self._views.move_to_end(loaded.key)
        if len(self._views) > self.cache_segments:
            self._views.popitem(last=False)
        return late

    def retire(self, loaded: Loaded, article_id: str, version: str | None) -> int:
        """Remove the claims of `article_id` in any version but `version` (an article revision that no
        longer writes this key): the key's segments are rewritten without them. Returns how many went.
        Nothing to remove (a redelivered retire batch): the key's values are written back unchanged, so a
        rewrite whose changelog records a crash lost reaches the changelog (see `_reassert`)."""
        kept = [c for c in loaded.stored if c.article_id != article_id or c.article_version == version]
        gone = len(loaded.stored) - len(kept)
        if not gone:
            self._reassert(loaded, {c.claim_id for c in loaded.stored})
            return 0
        self._views.pop(loaded.key, None)
        old_segments = {int(e[0]) for e in (loaded.head or {}).get("sealed") or ()}
        if loaded.head is not None:
            old_segments.add(int(loaded.head.get("open", 0)))
        size = max(1, self.bounds.segment)
        rewritten = range(-(-len(kept) // size))  # the segments _rewrite writes again
        for n in old_segments:
            if n in rewritten:
                self._sealed.pop((loaded.key, n), None)
            else:
                self._drop(loaded.key, n)
        if kept:
            self._rewrite(loaded.key, kept)
        else:
            try:
                del self.state[loaded.key]
            except KeyError:
                pass
        return gone

    def _reassert(self, loaded: Loaded, ids: set[str]) -> None:
        """A redelivery (claims already stored): write the values that hold them back, unchanged. After a
        crash the worker's local store can hold writes whose changelog records never reached the broker;
        writing them again puts them in the changelog, so a table rebuilt from it holds the same claims."""
        if loaded.head is None:
            return
        numbers = [int(e[0]) for e in loaded.head.get("sealed") or ()]
        numbers.append(int(loaded.head.get("open", 0)))
        for n in numbers:
            key = segment_key(loaded.key, n)
            value = self.state.get(key)
            if isinstance(value, list) and any(
                isinstance(i, dict) and i.get("claim_id") in ids for i in value
            ):
                self.state[key] = value
        self.state[loaded.key] = loaded.head

    @staticmethod
    def _entry(n: int, claims: list[Claim]) -> list[Any]:
        times = [c.published_at.timestamp() for c in claims]
        return [n, len(claims), claims[-1].claim_id, max(times), min(times)]

    def _drop(self, key: str, n: int) -> None:
        try:
            del self.state[segment_key(key, n)]
        except KeyError:
            pass
        self._sealed.pop((key, n), None)

    def _rewrite(self, key: str, claims: list[Claim]) -> None:
        """Old one-list layout -> segments (once, on the key's first write after an upgrade)."""
        size = max(1, self.bounds.segment)
        sealed: list[list[Any]] = []
        n = 0
        while len(claims) - n * size >= size:
            full = claims[n * size : (n + 1) * size]
            self.state[segment_key(key, n)] = dump(full, self.codec)
            sealed.append(self._entry(n, full))
            n += 1
        if claims[n * size :]:
            self.state[segment_key(key, n)] = dump(claims[n * size :], self.codec)
        self.state[key] = {"layout": LAYOUT, "open": n, "sealed": sealed}
