"""Numeric claims: a figure of a sentence becomes a claim when it is a reported count or amount of
something, with what it measures, what it counts, its unit, qualifiers, place and period.

Reads: `SentenceFacts` (reading.py: the sentence's figures, parse, places, period, shared fields). Emits:
numeric `Claim`s. A figure that restates or breaks down another ("up from 31", "six of the 31", "the dead
included two children"), a plan, a length, or one with nothing it measures makes no claim.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from schemas import Claim, Figure
from schemas.claim import Features, MeasureRef

from .clauses import speaker_is_subject, token_at
from .lexicon import PERSON_CLASSES, Measure, is_person_noun
from .measures import OF_TOTAL, counted_class, counted_noun, measure_for_figure, without_particle
from .numbers import FigureSpan
from .qualifiers import QUALIFIER, RATE_QUALIFIER, qual_name
from .reading import ArticleFacts, ClaimFields, SentenceFacts, content_hash, content_words
from .scope import WEEKDAYS, clause_places, counter_place, days, time_scope, with_periods
from .structure import ABOUT_NOUNS, FigureRole, figure_role, in_a_state
from .verbs import CHANGE_VERBS, REPORTING, SETTING_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Doc

_PREVIOUS = re.compile(
    r"\b(?:up|down|rising|falling|increased?|decreased?|raised?|revised|cut|lowered)?\s*from\s*$",
    re.IGNORECASE,
)


#: a running count reported as superseded: "earlier in the day ... had put the toll at 12"
_EARLIER = re.compile(
    r"\b(?:earlier (?:in the day|on \w+day|this week|today|that day)(?=.*\bhad\b)|"
    r"an earlier (?:toll|figure|count|estimate)|(?:had )?(?:initially|previously|first) "
    r"(?:put|given|reported|set|said)|the previous (?:toll|figure|count))\b",
    re.IGNORECASE,
)  # (a time "earlier" only in the past perfect: not "frost earlier this week destroyed 12,500 tonnes")


#: the whole of "N of the M ..." is itself the count of a measure: "the 31 people injured"
_WHOLE_COUNTED = re.compile(
    r"\s*(?:[a-z\-]+\s+){0,2}(?:injured|killed|wounded|hurt|dead|missing|evacuated|arrested|affected|"
    r"displaced|infected|detained|rescued|hospitali[sz]ed)\b"
)


#: an amount of change, not a level: "cut the harvest by 1.2 million tonnes", "wiped 1.2 million tonnes off"
_CHANGE_BY = re.compile(
    r"\b(?:cut|cuts|reduced|lowered|raised|increased|boosted|slashed|grew|fell|rose|dropped|shrank|expanded|"
    r"contracted|up|down)\b[^.;]{0,50}?\bby\s+(?:about\s+|some\s+|around\s+|nearly\s+|almost\s+)?$"
)


#: a running count's progress: "with 34 percent of tally sheets processed", "after 80% of the vote was
#: counted". Every figure of the sentence is the count at that stage: another measure than the final count's
_PROGRESS = re.compile(
    r"\b(?:with|after|once)\s+(?:about |around |nearly |almost |more than |over |some |just )?"
    r"(\d+(?:\.\d+)?)\s*(?:percent|per cent|%)\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?"
    r"(?:(?:was|were|had been|have been|has been)\s+)?"
    r"(?:counted|processed|tallied|reported|declared|verified|scrutini[sz]ed|in|checked|returned|completed)\b",
    re.IGNORECASE,
)
_CHANGE_OFF = re.compile(r"\s*(?:[a-z]+\s+){0,2}off\b")


_MEMBERS_BEFORE = re.compile(r"\b(?:included|includes|including|among (?:them|those|the \w+))\s+$")


_SUBSET_AFTER = re.compile(
    r"^\s*(?:of (?:the|them|those|whom|which|these)\b(?!\s+(?:[\w'’]+\s+)?\d)"
    r"|(?:\w+\s+){0,2}?(?:more|additional|new|further|extra|other)\b"
    r"|(?:[\w\-]+\s+){0,3}?(?:per|each|a day|a week|a month|a year|an hour|daily|weekly|annually|a head)\b)",
    re.IGNORECASE,
)


# "the two districts", "another 1,100", "aged 34 and 51", "Rescue 1122": references, not new claims
_SPAN_AFTER = re.compile(rf"\s+(?:{'|'.join(sorted(ABOUT_NOUNS))})\b")  # "the 100 to 300 range"
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?i:the|these|those|its|their|all|another|a further|an additional|aged|ages|age of|including|"
    r"the (?:last|final|remaining|other)|"
    r"(?:children|babies|infants|people|adults|patients|those|pupils) (?:under|over|older than|younger than|"
    r"below|above)|among them|among (?:the|those) (?:dead|killed|injured|missing|victims)(?: were)?|"
    r"of whom)\s+"
    r"(?:\d[\d,.]*\s+and\s+)?"
    r"|\b(?!(?:The|A|An|In|On|At|By|Of|About|Some|Nearly|Almost|Over|Around|More|At|Up|Only|Just|And|But)\b)"
    r"[A-Z][a-z]+\s)$"
)


_LENGTHS = frozenset({"km", "metres", "miles", "cm", "mm"})


_CONTAINERS = frozenset(
    {
        "villages",
        "districts",
        "municipalities",
        "provinces",
        "hospitals",
        "schools",
        "countries",
        "towns",
        "sites",
        "areas",
        "regions",
        "states",
        "cities",
        "communities",
        "vehicles",
        "doses",
        "houses",
        "shops",
        "households",
        "families",
        "hectares",
    }
)


def numeric_claims(a: ArticleFacts, s: SentenceFacts) -> list[Claim]:
    """The numeric claims of one sentence, in text order."""
    claims: list[Claim] = []
    for i, fig in enumerate(s.figs):
        claim = _figure_claim(a, s, i, fig)
        if claim is not None:
            claims.append(claim)
    return claims


def _breakdown(body: str, figs: list[FigureSpan], i: int) -> bool:
    """The figure is one of the parts listed right after a whole they add up to: "seven people, five
    passengers and two crew members", "12 people, including eight tourists and four guides"."""
    for k in range(i - 1, max(-1, i - 6), -1):
        whole = figs[k].value
        if (
            whole is None
            or figs[k].bound not in ("", "exact")
            or body.find(";", figs[k].end, figs[i].start) >= 0
        ):
            continue
        total, j = 0.0, k + 1
        while j < len(figs) and figs[j].start - figs[j - 1].end <= 45 and figs[j].unit == figs[k].unit:
            if figs[j].value is None:
                break
            total += figs[j].value or 0.0
            if j >= i and j - k >= 2 and total == whole:
                return True
            j += 1
    return False


