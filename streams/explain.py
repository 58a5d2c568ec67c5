"""`claimwatch explain FILE.jsonl --a ARTICLE[:SENTENCE] --b ARTICLE[:SENTENCE]`: why two articles did or
did not raise an alert, on a plain file (no Kafka).

The file is replayed through the pipeline `claimwatch replay` runs (same settings, same history), and for
the claims of the two articles (their latest version, when an article id comes more than once) it prints
what was extracted on each side and, for every a-side x b-side pair, the rule that fires or the check that
stopped it (`streams.core.explain`). SENTENCE is a `sentence_index` as `claimwatch extract` prints it (-1
for the title), or several separated by commas. An ARTICLE that is itself an article id of the file is
taken whole, so an id containing ':' still works. Besides the decision, each pair says whether its two
claims met in the replay (the earlier one was in the bounded history when the later one arrived) and
whether its alert was published (the detector publishes one alert per pair of articles and key, the most
confident). Output: text for reading, or one JSON document (`--format json`); the replay's bad lines and a
one-line summary go to stderr.
"""

from __future__ import annotations

import difflib
import json
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO, Any

from schemas import Alert, Article, Claim

from .core.explain import DIFFERENT_KEY_TEXT, Verdict, claim_order, describe, feature_line, verdicts
from .core.pipeline import Pipeline
from .exceptions import ConfigError
from .replay import ReplaySummary, each_article


@dataclass(frozen=True)
class Pick:
    """One side: an article id and, optionally, the sentence indexes to keep."""

    given: str
    article_id: str
    sentences: tuple[int, ...] | None = None


def candidates(given: str) -> set[str]:
    """The article ids `given` may name: itself, or what precedes its last ':'."""
    head, sep, _ = given.rpartition(":")
    return {given, head} if sep and head else {given}


@dataclass
class Replayed:
    """What the replay kept for the articles asked about."""

    summary: ReplaySummary = field(default_factory=ReplaySummary)
    ids: list[str] = field(default_factory=list)  # every valid article id, in file order
    articles: dict[str, Article] = field(default_factory=dict)  # wanted id -> its latest version
    claims: dict[str, list[Claim]] = field(default_factory=dict)  # wanted id -> claims of that version
    met: dict[str, set[str]] = field(default_factory=dict)  # claim id -> ids of earlier claims it met
    alerts: dict[str, Alert] = field(default_factory=dict)


def replay_for(lines: Iterable[bytes], pipeline: Pipeline, wanted: set[str], err: IO[str]) -> Replayed:
    """Replay every line as `claimwatch replay` does, keeping the claims of the wanted articles, the claims
    each of them was compared with, and every alert."""
    out = Replayed()
    seen: set[str] = set()

    def work(article: Article) -> None:
        if article.id not in seen:
            seen.add(article.id)
            out.ids.append(article.id)
        batches = pipeline.extract(article, time.time())
        if article.id in wanted:
            out.articles[article.id] = article
            out.claims[article.id] = sorted((c for b in batches for c in b.claims), key=claim_order)
        for batch in batches:
            if article.id in wanted:
                version = batch.claims[0].article_version if batch.claims else None
                earlier = {
                    c.claim_id
                    for c in pipeline.history_view(batch.key, batch.published_at)
                    if c.article_id in wanted
                    and not (c.article_id == article.id and c.article_version == version)
                }
                for i, claim in enumerate(batch.claims):
                    met = out.met.setdefault(claim.claim_id, set())
                    met |= earlier | {c.claim_id for c in batch.claims[:i]}
            for alert in pipeline.process_batch(batch, out.summary.rejected):
                out.alerts[alert.alert_id] = alert

    for _ in each_article(lines, pipeline, out.summary, err, work):
        pass
    return out


