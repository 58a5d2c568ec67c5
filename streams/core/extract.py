"""Extraction: an Article becomes claims, grouped into one ClaimBatch per claim key.

Reads: schemas.Article. Emits: list[schemas.ClaimBatch] (one per claim key, claims in text order).

A numeric claim is a figure with what it measures (a measure class from the predicate near it,
or the counted noun), its place, time scope and speaker. A statement claim is an outcome class
(control of a place, a ceasefire holding, ...) with a polarity: asserted (+1) or denied/opposite (-1).
Claim key = kind + measure/outcome class: claims that could contradict each other share a key and
therefore a partition; the detector then checks story, place, period and subject inside the key.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from schemas import Article, Claim, ClaimBatch, Figure

from .attribution import Context, Speaker, attribute
from .guard import Limits
from .lexicon import (
    ACTORS,
    ANY_MEASURE,
    ANY_OUTCOME,
    MEASURES,
    NEGATION,
    NOUN_CLASSES,
    OUTCOMES,
    PERSON_CLASSES,
    PERSON_GENERIC,
    PERSON_MEASURES,
    Measure,
    is_person_noun,
)
from .measures import counted_class, family, open_measure, structural_measure
from .numbers import FigureSpan, find_figures
from .parse import parse
from .propositions import propositions
from .structure import FigureRole, figure_role

if TYPE_CHECKING:
    from spacy.tokens import Doc

from .text import (
    GENERIC_NAMES,
    LETTER,
    UPPER,
    Sentence,
    name_tokens,
    proper_phrases,
    split_sentences,
    story_tokens,
    strip_dateline,
)

_PREVIOUS = re.compile(
    r"\b(?:up|down|rising|falling|increased?|decreased?|raised?|revised|cut|lowered)?\s*from\s*$",
    re.IGNORECASE,
)
#: a running count reported as superseded: "earlier in the day ... had put the toll at 12"
_EARLIER = re.compile(
    r"\b(?:earlier (?:in the day|on \w+day|this week|today|that day)|"
    r"an earlier (?:toll|figure|count|estimate)|(?:had )?(?:initially|previously|first) "
    r"(?:put|given|reported|set|said)|the previous (?:toll|figure|count))\b",
    re.IGNORECASE,
)
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
_CHANGE_OFF = re.compile(r"\s*(?:[a-z]+\s+){0,2}off\b")
_OF_TOTAL = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?:[\w'’]+\s+)?")
_MEMBERS_BEFORE = re.compile(r"\b(?:included|includes|including|among (?:them|those|the \w+))\s+$")
_SUBSET_AFTER = re.compile(
    r"^\s*(?:of (?:the|them|those|whom|which|these)\b(?!\s+(?:[\w'’]+\s+)?\d)"
    r"|(?:\w+\s+){0,2}?(?:more|additional|new|further|extra|other)\b"
    r"|(?:[\w\-]+\s+){0,3}?(?:per|each|a day|a week|a month|a year|an hour|daily|weekly|annually|a head)\b)",
    re.IGNORECASE,
)
# "the two districts", "another 1,100", "aged 34 and 51", "Rescue 1122": references, not new claims
_REFERENCE_BEFORE = re.compile(
    r"(?:\b(?i:the|these|those|its|their|all|another|a further|an additional|aged|ages|age of|including|"
    r"(?:children|babies|infants|people|adults|patients|those|pupils) (?:under|over|older than|younger than|"
    r"below|above)|among them|among (?:the|those) (?:dead|killed|injured|missing|victims)(?: were)?|"
    r"of whom)\s+"
    r"(?:\d[\d,.]*\s+and\s+)?"
    r"|\b(?!(?:The|A|An|In|On|At|By|Of|About|Some|Nearly|Almost|Over|Around|More|At|Up|Only|Just|And|But)\b)"
    r"[A-Z][a-z]+\s)$"
)
_PLACE = re.compile(
    r"\b(?:in|at|near|from|across|outside|inside|around|into|on|towards|toward|throughout|within|along|hit|hits|"
    r"struck|strikes|swept|sweeps|lashed|battered|"
    r"(?:region|province|state|district|department|city|town|village|county|prefecture|territory|port|island|"
    r"municipality|harbour|harbor) of)\s+"
    rf"((?:the\s+)?(?:[a-z\-]+\s+)?(?:[{UPPER}][\w'’\-]+)"
    rf"(?:\s+(?:de|da|do|del|of|al)?\s*[{UPPER}][\w'’\-]+)*)"
)
_YEAR = re.compile(r"\b((?:19|20)\d\d(?:/\d\d)?)\b")
_PERIOD = re.compile(
    r"\b(?:(?:in|during|since|for|of|by|until|through)\s+(?:early |late |mid-)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
    r"|(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
    r"|\b(last|this|next|previous) (year|season|month|spring|summer|autumn|fall|winter)"
    r"|\bthat (?:year|season|month)\b"
    # a habitual rate, not one event's count: "avalanches kill around 20 people in an average winter"
    r"|\b(?:in an? (?:average|typical|normal) (?:year|winter|summer|season|month)|every year|each year|"
    r"on average|in a typical year)\b"
    r"|\b(20\d\d/\d\d|\d\d/\d\d season))",
    re.IGNORECASE,
)
_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|where|which|who)\b|\s+—\s+|\s-\s")
_CONTENT = re.compile(r"[a-z][a-z\-]{3,}")
_STOPWORDS = frozenset(
    """that this with from have been were their there which would could about after before into than
    them they said says also more most over under only what when where while will just very such
    since other some into onto upon your ours theirs these those being because still then than""".split()
)


def _last(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - keep the last
        pass
    return found


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def article_version(article: Article) -> str:
    return _hash(article.title, article.text, article.published_at.isoformat(), article.source)


def common_words(article: Article) -> set[str]:
    """Words the article also writes in lower case ("fighting", "inflation", "supply"): common words, not
    names, wherever they are capitalised."""
    return set(re.findall(r"(?<![.!?]\s)(?<=\s)([a-z][a-z\-']+)", article.text[:20_000]))


def story_signature(article: Article, sentences: list[Sentence], lower_words: set[str] | None = None) -> str:
    """Name tokens of the title and lead (first two sentences), most frequent first, at most 16.
    `lower_words`: the article's `common_words`, when the caller has them already."""
    counts: Counter[str] = Counter()
    lead = [article.title] + [strip_dateline(s.text)[0] for s in sentences[:3]]
    dl = strip_dateline(sentences[0].text)[1] if sentences else None
    if dl:
        lead.append(dl)
    for part in lead:
        counts.update(sorted(story_tokens(part)))  # a defined order: ties keep it, whatever the hash seed
    # the outlet's own name ("The Morning Record") is not a name of its stories, unless the lead uses it as a
    # place ("Kathmandu Courier" reporting from Kathmandu)
    lead_places = {t for part in lead for p in places(part) for t in p.split()} | name_tokens(dl or "")
    for t in name_tokens(article.source) - lead_places:
        counts.pop(t, None)
    if lower_words is None:
        lower_words = common_words(article)
    names = [t for t, _ in counts.most_common(24) if t not in lower_words]
    # names the lead uses as places ("in Fez", "GOMA, April 16 -") are marked: one shared place is
    # stronger evidence of the same story than one shared surname
    where = {t for part in lead for p in places(part) for t in p.split() if t in names}
    dl_names = name_tokens(dl or "") - GENERIC_NAMES
    names += [t for t in sorted(dl_names) if t not in names]
    where |= dl_names
    # "GAZIPUR, Bangladesh": what follows the dateline's first place contains it (country, state, province)
    regions = name_tokens(dl.partition(",")[2]) - GENERIC_NAMES if dl and "," in dl else set()
    dateline = name_tokens(dl.partition(",")[0]) - GENERIC_NAMES if dl else set()
    marks = (
        sorted(f"@{t}" for t in where) + sorted(f"^{t}" for t in regions) + sorted(f"~{t}" for t in dateline)
    )
    return " ".join(names + marks)[:500]


