"""The story component: the names that tell which story an article is about.

Reads: the Article and its sentences. Emits: a `schemas.claim.Story` (its distinctive names, the ones its
lead uses as places, the dateline's place and region), which every claim of the article carries and
detection compares (two claims meet only in one story).
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

from schemas import Article
from schemas.claim import Story

from .scope import MONTHS, WEEKDAYS, places
from .sentences import Sentence, strip_dateline
from .text import GENERIC_NAMES, UPPER, name_tokens, story_tokens


def common_words(article: Article) -> set[str]:
    """Words the article also writes in lower case ("fighting", "inflation", "supply"): common words, not
    names, wherever they are capitalised."""
    return set(re.findall(r"(?<![.!?]\s)(?<=\s)([a-z][a-z\-']+)", article.text[:20_000]))


#: a proper name whose head is a kind of facility: a place, as the subject of a sentence too
_FACILITY = re.compile(
    rf"\b((?:[{UPPER}][\w'’-]+\s+){{1,3}})(?:Bridge|Street|Road|Avenue|Highway|Motorway|Airport|Station|Port|Harbou?r|"
    r"Dam|Reservoir|Tunnel|Stadium|Hospital|Mine|Prison|Refinery|Terminal|Square|Market|Camp)\b"
)


def story_signature(
    article: Article,
    sentences: list[Sentence],
    lower_words: set[str] | None = None,
    opening: set[str] | None = None,
) -> Story:
    """Name tokens of the title and lead (first two sentences), most frequent first, at most 24.
    `lower_words`: the article's `common_words`, when the caller has them already; `opening`: words opening
    a sentence that the parse takes for names ("Hungary has paid ..."), lower case."""
    counts: Counter[str] = Counter()
    lead = [article.title] + [strip_dateline(s.text)[0] for s in sentences[:3]]
    dl = strip_dateline(sentences[0].text)[1] if sentences else None
    if dl:
        lead.append(dl)
    for part in lead:
        counts.update(sorted(story_tokens(part)))  # a defined order: ties keep it, whatever the hash seed
        first = part.split(maxsplit=1)[0].lower() if part.strip() else ""
        if opening and first in opening and first not in GENERIC_NAMES and len(first) >= 3:
            counts[first] += 1
    # the outlet's own name ("The Morning Record") is not a name of its stories, unless the report uses it as
    # a place ("Kathmandu Courier" reporting from Kathmandu, "in Kathmandu" anywhere in its first sentences)
    lead_places = {t for part in lead for p in places(part) for t in p.split()} | name_tokens(dl or "")
    outlet = name_tokens(article.source) - lead_places
    if outlet:  # (the first sentences' places are read only for an outlet name the lead does not place)
        outlet -= {t for s in sentences[:12] for p in places(s.text) for t in p.split()}
    for t in outlet:
        counts.pop(t, None)
    if lower_words is None:
        lower_words = common_words(article)
    names = [t for t, _ in counts.most_common(24) if t not in lower_words]
    # names the lead uses as places ("in Fez", "GOMA, April 16 -") are marked: one shared place is
    # stronger evidence of the same story than one shared surname
    where = {t for part in lead for p in places(part) for t in p.split() if t in names}
    # a named facility is a place wherever it stands ("The Calloway Street Bridge passed its inspection")
    where |= {t.lower() for part in lead for m in _FACILITY.finditer(part) for t in m.group(1).split()} & set(
        names
    )
    dl_names = name_tokens(dl or "") - GENERIC_NAMES
    names += [t for t in sorted(dl_names) if t not in names]
    where |= dl_names
    # "GAZIPUR, Bangladesh": what follows the dateline's first place contains it (country, state, province)
    regions = name_tokens(dl.partition(",")[2]) - GENERIC_NAMES if dl and "," in dl else set()
    dateline = name_tokens(dl.partition(",")[0]) - GENERIC_NAMES if dl else set()
    events = sorted(
        {e for part in lead for e in (*event_refs(part, article.published_at), *event_kinds(part))}
    )[:_MAX_EVENTS]
    return _bounded(
        Story(
            names=names,
            places=sorted(where),
            regions=sorted(regions),
            dateline=sorted(dateline),
            events=events,
        )
    )


#: nouns that name an event a story is about, with the word they are written as ("quake" is an earthquake)
EVENT_NOUNS = {
    **{
        w: w
        for w in """earthquake tsunami eruption flood fire explosion blast crash collision derailment
        landslide mudslide avalanche storm cyclone typhoon hurricane tornado heatwave drought famine outbreak
        epidemic pandemic sinking capsizing collapse spill leak stampede shooting bombing attack massacre riot
        protest strike election referendum war disaster tragedy accident""".split()
    },
    "quake": "earthquake",
    "floods": "flood",
    "flooding": "flood",
    "blaze": "fire",
    "wildfire": "fire",
    "inferno": "fire",
    "elections": "election",
}
_EVENT = "|".join(sorted(EVENT_NOUNS, key=len, reverse=True))
_MONTH = f"(?:{'|'.join(m.title() for m in MONTHS)})"
_NAME_WORD = r"(?!(?:The|A|An|This|That|Last|Its|Their|In|On|Of|After|Before|Since|During)\b)[A-Z][\w’'\-]+"
#: an event named by its year ("the 2010 earthquake", "the earthquake of 2010", "last year's quake"), by the
#: names before it ("the Grenfell Tower fire", "Haiti's quake") or by its own name ("Typhoon Haiyan")
_EVENT_BY_YEAR = re.compile(
    rf"\b(?:(?P<year>(?:19|20)\d\d)|(?P<rel>last|this) year['’]s)\s+"
    rf"(?:[\w\-]+\s+){{0,2}}?(?P<noun>{_EVENT})\b"
    rf"|\b(?P<noun2>{_EVENT})\s+(?:of|in)\s+(?:{_MONTH}\s+)?(?P<year2>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: a word between a name and its event ("Haiti's devastating 2010 earthquake"): no other event, no link word
_BETWEEN = rf"(?:(?!(?:{_EVENT}|and|or|but|of|in|on|at|to|the|by|for|with|from|after|before|than)\b)[a-z\-]+"
_EVENT_BY_NAME = re.compile(
    rf"\b(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})(?:['’]s)?\s+(?:{_BETWEEN}|(?:19|20)\d\d)\s+){{0,2}}"
    rf"(?P<noun>(?i:{_EVENT}))\b"
    rf"|\b(?P<noun2>(?i:{_EVENT.title()}))\s+(?P<name2>{_NAME_WORD})"
)
_MAX_EVENTS = 12
_WHEN = re.compile("|".join((*MONTHS, *WEEKDAYS)))


def event_refs(text: str, published: datetime | None) -> set[str]:
    """The events a text names by a year or a name, as `noun@year` and `noun:name` ("earthquake@2010",
    "fire:grenfell tower", "typhoon:haiyan"): two reports that name one event are about one story, however far
    apart they are published."""
    out = set()
    for m in _EVENT_BY_YEAR.finditer(text):
        noun = EVENT_NOUNS[(m.group("noun") or m.group("noun2")).lower()]
        year = m.group("year") or m.group("year2")
        if year is None and published is not None:
            year = str(published.year - (m.group("rel").lower() == "last"))
        if year:
            out.add(f"{noun}@{year}")
    for m in _EVENT_BY_NAME.finditer(text):
        noun = EVENT_NOUNS[(m.group("noun") or m.group("noun2")).lower()]
        name = re.sub(r"['’]s\b", "", (m.group("name") or m.group("name2")).lower())
        words = [w for w in name.split() if w not in GENERIC_NAMES and not _WHEN.fullmatch(w)]
        if words and not (m.group("name") and words[-1] == noun):
            out.add(f"{noun}:{' '.join(words)}")
    return out


#: an event noun with the words that say what kind it is ("bird flu outbreak", "methane blast", "bus strike")
_EVENT_KIND = re.compile(rf"\b((?:[a-z][a-z\-]+\s+){{0,2}})({_EVENT})\b")
_NOT_KIND = frozenset(
    """a an the this that its their his her our of in on at to for by from with after before during since
    last first latest new recent deadly major huge big massive fresh further another same""".split()
)


def event_kinds(text: str) -> set[str]:
    """The kinds of event a lead reports, as `noun~words` ("outbreak~bird flu", "explosion~methane"; a bare
    `noun~` when nothing says which): two reports days apart that share a name and report one kind of event
    are one story (`one_kind`). Never a match months apart: a kind is not an event."""
    out = set()
    for m in _EVENT_KIND.finditer(text):
        words = [w for w in m.group(1).split() if w not in _NOT_KIND]
        if m.group(1) and m.group(1).split()[-1] in _NOT_KIND:
            words = []  # ("the outbreak"): only the words right before the noun say its kind
        out.add(f"{EVENT_NOUNS[m.group(2)]}~{' '.join(words)}")
    return out


#: the most characters a story's names take, written out one after the other (names, then its places,
#: regions, dateline and events)
STORY_CHARS = 500


def _bounded(story: Story) -> Story:
    """The story's words up to `STORY_CHARS` written out, whole words only."""
    left = STORY_CHARS + 1
    kept: dict[str, list[str]] = {}
    for field in ("names", "places", "regions", "dateline", "events"):
        kept[field] = []
        for word in getattr(story, field):
            left -= len(word) + (1 if field == "names" else 2)  # (a separator, and a place's mark)
            if left < 0:
                break
            kept[field].append(word)
    return Story(**kept)


def one_event(a: list[str], b: list[str]) -> bool:
    """Two leads name one event ("earthquake@2010", "fire:grenfell tower"), and no kind of event they both
    date is dated two different years by them ("the Haiti quake" of 2010 is not the one of 2021)."""
    if not {e for e in a if "~" not in e} & set(b):
        return False  # (a kind of event is no event: `one_kind`)
    ya = {tuple(e.split("@")) for e in a if "@" in e}
    yb = {tuple(e.split("@")) for e in b if "@" in e}
    both = {d[0] for d in ya} & {d[0] for d in yb}
    return all({d for d in ya if d[0] == noun} & {d for d in yb if d[0] == noun} for noun in both)


def one_kind(a: list[str], b: list[str]) -> bool:
    """The two leads report one kind of event, said alike where both say which ("outbreak~bird flu" meets
    itself and a bare "outbreak~", never "outbreak~measles")."""
    ka, kb = ([e.split("~") for e in x if "~" in e] for x in (a, b))
    return any(n == m and (not w or not v or set(w.split()) & set(v.split())) for n, w in ka for m, v in kb)