def _restates(body: str, figs: list[FigureSpan], i: int, fig: FigureSpan) -> bool:
    """The figure restates or breaks down another: "up from 31", "three more", "the two districts",
    "six of the 31 people injured", "the dead included two children", the parts of a whole."""
    if _breakdown(body, figs, i) or any(m.start(1) <= fig.start < m.end() for m in _PROGRESS.finditer(body)):
        return True  # (or the stage of a count: "with 34 percent of tally sheets processed")
    if _PREVIOUS.search(body[max(0, fig.start - 25) : fig.start]) or (
        fig.unit != "percent" and _SUBSET_AFTER.match(body[fig.end :])
    ):
        return True
    if _REFERENCE_BEFORE.search(body[max(0, fig.start - 40) : fig.start]) and not _SPAN_AFTER.match(
        body, fig.end
    ):
        return True  # (but "the 100 to 300 range" is a figure given as a span, no reference)
    if i + 1 < len(figs) and OF_TOTAL.fullmatch(body[fig.end : figs[i + 1].start]):
        if _WHOLE_COUNTED.match(body, figs[i + 1].end):
            return True  # "six of the 31 people injured were critical": six is a part of the 31
    if i and OF_TOTAL.fullmatch(body[figs[i - 1].end : fig.start]):
        if not _WHOLE_COUNTED.match(body, fig.end):
            return True  # "four of the train's 12 carriages left the rails": 12 is the whole
    # "the dead included two children": members of a count, not the count
    return bool(_MEMBERS_BEFORE.search(body[max(0, fig.start - 30) : fig.start]))