def resolve(given: str, flag: str, replayed: Replayed, file: str) -> Pick:
    """The article (and sentences) `given` names, or a usage error that says what the file holds."""
    known = replayed.articles
    if given in known:
        return Pick(given, given, None)
    head, sep, tail = given.rpartition(":")
    if sep and head in known:
        try:
            sentences = tuple(int(part) for part in tail.split(","))
        except ValueError:
            raise ConfigError(
                f"{flag} {given}: SENTENCE must be a sentence index as `claimwatch extract` prints it "
                f"(an integer, -1 for the title; several separated by commas), not {tail!r}"
            ) from None
        return Pick(given, head, sentences)
    near = difflib.get_close_matches(head if sep and head else given, replayed.ids, n=3)
    hint = f"; did you mean {', '.join(near)}?" if near else ""
    listed = ", ".join(replayed.ids[:5]) + (", ..." if len(replayed.ids) > 5 else "")
    held = (
        f"it holds {len(replayed.ids)} articles ({listed})" if replayed.ids else "it holds no valid article"
    )
    raise ConfigError(f"{flag} {given}: no article with that id in {file}: {held}{hint}")


@dataclass
class Side:
    label: str  # "A" or "B"
    pick: Pick
    article: Article
    claims: list[Claim]
    all_sentences: list[int]  # sentence indexes that carry claims, whatever the pick

    def name(self, claim: Claim) -> str:
        return f"{self.label}{self.claims.index(claim) + 1}"


def side(label: str, pick: Pick, replayed: Replayed) -> Side:
    claims = replayed.claims.get(pick.article_id, [])
    kept = [c for c in claims if pick.sentences is None or c.sentence_index in pick.sentences]
    return Side(
        label, pick, replayed.articles[pick.article_id], kept, sorted({c.sentence_index for c in claims})
    )


@dataclass
class Explained:
    file: str
    a: Side
    b: Side
    verdicts: list[Verdict]
    replayed: Replayed

    def met(self, v: Verdict) -> bool:
        """The pair met in the replay: the earlier claim was in the history the later one was compared with
        (or in its own batch)."""
        met = self.replayed.met
        return v.a.claim_id in met.get(v.b.claim_id, ()) or v.b.claim_id in met.get(v.a.claim_id, ())

    def published(self, v: Verdict) -> bool:
        return v.alert_id is not None and v.alert_id in self.replayed.alerts

    def instead(self, v: Verdict) -> Alert | None:
        """The alert published for the same two articles and key, when this pair's was not."""
        articles = {v.a.article_id, v.b.article_id}
        for alert in self.replayed.alerts.values():
            if alert.key == v.a.key and {c.article_id for c in alert.claims} == articles:
                return alert
        return None

    def label(self, claim: Claim) -> str:
        return self.a.name(claim) if claim in self.a.claims else self.b.name(claim)


def explain(lines: Iterable[bytes], pipeline: Pipeline, a: str, b: str, file: str, err: IO[str]) -> Explained:
    replayed = replay_for(lines, pipeline, candidates(a) | candidates(b), err)
    sides = (
        side("A", resolve(a, "--a", replayed, file), replayed),
        side("B", resolve(b, "--b", replayed, file), replayed),
    )
    s = replayed.summary
    print(
        f"explain: {s.lines} lines, {s.articles} articles, {sum(s.bad.values())} bad, "
        f"{len(replayed.alerts)} alerts",
        file=err,
    )
    return Explained(file, sides[0], sides[1], verdicts(sides[0].claims, sides[1].claims), replayed)


# --- rendering ---------------------------------------------------------------------------------------------


def _num(x: float | None, missing: str) -> str:
    if x is None:
        return missing
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.4g}"


def interval(fig: dict[str, Any]) -> str:
    low, high = fig["low"], fig["high"]
    return (
        ("[" if low is not None else "(")
        + _num(low, "-∞")
        + ", "
        + _num(high, "∞")
        + ("]" if high is not None else ")")
    )


def _side_json(sd: Side) -> dict[str, Any]:
    return {
        "label": sd.label,
        "article_id": sd.article.id,
        "source": sd.article.source,
        "published_at": sd.article.published_at.isoformat(),
        "title": sd.article.title,
        "sentences": list(sd.pick.sentences) if sd.pick.sentences is not None else None,
        "sentences_with_claims": sd.all_sentences,
        "claims": [{"label": sd.name(c), **describe(c)} for c in sd.claims],
    }


def _pair_json(ex: Explained, v: Verdict) -> dict[str, Any]:
    row: dict[str, Any] = {
        "a": ex.a.name(v.a),
        "b": ex.b.name(v.b),
        "older": ex.label(v.older),
        "keys": [v.a.key, v.b.key],
        "same_key": v.same_key,
        "met_in_replay": ex.met(v),
        "fires": v.fires,
    }
    if v.fires:
        row.update(
            rule=v.rule,
            confidence=v.confidence,
            explanation=v.explanation,
            story_similarity=v.story_similarity,
            alert_id=v.alert_id,
            published=ex.published(v),
        )
        other = None if ex.published(v) else ex.instead(v)
        row["published_instead"] = other.alert_id if other is not None else None
    else:
        row.update(reason=v.reason, reason_text=v.reason_text)
    return row