_PLACE_NOUNS = re.compile(
    r"\s*(?:region|province|state|district|department|territory|city|town|village|county|prefecture|area|"
    r"river|valley|municipality|governorate|oblast|island|islands|coast|basin|capital|neighbourhood|"
    r"neighborhood|suburb|port|border|settlement|earthquake|quake|floods?|fire|blaze|wildfire|explosion|blast|"
    r"crash|collision|derailment|landslide|storm|cyclone|typhoon|hurricane|outbreak|protest|march|strike|"
    r"attack|offensive|riot|shooting|bombing)\b"
)


_NATIONWIDE = re.compile(
    r"\b(?:nationwide|across (?:the )?(?:country|[A-Z]\w+)|national(?:ly)? (?:total|strike|level|"
    r"scale|figure|count|toll)|country-wide|"
    r"countrywide)\b",
    re.IGNORECASE,
)


_NAMED_AREA = re.compile(
    rf"\b([{UPPER}][\w'’\-]+(?:\s+[{UPPER}][\w'’\-]+)?)\s+(?:district|province|county|region|state|"
    r"prefecture|municipality|governorate|department)\b"
)


def places(sentence: str) -> list[str]:
    """Places a sentence names after a locative preposition; a capitalised word used as an adjective
    ("from Ukrainian forces") is not a place."""
    return [phrase for _at, phrase in place_spans(sentence)]