def _measured(
    body: str, fig: FigureSpan, prev_end: int, next_start: int, role: FigureRole | None
) -> tuple[Measure, str | None] | None:
    """What the figure measures and the noun it counts; None when it makes no claim."""
    meas = measure_for_figure(body, fig, prev_end, next_start, role)
    counted = None if fig.unit == "percent" else counted_noun(body, fig)
    counted = None if counted in ABOUT_NOUNS else counted  # "the 100 to 300 range" counts nothing
    if meas is not None and meas.name.startswith("open:") and role is not None:
        counted = (counted_class(role) or counted) if fig.unit != "percent" else None
    if role is not None and role.counted and role.counted[:1].isupper() and fig.unit != "percent":
        counted = role.counted  # a named group of people ("13 Israelis"), kept as written
    if fig.unit in _LENGTHS:
        return None  # distances, heights and depths locate things; they are not the disputed counts
    if meas is None:
        return None  # a figure with no predicate saying what happened to what it counts
    if not meas.state and role is not None and in_a_state(role, body[fig.end : fig.end + 40]):
        # "nine remained in custody", "40 are still in hospital", "eight were still trapped": how many are in
        # that state now, a level that falls as people leave it, not the running total of those who entered
        # it nor the count the event left at first
        meas = Measure(name=f"{meas.name}:now", pattern=meas.pattern, cumulative=False, state=True)
    if role is not None and role.negated and not meas.name.startswith("open:"):
        return None  # "40 were not injured": not a count of the injured
    if meas.cumulative and any(
        not body[: m.start()].rstrip().endswith("than") for m in _EARLIER.finditer(body)
    ):
        return None  # "earlier in the day, the agency had put the toll at 12": a superseded count (but
        # "420,000, far fewer than first reported" is the figure now, set against an earlier one)
    if (
        re.match(r"\s*[;,.)]", body[fig.end : fig.end + 2])
        and fig.bound in ("more_than", "less_than")
        and counted is None
        and fig.unit is None
    ):
        return None  # "were over 70;": a threshold or an age, nothing counted
    return meas, counted


def _qualifiers(body: str, fig: FigureSpan, doc: Doc | None = None, counted: str | None = None) -> list[str]:
    """What makes the figure another measure than one without: "imported", "core", "annual", a change; not
    an adjective of another noun ("two nights of severe frost destroyed 40,000 tonnes": the frost's)."""
    lo, hi = max(0, fig.start - 40), fig.end + 40
    near = body[lo:hi].lower()
    near = re.sub(r"^\w+", "", near) if lo and body[lo - 1 : lo].isalnum() else near  # whole words only
    near = re.sub(r"\w+$", "", near) if body[hi : hi + 1].isalnum() else near
    own = [m for m in QUALIFIER.finditer(near) if not _of_other(doc, lo + m.start(1), fig, counted)]
    return sorted(
        {qual_name(m.group(1)) for m in own}
        | ({qual_name(q) for q in RATE_QUALIFIER.findall(near)} if fig.unit else set())
        | ({"change"} if _CHANGE_BY.search(body[max(0, fig.start - 60) : fig.start]) else set())
        | ({"change"} if _CHANGE_OFF.match(body, fig.end) else set())
        | {f"count at {m.group(1)}%" for m in _PROGRESS.finditer(body)}
        | ({"excess"} if _EXCESS.search(body) else set())
    )


def _of_other(doc: Doc | None, at: int, fig: FigureSpan, counted: str | None) -> bool:
    """The word at `at` is an adjective of a noun before the figure that is neither the figure's nor what it
    counts ("two nights of severe frost destroyed ...": the frost's), or of a noun another number counts."""
    tok = token_at(doc, at) if doc is not None else None
    if tok is None or tok.dep_ != "amod" or tok.head.pos_ not in ("NOUN", "PROPN"):
        return False
    noun = tok.head
    if any(c.dep_ == "nummod" and not fig.start <= c.idx < fig.end for c in noun.children):
        return True  # another figure's noun: "seven people missing, four foreign climbers and three guides"
    return (
        noun.text != counted
        and noun.idx < fig.start
        and not any(fig.start <= c.idx < fig.end for c in noun.children)
    )


#: a statistical measure the sentence names for its figures wherever it stands ("the full toll ..., described
#: as excess mortality, was 14.9 million"): deaths above the expected number, not deaths counted
_EXCESS = re.compile(r"\bexcess (?:mortality|deaths?)\b", re.IGNORECASE)


