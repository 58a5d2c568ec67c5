"""Alerts (v2) for people: `--format text` (two columns for a terminal) and `--format markdown` (for a
ticket or a chat), besides `json` (one JSON line, the topic's record). Used by `replay` and `tail`.

Both show the explanation, the two sentences side by side with the figure or trigger marked (»…« in
text, **…** in markdown), the speakers, outlets, publication times, links, the confidence and the story.
"""

from __future__ import annotations

import textwrap
from datetime import datetime, timezone
from typing import Literal

from schemas import AlertClaim, AlertV2

Format = Literal["json", "text", "markdown"]
FORMATS: tuple[str, ...] = ("json", "text", "markdown")
#: characters of one column in text format (two columns and a separator fit in 110)
COLUMN = 52


def when(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def marked(c: AlertClaim, left: str, right: str) -> str:
    """The sentence with its figure or trigger between `left` and `right`."""
    if c.highlight is None:
        return c.sentence
    s, e = c.highlight.start, c.highlight.end
    return c.sentence[:s] + left + c.sentence[s:e] + right + c.sentence[e:]


def speaker_line(c: AlertClaim) -> str:
    if c.speaker_kind == "outlet":
        return f"{c.source}, unattributed"
    verb = f", {c.reporting_verb}" if c.reporting_verb else ""
    return f"{c.speaker} ({c.speaker_kind}{verb})"


def _cells(c: AlertClaim) -> list[list[str]]:
    wrap = textwrap.TextWrapper(width=COLUMN, break_long_words=True, break_on_hyphens=False)
    return [
        wrap.wrap(f"{c.source}, {when(c.published_at)}"),
        wrap.wrap(f"“{c.title}”") if c.title else [],
        wrap.wrap("said by " + speaker_line(c)),
        wrap.wrap("“" + marked(c, "»", "«") + "”"),
        wrap.wrap(c.url or f"(no link; article {c.article_id})"),
    ]


def text(alert: AlertV2) -> str:
    head = (
        f"[{alert.kind}] {alert.rule} · confidence {alert.confidence:.2f} · story {alert.story_label} · "
        f"detected {when(alert.detected_at)}"
    )
    lines = [head, *textwrap.wrap(alert.explanation, width=2 * COLUMN + 3), ""]
    lines.append(f"{'EARLIER':<{COLUMN}} | LATER")
    left, right = (_cells(c) for c in alert.claims)
    for a, b in zip(left, right, strict=True):
        for i in range(max(len(a), len(b))):
            la = a[i] if i < len(a) else ""
            lb = b[i] if i < len(b) else ""
            lines.append(f"{la:<{COLUMN}} | {lb}".rstrip())
    lines.append(f"alert {alert.alert_id} · story {alert.story_id}")
    return "\n".join(lines) + "\n"


def _md(s: str) -> str:
    """Text safe inside a markdown table cell."""
    for ch in "\\|*_`[]<>":
        s = s.replace(ch, "\\" + ch)
    return s.replace("\n", " ")


def _md_sentence(c: AlertClaim) -> str:
    if c.highlight is None:
        return _md(c.sentence)
    s, e = c.highlight.start, c.highlight.end
    return _md(c.sentence[:s]) + "**" + _md(c.sentence[s:e]) + "**" + _md(c.sentence[e:])


def _md_link(c: AlertClaim) -> str:
    label = _md(c.title or c.article_id)
    return f"[{label}](<{c.url}>)" if c.url else f"{label} (no link)"


def markdown(alert: AlertV2) -> str:
    a, b = alert.claims
    rows = [
        ("outlet", f"{_md(a.source)}, {when(a.published_at)}", f"{_md(b.source)}, {when(b.published_at)}"),
        ("article", _md_link(a), _md_link(b)),
        ("said by", _md(speaker_line(a)), _md(speaker_line(b))),
        ("sentence", _md_sentence(a), _md_sentence(b)),
    ]
    return "\n".join(
        [
            f"### {_md(alert.story_label)}: {_md(alert.measure)} ({alert.kind.replace('_', ' ')})",
            "",
            _md(alert.explanation),
            "",
            "| | earlier | later |",
            "|---|---|---|",
            *(f"| {name} | {x} | {y} |" for name, x, y in rows),
            "",
            f"Rule `{alert.rule}`, confidence {alert.confidence:.2f}, detected {when(alert.detected_at)}; "
            f"alert `{alert.alert_id}`, story `{alert.story_id}`.",
            "",
        ]
    )


def render(alert: AlertV2, fmt: str) -> str:
    """One alert in `fmt`; text and markdown end with a blank line between alerts."""
    if fmt == "json":
        return alert.model_dump_json() + "\n"
    if fmt == "text":
        return text(alert) + "\n"
    if fmt == "markdown":
        return markdown(alert) + "\n"
    raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