def place_spans(sentence: str) -> list[tuple[int, str]]:
    """`places`, each with the offset where it is named (so one scan serves every figure of a sentence)."""
    out: list[tuple[int, str]] = []
    head = re.match(r"(?:In|At|Near|Across|Outside|Inside|Throughout|Along|Around)\s", sentence)
    scan = sentence[0].lower() + sentence[1:] if head else sentence  # "In Karvell's old town, ..."
    for m in _PLACE.finditer(scan):
        nxt = sentence[m.end() : m.end() + 30]
        if m.group(0).lower().startswith("from ") and re.match(r"\s+to\s+[A-Z]", nxt):
            continue  # "the service from Cochabamba to Oruro": a route's ends, not where it happened
        demonym = re.search(r"(?:ian|ean|ese|ish|ic|an|i)$", m.group(1)) is not None
        if demonym and re.match(r"\s+[a-z]+\s+of\s+(?:the\s+)?[A-Z]", nxt):
            continue  # "the Turkish province of Kocaeli": the place is what follows "of"
        if (
            re.match(r"\s+[a-z]", nxt)
            and demonym  # a demonym used as an adjective
            and not _PLACE_NOUNS.match(nxt)
            and not re.match(
                r"\s+(?:on|in|at|and|to|"
                r"from|after|since|for|"
                r"with|was|were|is|had|"
                r"has|have|said|says|stood|rose|fell|remained|reached|grew|declined|increased|dropped|climbed|"
                r"totalled|totaled|hit|is|are)\b",
                nxt,
            )
        ):
            continue
        phrase = re.sub(r"^the\s+", "", m.group(1)).lower().replace("’", "'")
        phrase = re.sub(r"'s$", "", phrase)
        toks = [t for t in phrase.split() if t in name_tokens(m.group(1))]
        if toks:
            out.append((m.start(), " ".join(toks)))
    for m in _NAMED_AREA.finditer(sentence):
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", sentence[m.end() : m.end() + 20]) and re.search(
            r"(?:ian|ean|ese|ish|ic|an|i)$", m.group(1)
        ):
            continue  # "the Turkish province of Kocaeli": a demonym describing the area named after "of"
        toks = [t for t in m.group(1).lower().split() if t in name_tokens(m.group(1))]
        if toks:
            out.append((m.start(), " ".join(toks)))
    nationwide = _NATIONWIDE.search(sentence)
    if nationwide:
        out.append((nationwide.start(), "nationwide"))
    return out


_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


def time_scope(sentence: str, published: datetime | None = None) -> str | None:
    """Explicit periods a sentence is about, normalised: years, months (relative ones resolved
    against the publication date: 'this month' -> 'august'), quarters, seasons."""
    parts: set[str] = set()
    for m in _PERIOD.finditer(sentence):
        raw = m.group(0).lower()
        if re.search(r"average|typical|normal|every year|each year", raw):
            parts.add("habitual")
            continue
        f = re.sub(r"^(?:in|during|since|for|of|by|until|through)\s+(?:early |late |mid-)?", "", raw)
        if raw.startswith("since "):
            parts.add(f"since {f}")  # a running total over months ("since mid-June"): its own kind of period
            continue
        if re.fullmatch(r"that (?:year|season|month)", f):
            parts.add("past")  # "a spill that year": a past period named earlier, never the present one
            continue
        rel = re.fullmatch(r"(last|this|next|previous) (year|season|month|" + "|".join(_SEASONS) + ")", f)
        if rel and rel.group(2) in _SEASONS:
            if rel.group(1) in ("last", "previous") and not re.search(
                r"\bsince\b(?:\s+[\w'-]+){0,4}\s+$", sentence[max(0, m.start() - 60) : m.start()]
            ):  # "since fighting resumed last autumn": when a span began, not the figure's period
                parts.add("past")  # "fighting last autumn in which 300 were killed": an earlier episode
            continue
        if rel and rel.group(2) == "month" and rel.group(1) in ("this", "next"):
            continue  # "later this month": a plan's date, not the period a figure is about
        if rel and published is not None:
            shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[rel.group(1)]
            if rel.group(2) == "month":
                f = _MONTHS[(published.month - 1 + shift) % 12]
            else:
                f = str(published.year + shift)
        parts.add(f.replace("-", " "))
    # "by the end of 2026", "until 2030": deadlines, not the period a fact is about
    parts.update(
        m.group(1)
        for m in _YEAR.finditer(sentence)
        if not re.search(
            r"\b(?:by|until|till|before)\s+(?:the end of\s+)?$", sentence[max(0, m.start() - 20) : m.start()]
        )
        # "the largest deal since 2021": a comparison, not the period the figure is about
        and not re.search(
            r"\b(?:\w+est|first|most|highest|lowest)\b[^.;]{0,40}\bsince\s+$", sentence[: m.start()]
        )
    )
    return ",".join(sorted(parts)) if parts else None


def _measure_for(sent: str, fig: FigureSpan, prev_end: int, next_start: int) -> Measure | None:
    """The measure class of the predicate closest to the figure within its clause.
    "46 passengers and two crew members were on board": a coordinated figure shares the predicate."""
    near = sent[max(prev_end, fig.start - 40) : fig.start].lower()
    for meas in MEASURES if ANY_MEASURE.search(near) else ():
        m = _last(meas.pattern.finditer(near))
        if m is not None and len(near) - m.end() <= 3 and not near[m.end() :].strip():
            return meas  # a verb right before the figure governs it: "killed two people and injured 30"
    limit = next_start
    if re.fullmatch(r"\s*(?:[a-z\-]+\s+){0,2}and\s+", sent[fig.end : next_start]) or _OF_TOTAL.fullmatch(
        sent[fig.end : next_start]
    ):
        limit = len(sent)  # coordination ("46 passengers and two crew ..."): look past the next figure
    after = sent[fig.end : min(limit, fig.end + 90)]
    cut = _CLAUSE_END.search(after) or re.search(
        r",|\s+and\s+(?:had|has|have|was|were|is|are|will|would|said|"
        r"one|that)\b",
        after,
    )
    if cut:
        after = after[: cut.start()]
    best: tuple[int, Measure] | None = None
    after = after.lower()
    for meas in MEASURES if ANY_MEASURE.search(after) else ():
        m = meas.pattern.search(after)
        if m and m.start() < 60 and (best is None or m.start() < best[0]):
            best = (m.start(), meas)
    before = sent[max(prev_end, fig.start - 120) : fig.start]
    change = _CHANGE_TO.search(before) is not None
    if best is not None and best[0] <= 20 and not change:
        return best[1]  # a predicate right after the figure ("31 had been injured") wins
    after_best = best
    if change:
        best = None  # "the toll rose to 12 after three of the injured died": the subject's measure first
    cut_b = _last(_CLAUSE_END.finditer(before))
    if cut_b:
        before = before[cut_b.end() :]
    before = before.lower()
    for meas in MEASURES if ANY_MEASURE.search(before) else ():
        for m in meas.pattern.finditer(before):
            dist = len(before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, meas)
    best = best or after_best
    return best[1] if best else None