def _where_and_when(
    a: ArticleFacts, s: SentenceFacts, i: int, fig: FigureSpan, role: FigureRole | None
) -> ClaimFields:
    """The claim's fields with the figure's own places and period: those stated between it and its
    neighbours ("4.9 percent in January from 4.2 percent in December": January), else none when the
    sentence's belong to other figures."""
    body, figs, spans = s.body, s.figs, s.spans
    prev_end = figs[i - 1].end if i else 0
    next_start = figs[i + 1].start if i + 1 < len(figs) else len(body)
    local = (
        [phrase for at, phrase in spans if fig.start <= at < next_start]
        or [phrase for at, phrase in spans if prev_end <= at < fig.start]
        or (s.where if sum(1 for j, f in enumerate(figs) if not _restates(body, figs, j, f)) <= 1 else [])
        or clause_places(spans, figs, i, role)
        or counter_place(role, s.speaker_toks)
        # a whole named for the sentence: "Nationwide, ... 9,600 cases and 71 deaths"
        or [phrase for _at, phrase in spans if phrase in _SCOPES]
    )
    published = a.article.published_at
    own = (
        time_scope(body[prev_end:next_start], published)
        or time_scope(body[: figs[0].start], published)  # "In 2021 a fire ... killed"
        if len(figs) > 1
        else s.scope
    )
    # the day a figure is of ("closed 2.3% up on Friday"): its own stretch of the sentence, else the one day
    # the sentence names
    day = days(body[prev_end:next_start], published) or days(body, published)
    if len(day) == 1:
        own = with_periods(own, day)
    if role is not None and role.scope[1]:
        # the day the act itself is dated ("cancelled 125 flights on Monday"), not the day it was reported:
        # a count of another day's acts is another period ("64 on Tuesday"); a running total is not; the
        # day of the event the figure is part of dates it too ("took part in Tuesday's strike")
        clause = body[role.scope[0] : role.scope[1]]
        act = role.predicate is not None and role.predicate not in _NOT_ACTS
        on = days(re.sub(_AS_OF, "", clause), published) if act else set()
        on |= days(" ".join(_EVENT_DAY.findall(clause)), published)
        own = with_periods(own, (f"on:{d[4:]}" for d in on))
    return {**s.fields, "place": " | ".join(dict.fromkeys(local)) or None, "time_scope": own}


_SCOPES = frozenset({"nationwide", "world"})
#: predicates whose day is the day of a level or a report, not of an act
_NOT_ACTS = CHANGE_VERBS | SETTING_VERBS | REPORTING | {"be", "have", "bring", "take", "leave"}
_EVENT_DAY = re.compile(rf"\b({'|'.join(WEEKDAYS)})['’]s\b", re.IGNORECASE)
_AS_OF = re.compile(r"\b(?:by|as of|until|till|through|since|before)\s+(?:\w+\s+)?\w+day\b", re.IGNORECASE)


def _doers(s: SentenceFacts, fig: FigureSpan, role: FigureRole | None) -> list[str]:
    if role is None:
        return []
    if role.agent or s.doc is None:
        return sorted(set(role.agent))
    tok = token_at(s.doc, fig.start)
    return sorted(s.speaker_toks) if tok is not None and speaker_is_subject(tok) else []


def _figure_claim(a: ArticleFacts, s: SentenceFacts, i: int, fig: FigureSpan) -> Claim | None:
    body, figs = s.body, s.figs
    if s.doc is not None:
        fig = without_particle(s.doc, fig)
    with_unit = fig.unit not in (None, "percent")
    role = figure_role(s.doc, fig.start, fig.end, has_unit=with_unit) if s.doc is not None else None
    if role is not None and not role.reported_fact:
        return None  # a plan, forecast, hypothesis, capacity, proportion, denied figure or modifier
    prev_end = figs[i - 1].end if i else 0
    next_start = figs[i + 1].start if i + 1 < len(figs) else len(body)
    measured = None if _restates(body, figs, i, fig) else _measured(body, fig, prev_end, next_start, role)
    if measured is None:
        return None
    meas, counted = measured
    mname = meas.name
    if counted in _CONTAINERS and not meas.of_containers:
        mname = f"{meas.name}:{counted}"  # "cases found in 29 districts" counts districts
    unit = fig.unit or (
        "people"
        if meas.persons or counted is None or counted in PERSON_CLASSES or is_person_noun(counted)
        else counted
    )
    figure = Figure(
        text=fig.text,
        value=fig.value,
        low=fig.low,
        high=fig.high,
        bound=fig.bound,  # type: ignore[arg-type]
        unit=unit,
        counted=counted,
    )
    words = sorted(content_words(body[max(0, fig.start - 80) : fig.end + 80], s.speaker_toks))
    ref = MeasureRef.of_name(mname)
    return Claim(
        claim_id=content_hash(a.article.id, a.version, s.unit.index, fig.start, "n"),
        kind="numeric",
        key=f"numeric:{mname}",
        measure=ref.label,
        cumulative=meas.cumulative,
        figure=figure,
        value=fig.value,
        polarity=1,
        span_start=s.shift + fig.start,
        span_end=s.shift + fig.end,
        **_where_and_when(a, s, i, fig, role),
        subject=" ".join(words),
        features=Features(
            measure=ref,
            story=a.story,
            words=words,
            qualifiers=_qualifiers(body, fig, s.doc, role.counted_text if role is not None else None),
            agents=_doers(s, fig, role),  # another doer, another count ("the bureau said it had collected")
            provisional=a.provisional and meas.cumulative,
        ),
    )