def render_json(ex: Explained) -> str:
    doc = {
        "file": ex.file,
        "a": _side_json(ex.a),
        "b": _side_json(ex.b),
        "pairs": [_pair_json(ex, v) for v in ex.verdicts],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _claim_lines(sd: Side, c: Claim) -> list[str]:
    d = describe(c)
    lines = [f"    {sd.name(c)}  {c.kind}  key {c.key}"]
    fig = d["figure"]
    if fig is not None:
        extra = "".join(f", {k} {fig[k]}" for k in ("unit", "counted") if fig[k])
        lines.append(f"        figure {fig['text']!r} -> {interval(fig)} ({fig['bound']}{extra})")
    lines.append(
        f"        polarity {c.polarity:+d} ({c.certainty}); speaker {c.speaker!r} ({c.speaker_kind}), "
        f"claimant {c.claimant!r}"
    )
    lines.append(f"        place {c.place or '-'}; period {c.time_scope or '-'}")
    lines.append(f"        {feature_line(c)}")
    return lines


def _clip(text: str, n: int = 200) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _side_text(sd: Side) -> list[str]:
    art = sd.article
    picked = sd.pick.sentences
    which = "all sentences" if picked is None else "sentence index " + ", ".join(map(str, picked))
    when = art.published_at.isoformat()
    lines = [f"{sd.label}: {art.id} ({art.source}, {when}), {which}: {len(sd.claims)} claims"]
    sentence = None
    for c in sd.claims:
        if c.sentence_index != sentence:
            sentence = c.sentence_index
            where = "title" if sentence < 0 else f"sentence {sentence}"
            lines.append(f"  {where}: {_clip(c.sentence)!r}")
        lines += _claim_lines(sd, c)
    if not sd.claims:
        carrying = ", ".join(map(str, sd.all_sentences)) or "none"
        lines.append(f"  no claims extracted there (sentence indexes with claims: {carrying})")
    return lines


def _pair_text(ex: Explained, v: Verdict) -> list[str]:
    head = f"  {ex.a.name(v.a)} x {ex.b.name(v.b)}"
    if not v.same_key:
        return [f"{head}  different_key: {v.a.key} vs {v.b.key}"]
    lines = [f"{head}  key {v.a.key}, older {ex.label(v.older)}"]
    if v.fires:
        lines.append(f"      FIRES {v.rule}, confidence {v.confidence}: {v.explanation}")
        if ex.published(v):
            lines.append(f"      published as alert {v.alert_id}")
        else:
            other = ex.instead(v)
            if other is not None and ex.met(v):
                pair = " x ".join(f"{c.article_id}:{c.sentence_index}" for c in other.claims)
                lines.append(
                    f"      not published: the more confident alert {other.alert_id} ({other.rule}, "
                    f"{pair}) stands for these two articles under this key"
                )
    else:
        lines.append(f"      stopped by {v.reason}: {v.reason_text}")
    if not ex.met(v):
        lines.append(
            "      did not meet in the replay: the earlier claim was not in the bounded history when the "
            "later one arrived (CLAIMWATCH_HISTORY_PER_KEY, CLAIMWATCH_HISTORY_DAYS)"
        )
    return lines


def render_text(ex: Explained) -> str:
    lines = _side_text(ex.a) + [""] + _side_text(ex.b) + [""]
    fired = sum(v.fires for v in ex.verdicts)
    lines.append(f"pairs: {len(ex.verdicts)} ({fired} fire), each judged older claim first")
    for v in ex.verdicts:
        lines += _pair_text(ex, v)
    if any(not v.same_key for v in ex.verdicts):
        lines.append(f"different_key: {DIFFERENT_KEY_TEXT}")
    return "\n".join(lines) + "\n"


RENDER = {"text": render_text, "json": render_json}


def write(ex: Explained, fmt: str, out: IO[str]) -> None:
    out.write(RENDER[fmt](ex))
    out.flush()