def _clause_places(
    spans: list[tuple[int, str]], figs: list[FigureSpan], i: int, role: FigureRole | None
) -> list[str]:
    """Places named in the figure's own clause (the subtree of its predicate), when no other figure of the
    sentence shares that clause: "Nine people, including four children, died when floods swept through
    villages in the Zhob district"."""
    if role is None or role.scope == (0, 0):
        return []
    lo, hi = role.scope
    others = [f for j, f in enumerate(figs) if j != i and lo <= f.start < hi and f.unit == figs[i].unit]
    if others:
        return []
    return [phrase for at, phrase in spans if lo <= at < hi]


def _without_particle(doc: Doc, fig: FigureSpan) -> FigureSpan:
    """A hedge word the parse reads as a verb's particle is no hedge: "handed over dozens of prisoners" hands
    over dozens, not more than dozens."""
    first = next((t for t in doc if t.idx == fig.start), None)
    if first is None or first.dep_ != "prt":
        return fig
    rest = first.idx + len(first.text)
    again = find_figures(doc.text[rest:], max_figures=1)
    if not again or again[0].end + rest != fig.end:
        return fig
    return replace(again[0], start=rest + again[0].start, end=rest + again[0].end)


_STILL_VERBS = frozenset({"remain", "stay"})


def _still(role: FigureRole) -> bool:
    """The figure counts those still in a state: "remained", "stayed", "still"."""
    pred = (role.predicate or "").split("_")[0]
    return pred in _STILL_VERBS or "still" in role.predicate_phrase.split()


def _measure_for_figure(
    sent: str, fig: FigureSpan, prev_end: int, next_start: int, role: FigureRole | None
) -> Measure | None:
    """The figure's measure from its structure: a lexicon family its own noun or predicate names, else an
    open measure from them; the nearest listed predicate only for a sentence left unparsed."""
    if role is None:
        return _measure_for(sent, fig, prev_end, next_start)
    found = structural_measure(role)
    if found is not None:
        return found
    # the figure's own act, one no family lists ("cancelled 340 flights"); else the nearest listed word in
    # its clause, unless that counts people and the figure is an amount ("a drugs haul put at 2.9 kg");
    # else the counted noun alone ("the deficit stood at ...")
    opened = open_measure(role, fig.unit)
    if opened is not None and "~" in opened.name:
        return opened
    near = _measure_for(sent, fig, prev_end, next_start)
    if near is not None and near.name in _PERSON_MEASURES and fig.unit not in (None, "people", "percent"):
        near = None
    own = (role.counted_text or "").lower()
    if (
        near is not None
        and own
        and own not in PERSON_GENERIC
        and is_person_noun(own)
        and not near.pattern.search(role.counted_phrase)
        and 0 < fig.start - prev_end <= 40
        and near.pattern.search(sent[prev_end : fig.start].lower())
    ):
        # persons of a kind of their own right after another figure's measure word ("38 fatalities, 102
        # survivors"): that word is the other figure's; the kind is this one's measure
        return Measure(f"open:{role.counted_phrase.replace(' ', '_')}", near.pattern, cumulative=True)
    return near or opened


def _counted(sent: str, fig: FigureSpan) -> str | None:
    """What the figure counts: the head of the noun phrase after it ("secondary school teachers" -> teachers),
    mapped to its class when known, else the raw head word."""
    after = sent[fig.end : fig.end + 60]
    whole = re.match(r"\s+of\s+(?:the|its|their|all)\s+(?:[\w'’]+\s+)?[\d,.]+\s+", after)
    if whole:
        after = after[whole.end() :]  # "four of the train's 12 carriages": what the whole counts
    m = re.match(r"[\"”’']?\s*(?:of\s+)?(?:(?:the|its|their)\s+)?((?:[A-Za-z][a-z\-]+\s*){1,4})", after)
    before = _NUMBER_OF.findall(sent[max(0, fig.start - 80) : fig.start].lower())
    if before and (not m or m.group(1).split()[0].lower() in _NOT_NOUNS):
        m = re.match(r"((?:[a-z][a-z\-]+\s*){1})", before[-1])  # "the number of vessels ... rose to 19"
    if not m:
        return None
    words = []
    for w in m.group(1).split():
        if w[:1].isupper():
            if words:
                break
            continue  # a demonym or name used as a modifier: "23 Russian civilians"
        if w in _NOT_NOUNS or w.endswith(("ed", "ly")) and w not in NOUN_CLASSES:
            break
        words.append(w)
        if len(words) == 3:
            break
    for word in reversed(words):
        for cand in (
            word,
            word[:-1] if word.endswith("s") else word,
            word[:-2] if word.endswith("es") else word,
        ):
            if cand in NOUN_CLASSES:
                return NOUN_CLASSES[cand]
        if word in PERSON_GENERIC:
            return "people"
    return words[-1] if words else None


