"""Text utilities: name tokens, proper-noun phrases, the letters of names.

Pure functions over str (sentences and datelines are sentences.py's).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# upper-case letters of Latin scripts (Chișinău, Brașov, Łódź, Île-de-France): names are not only ASCII
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽȘȚ"
LETTER = r"[^\W\d_]"
#: the ending of a demonym ("Turkish", "Kenyan", "Congolese", "Thai"): a name used of a people
DEMONYM = re.compile(r"(?:ian|ean|ese|ish|ic|an|i)$")


WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")

_NOT_NAMES = frozenset(
    """a an the this that these those he she it they we i you our their his her its my your
    but and or so yet if when while after before as at in on by for from of to with without since
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
    there here then now also still however meanwhile nothing everything some all no not one two
    mr mrs ms dr president minister spokesman spokeswoman spokesperson lieutenant colonel general
    governor mayor chief director secretary officials official police army government ministry
    state national federal regional local city county province region department agency
    north south east west northern southern eastern western central
    ap afp reuters said says according about around nearly almost some more least only just over under
    up down after before""".split()
)

# Proper-noun phrase: capitalised words, allowing short lowercase connectors inside.
#: a word of a name: a capital, then letters, apostrophes, hyphens and digits after a hyphen ("HB-201",
#: "Kestrel-3": a code is one name, not its letters)
_NAME_WORD = rf"[{UPPER}](?:{LETTER}|['’]|-(?:{LETTER}|\d)|(?<=\d)\d)+"
_PROPER = re.compile(
    rf"(?<![^\W_]){_NAME_WORD}"
    rf"(?:\s+(?:(?:de|da|do|del|la|le|al|el|of|and|van|von)\s+)?{_NAME_WORD})*"
)


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos]
    return (
        pos == 0
        or bool(re.search(r"(?:^|[.!?]\s+|[.!?][\"”’]\s+|\n\s*)[\"“‘(]?$", text[max(0, pos - 4) : pos]))
        or (before.strip() in ("“", '"', "‘", "("))
    )


def proper_phrases(text: str, skip_initial: bool = False) -> list[str]:
    """Capitalised phrases that look like names (people, places, organisations), lower-cased.

    Leading function/title words are dropped ("The Kremlin" -> "kremlin", "Governor Ricardo Lages"
    keeps "ricardo lages"); months, weekdays and common words are not names."""
    out = []
    for m in _PROPER.finditer(text):
        words = m.group(0).split()
        if (
            skip_initial
            and len(words) == 1
            and _sentence_initial(text, m.start())
            and not words[0].endswith(("'s", "’s"))
        ):
            continue  # "Fighting continued ...": capitalised because it starts the sentence
        while words and words[0].lower().strip("'’") in _NOT_NAMES:
            words.pop(0)
        while words and words[-1].lower().strip("'’") in _NOT_NAMES:
            words.pop()
        if not words:
            continue
        phrase = " ".join(words).lower().replace("’", "'")
        if phrase.endswith("'s"):
            phrase = phrase[:-2]
        if len(phrase) >= 3:
            out.append(phrase)
    return out


# capitalised words that name kinds of things, not particular ones: never evidence of the same story
GENERIC_NAMES = frozenset(
    """fire fires service services forest county counties department office state states river national
    international ministry police government city district province region agency authority level news wire
    press daily post times herald tribune gazette dispatch monitor bulletin observer report courier journal
    council court union party group company corporation university hospital airport port bank army
    highway road street avenue bridge station inn hotel sheriff sheriff's square park centre center hall lake
    mount valley island bay front liberation network holdings institute youth people people's movement
    association democratic republic united new bank forces force council commission committee federation
    league club ltd plc inc corp company foundation trust fund organisation organization alliance coalition
    north south east west northern southern eastern western central upper lower greater old boulevard
    engineering construction energy power electric gas oil trading logistics airlines air motors industries
    systems solutions media times""".split()
)


def story_tokens(text: str) -> set[str]:
    """Name tokens that can identify a story (generic capitalised nouns left out)."""
    return name_tokens(text, skip_initial=True) - GENERIC_NAMES


def name_tokens(text: str, skip_initial: bool = False) -> set[str]:
    """Single tokens of proper-noun phrases, for overlap tests ("um sumeima" -> {"um", "sumeima"}).
    With `skip_initial`, a lone capitalised word starting a sentence is not taken for a name."""
    toks: set[str] = set()
    for p in proper_phrases(text, skip_initial):
        for t in p.split():
            if t.endswith("'s"):
                t = t[:-2]
            if len(t) >= 3 and t not in _NOT_NAMES:
                toks.add(t)
    return toks


def last_match(matches: Iterator[re.Match[str]]) -> re.Match[str] | None:
    found = None
    for found in matches:  # noqa: B007 - keep the last
        pass
    return found