#: a place referred back to: "there" (not the existential "there is"), "in that county"
_PLACE_ANAPHORA = re.compile(
    r"(?<!^)(?<![.!?]\s)\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|seems?|appears?|remains?|"
    r"could|may|might|must|should)\b)|"
    r"\b(?:in|at|across) (?:that|the same) (?:county|district|province|region|state|area|city|town|village)\b"
)
#: the figure completes its subject's predicate: "the death toll ... rose to 12 after three of the injured"
_CHANGE_TO = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|fell|dropped|stood|stands|reached|hit|"
    r"put (?:it|the \w+) at|(?:raised|raises|cut|cuts|lowered|lowers|set|sets|kept|keeps|held|holds|left)"
    r"(?: \w+){0,3} (?:to|at))\s+(?:to\s+|at\s+)?$"
)
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally) of (?:the )?([a-z][a-z\-]+)")
_NOT_NOUNS = frozenset(
    """were was are is had have has will would could should may might of in on at to from by for
    and or but with as than more per cent percent less still who which that dead killed across along near
    into onto over under after before since during when while where this last next said says being been
    remain remained remains took take takes taking went go goes made make makes came come comes fled flee
    left leave gave give got get stood stand lost lose fell fall held hold kept keep paid pay spent spend
    sent send brought bring ran run saw see met meet sat sit won win did do does can cannot the a an
    behind beside inside outside between among around through without within beyond toward towards against
    aboard""".split()
)


# measures that count people: whatever noun follows ("villagers", "pilgrims"), the unit is people
_PERSON_MEASURES = PERSON_MEASURES
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
_QUALIFIER = re.compile(
    # kinds of a count or an amount: a figure so qualified is another measure than one without
    r"\b(imported|local(?:ly)?|suspected|confirmed|probable|new|additional|severe(?:ly)?|"
    r"critical(?:ly)?|serious(?:ly)?|foreign|domestic|partly|partially|completely|fully|"
    r"minor|weekly|daily|monthly|annual|treated|hospitali[sz]ed|intensive care|critical condition|alone|"
    r"full[- ]year|ceiling|target|forecast|projected|projection|goal|cap|limit|budgeted|planned)\b"
)
#: what a rate or an amount is about, and over what span: read only for a figure with a unit (a percentage,
#: a currency); near a plain count these words are the story's ("96 food poisoning cases"), not a measure's
_RATE_QUALIFIER = re.compile(
    r"\b(food|energy|electricity|fuel|core|housing|rents?|services|wages|exports|imports|"
    r"year[- ]on[- ]year|(?:from|than|on) a year (?:earlier|ago|before)|month[- ]on[- ]month|"
    r"(?:from|than|on) the (?:previous|prior) month|compared with (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december|the previous month|last month))\b"
)
#: spans of change written several ways, one name each
_QUAL_SAME = {"year-on-year": "annual", "year on year": "annual", "month-on-month": "monthly"}


def _qual_name(q: str) -> str:
    if q in _QUAL_SAME:
        return _QUAL_SAME[q]
    if re.search(r"a year (?:earlier|ago|before)", q):
        return "annual"
    if q.startswith("compared with") or "previous month" in q or "prior month" in q:
        return "monthly"
    return q.replace("rents", "rent")


def _content(sent: str, exclude: set[str]) -> set[str]:
    toks = {t for t in _CONTENT.findall(sent.lower()) if t not in _STOPWORDS}
    return {t[:-1] if t.endswith("s") and len(t) > 4 else t for t in toks} - exclude


def _negated(sent: str, trig_start: int, trig_end: int) -> bool:
    """A negation or denial in the trigger's own clause, before it ("has not resigned", "denied that it
    had agreed") or right after it as the object's determiner ("signed no contract", "found no damage")."""
    window = sent[max(0, trig_start - 60) : trig_start]
    cut = _last(re.finditer(r"[,;]\s|\bbut\b|\bsaying\b|\band\b(?! no\b)", window))
    if cut:
        window = window[cut.end() :]
    if NEGATION.search(window.lower()):
        return True
    return bool(re.match(r"\s+(?:\w+\s+)?(?:no|nothing|none|neither)\b", sent[trig_end : trig_end + 25]))


#: a sentence whose subject is a named person: "Óscar Villamizar has not been released", "“At this moment
#: Ana Ruiz has ..."
_NAMED_SUBJECT = re.compile(
    rf"^\W*(?:[A-Z][a-z]+ ){{0,3}}?[{UPPER}]{LETTER}+ [{UPPER}]{LETTER}+ (?:has|have|had|is|was|were|will)\b"
)

_ATTRIBUTIVE = re.compile(r"\b(?:for|of|the|newly|recently)\s+$")
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:by|in|on|at|to|from|with|after|before|and|or|but|as|over|under|for|that|this)\b)[a-z]+\b"
)

_HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|any evidence|in case|unless|would|could|might|may|demand(?:s|ed|ing)?|"
    r"(?:not|declined to|refused to|no) comment|who has|who had|"
    r"call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|want(?:s|ed)?|threaten(?:s|ed)?)\b",
    re.IGNORECASE,
)


def _outcomes(sent: str, topic: str = "") -> list[tuple[str, int, int]]:
    """(outcome class, polarity, trigger offset) for each class the sentence asserts or denies.
    `topic` (the article's title, lower case) stands in for a class's context when the sentence's subject is
    a named person ("Óscar Villamizar has not been released" in an article about a kidnapping)."""
    out: list[tuple[str, int, int]] = []
    lowered = sent.lower()  # the lexicon is lower case; offsets stay those of the original sentence
    if not ANY_OUTCOME.search(lowered):
        return out
    named = _NAMED_SUBJECT.search(sent) is not None  # (on the original: names are capitalised)
    sent = lowered
    for oc in OUTCOMES:
        if not oc.trigger.search(sent):
            continue
        if oc.context and not oc.context.search(sent) and not (named and topic and oc.context.search(topic)):
            continue
        pos = oc.positive.search(sent)
        if (
            pos
            and pos.group(0).endswith("ed")
            and _ATTRIBUTIVE.search(sent[max(0, pos.start() - 12) : pos.start()])
            and _NOUN_AFTER.match(sent, pos.end())
        ):
            pos = None  # "ransom for freed aid workers": a participle describing a noun, not a claim
        if pos and oc.agent is not None:
            actor = _last(ACTORS.finditer(sent[max(0, pos.start() - 80) : pos.start()]))
            if actor is None or not oc.agent.fullmatch(actor.group(0)):
                pos = None
        neg = oc.negative.search(sent) if oc.negative else None
        hits = []
        if pos:
            hits.append((pos.start(), pos.end(), 1))
        if neg:
            hits.append((neg.start(), neg.end(), -1))
        if not hits:
            continue
        pols = set()
        for start, end, pol in hits:
            pols.add(-pol if _negated(sent, start, end) else pol)
        if len(pols) != 1:
            continue  # the sentence states both sides: a summary, not a claim
        out.append((oc.name, pols.pop(), min(h[0] for h in hits)))
    return out


def _word_end(text: str, start: int) -> int:
    """The end of the word starting at `start` (an outcome's trigger)."""
    m = _WORD_AT.match(text, start)
    return m.end() if m else start


_WORD_AT = re.compile(r"[\w’'-]+")


def _opens_quote(body: str) -> bool:
    """The sentence opens a quotation it does not close ('"Our troops did not open fire.' ...)."""
    b = body.strip()
    return b[:1] in '“"' and not re.search(r"[”\"]", b[1:])


def _quote_speaker(body: str, following: list[Sentence], ctx: Context) -> Speaker | None:
    """A quotation's first sentence speaks with the voice named where the quotation closes:
    '"Our troops did not open fire. The attack was ...," the spokesman said.'"""
    if not _opens_quote(body):
        return None
    for nxt in following:
        text = nxt.text.strip()
        if re.search(r"[”\"]", text):
            found = attribute(text, replace(ctx, seen=list(ctx.seen)))
            return found if found.kind != "outlet" else None
    return None


def extract_claims(article: Article, limits: Limits | None = None) -> list[Claim]:
    limits = limits or Limits()
    sentences = split_sentences(article.text, limits.max_sentences, limits.max_sentence_chars)
    version = article_version(article)
    lower_words = common_words(article)  # one scan, for the story signature and the subjects' names
    story = story_signature(article, sentences, lower_words)
    ctx = Context(outlet=article.source)
    claims: list[Claim] = []
    units: list[Sentence] = [Sentence(-1, article.title.strip(), 0)] if article.title.strip() else []
    units += sentences
    para_speaker_quote = False
    last_places: list[str] = []
    topic = article.title.lower()
    # the parse: the headline and lead, and sentences that carry a figure or a negation or denial, in one
    # batched pass (bounded by parse.MAX_PARSE_CHARS)
    bodies = [strip_dateline(u.text)[0] for u in units]
    all_figs = [find_figures(b) for b in bodies]
    lead = 1 + LEAD_SENTENCES if units and units[0].index < 0 else LEAD_SENTENCES
    wanted = [i for i, f in enumerate(all_figs) if f or i < lead or _MAY_DENY.search(bodies[i])]
    docs = dict(zip(wanted, parse([bodies[i] for i in wanted]), strict=True))
    for n, sent in enumerate(units):
        if len(claims) >= limits.max_claims_per_article:
            break
        body = bodies[n]
        speaker = attribute(body, ctx, in_quote_paragraph=para_speaker_quote)
        ahead = _quote_speaker(body, units[n + 1 : n + 4], ctx)
        if ahead is not None:
            speaker = ahead
        if sent.index == -1 and speaker.kind == "outlet" and sentences:
            # an unattributed headline summarises the lead: it speaks with the lead's voice
            speaker = attribute(strip_dateline(sentences[0].text)[0], Context(outlet=article.source))
            ctx.last = None
        para_speaker_quote = body.rstrip().endswith(("”", '"'))
        spans = place_spans(body)
        where = [phrase for _at, phrase in spans]
        if not where and _PLACE_ANAPHORA.search(body):
            where = last_places  # "the tally of homes destroyed there": the place of the sentence before
        last_places = where or last_places
        scope = time_scope(body, article.published_at)
        speaker_toks = name_tokens(speaker.name)
        base = {
            "article_id": article.id,
            "article_version": version,
            "source": article.source,
            "published_at": article.published_at,
            "sentence": sent.text,
            "sentence_index": sent.index,
            "speaker": speaker.name,
            "claimant": speaker.claimant,
            "speaker_kind": speaker.kind,
            "reporting_verb": speaker.verb,
            "certainty": speaker.certainty,
            "story": story,
            "place": " | ".join(dict.fromkeys(where)) or None,
            "time_scope": scope,
            "url": article.url,
            "title": article.title,
            "sentence_start": sent.start,
        }
        shift = len(sent.text) - len(body)  # the body is the sentence less its dateline
        figs = all_figs[n]
        doc = docs.get(n)
        for i, fig in enumerate(figs):
            if doc is not None:
                fig = _without_particle(doc, fig)
            with_unit = fig.unit not in (None, "percent")
            role: FigureRole | None = (
                figure_role(doc, fig.start, fig.end, has_unit=with_unit) if doc is not None else None
            )
            if role is not None and not role.reported_fact:
                continue  # a plan, forecast, hypothesis, capacity, proportion, denied figure or modifier
            prev_end = figs[i - 1].end if i else 0
            next_start = figs[i + 1].start if i + 1 < len(figs) else len(body)
            if _PREVIOUS.search(body[max(0, fig.start - 25) : fig.start]) or (
                fig.unit != "percent" and _SUBSET_AFTER.match(body[fig.end :])
            ):
                continue
            if _REFERENCE_BEFORE.search(body[max(0, fig.start - 40) : fig.start]):
                continue
            if i + 1 < len(figs) and _OF_TOTAL.fullmatch(body[fig.end : figs[i + 1].start]):
                if _WHOLE_COUNTED.match(body, figs[i + 1].end):
                    continue  # "six of the 31 people injured were critical": six is a part of the 31
            if i and _OF_TOTAL.fullmatch(body[figs[i - 1].end : fig.start]):
                if not _WHOLE_COUNTED.match(body, fig.end):
                    continue  # "four of the train's 12 carriages left the rails": 12 is the whole
            if _MEMBERS_BEFORE.search(body[max(0, fig.start - 30) : fig.start]):
                continue  # "the dead included two children": members of a count, not the count
            meas = _measure_for_figure(body, fig, prev_end, next_start, role)
            counted = None if fig.unit == "percent" else _counted(body, fig)
            if meas is not None and meas.name.startswith("open:") and role is not None:
                counted = (counted_class(role) or counted) if fig.unit != "percent" else None
            if role is not None and role.counted and role.counted[:1].isupper() and fig.unit != "percent":
                counted = role.counted  # a named group of people ("13 Israelis"), kept as written
            if fig.unit in _LENGTHS:
                continue  # distances, heights and depths locate things; they are not the disputed counts
            if meas is None:
                continue  # a figure with no predicate saying what happened to what it counts
            if meas.cumulative and role is not None and _still(role):
                # "nine remained in custody", "40 are still in hospital": how many are in that state now, a
                # level that falls as people leave it, not the running total of those who entered it
                meas = Measure(f"{meas.name}:now", meas.pattern, cumulative=False, state=True)
            if role is not None and role.negated and not meas.name.startswith("open:"):
                continue  # "40 were not injured": not a count of the injured
            if meas.cumulative and _EARLIER.search(body):
                continue  # "earlier in the day, the agency had put the toll at 12": a superseded count
            if (
                re.match(r"\s*[;,.)]", body[fig.end : fig.end + 2])
                and fig.bound in ("more_than", "less_than")
                and counted is None
                and fig.unit is None
            ):
                continue  # "were over 70;": a threshold or an age, nothing counted
            mname = meas.name
            if counted in _CONTAINERS and meas.name not in ("destroyed", "damaged", "affected"):
                mname = f"{meas.name}:{counted}"  # "cases found in 29 districts" counts districts
            near = body[max(0, fig.start - 40) : fig.end + 40].lower()
            quals = sorted(
                {_qual_name(q) for q in _QUALIFIER.findall(near)}
                | ({_qual_name(q) for q in _RATE_QUALIFIER.findall(near)} if fig.unit else set())
                | ({"change"} if _CHANGE_BY.search(body[max(0, fig.start - 60) : fig.start]) else set())
                | ({"change"} if _CHANGE_OFF.match(body, fig.end) else set())
            )
            person_measure = meas.name in _PERSON_MEASURES
            unit = fig.unit or (
                "people"
                if person_measure or counted is None or counted in PERSON_CLASSES or is_person_noun(counted)
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
            subject = _content(body[max(0, fig.start - 80) : fig.end + 80], speaker_toks)
            local = (
                [phrase for at, phrase in spans if fig.start <= at < next_start]
                or [phrase for at, phrase in spans if prev_end <= at < fig.start]
                or (where if len(figs) == 1 else [])
                or _clause_places(spans, figs, i, role)
            )
            # the period of this figure: stated between its neighbours ("4.9 percent in January from 4.2
            # percent in December": January), else none when the sentence's periods belong to other figures
            own = (
                time_scope(body[prev_end:next_start], article.published_at)
                or time_scope(body[: figs[0].start], article.published_at)  # "In 2021 a fire ... killed"
                if len(figs) > 1
                else scope
            )
            fbase = {**base, "place": " | ".join(dict.fromkeys(local)) or None, "time_scope": own}
            if role is not None and role.agent:
                quals = [*quals, *(f"sbj:{t}" for t in role.agent)]  # who did it: another doer, another count
            claims.append(
                Claim(
                    claim_id=_hash(article.id, version, sent.index, fig.start, "n"),
                    kind="numeric",
                    key=f"numeric:{mname}",
                    measure=mname,
                    cumulative=bool(meas and meas.cumulative),
                    figure=figure,
                    value=fig.value,
                    polarity=1,
                    span_start=shift + fig.start,
                    span_end=shift + fig.end,
                    **fbase,
                    subject=" ".join(
                        sorted(subject) + [q if q.startswith("sbj:") else f"q:{q}" for q in quals]
                    ),
                )
            )
        outcomes = _outcomes(body, topic)
        for name, pol, trig in outcomes:
            if _HYPOTHETICAL.search(body[max(0, trig - 80) : trig]):
                continue
            before = body[max(0, trig - 60) : trig]
            cut = _last(re.finditer(r"[,;:“”\"]|\b(?:said|says|say|told|that)\b", before))
            subj = {f"obj:{t}" for t in name_tokens(body[trig : trig + 90]) - speaker_toks}
            # names of the trigger's own subject ("the Ciudad Hidalgo crossing has reopened")
            subj |= {
                f"sbj:{t}"
                for t in name_tokens(before[cut.end() :] if cut else before) - speaker_toks - lower_words
            }
            subj |= _content(body[max(0, trig - 60) : trig + 80], speaker_toks)
            claims.append(
                Claim(
                    claim_id=_hash(article.id, version, sent.index, name, "s"),
                    kind="statement",
                    key=f"statement:{name}",
                    measure=name,
                    polarity=pol,
                    subject=" ".join(sorted(subj)),
                    span_start=shift + trig,
                    span_end=shift + _word_end(body, trig),
                    **base,
                )
            )
        if doc is not None:
            triggers = [trig for _name, _pol, trig in outcomes]
            claims += _proposition_claims(
                doc, body, base, sent.index, article.id, version, speaker_toks, triggers, shift
            )
    return claims[: limits.max_claims_per_article]


#: a sentence that may deny an act: a negation or a denial (a cheap scan; the parse decides)
_MAY_DENY = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|deni\w*|deny|reject\w*|dismiss\w*|refut\w*|false|"
    r"untrue|baseless|fabricated|unfounded)\b|n[’']t\b",
    re.IGNORECASE,
)
#: body sentences parsed whatever they hold: news states its main acts in the headline and the lead, so
#: the act a later denial contradicts is read there (an asserted act is a claim only there: every sentence
#: asserts several, and each claim is a message and a table write); later sentences are parsed for a
#: figure or a denial
LEAD_SENTENCES = 3


def _proposition_claims(
    doc: object,
    body: str,
    base: dict[str, object],
    index: int,
    article_id: str,
    version: str,
    speaker_toks: set[str],
    triggers: list[int],
    shift: int = 0,
) -> list[Claim]:
    """Statement claims for the acts a parsed sentence asserts or denies (propositions.py), keyed by the
    predicate's family ("suspend", "hand_over"), with the theme in the measure ("suspend~certificate") and
    in the features (`thm:`), where detection decides whether two themes are one thing. An act an outcome
    class already reads in this sentence (its trigger within the predicate's reach) is left to that class."""
    out: list[Claim] = []
    for p in propositions(doc, headline=index < 0):  # type: ignore[arg-type]
        if any(p.start - 40 <= t <= p.end + 10 for t in triggers):
            continue
        if p.polarity > 0 and index >= LEAD_SENTENCES:
            continue  # an asserted act is read from the headline and lead; a denial from anywhere
        act = f"open:{family(p.predicate)}"
        name = f"{act}~{p.theme}"
        feats = {f"obj:{t}" for t in p.theme_names} | {f"sbj:{t}" for t in p.subject_names}
        feats.add(f"thm:{p.theme}")
        feats |= {f"by:{t}" for t in p.doer}
        if p.person is not None:
            feats.add(f"who:{p.person}")
        feats = {f for f in feats if f.split(":", 1)[1] not in speaker_toks}
        feats |= _content(body[max(0, p.start - 60) : p.end + 80], speaker_toks)
        fields = dict(base)
        if p.denied:
            fields["certainty"] = "denied"
        out.append(
            Claim(
                claim_id=_hash(article_id, version, index, name, p.start, "p"),
                kind="statement",
                key=f"statement:{act}",  # one key per act: which themes meet is detection's
                measure=name,
                polarity=p.polarity,
                subject=" ".join(sorted(feats)),
                span_start=shift + p.start,
                span_end=shift + p.end,
                **fields,  # type: ignore[arg-type]
            )
        )
    return out


def extract_batches(
    article: Article, *, limits: Limits | None = None, ingested_at: float = 0.0
) -> list[ClaimBatch]:
    by_key: dict[str, list[Claim]] = {}
    for c in extract_claims(article, limits):
        by_key.setdefault(c.key, []).append(c)
    return [
        ClaimBatch(
            key=k, article_id=article.id, published_at=article.published_at, ingested_at=ingested_at, claims=v
        )
        for k, v in by_key.items()
    ]


__all__ = ["extract_batches", "extract_claims", "places", "proper_phrases", "story_signature", "time_scope"]
