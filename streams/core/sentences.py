"""The sentences component: an article's text split into sentences, with offsets, and datelines set aside.

Reads: text (str). Emits: `Sentence`s, verbatim slices of the text (alerts quote them): paragraph breaks
always split; a period after a known abbreviation or an initial does not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import UPPER

# Abbreviations after which a period does not end a sentence (lower-cased, without the period). Dotted
# ones ("U.S.", "p.m.") may end one: they do before a word that opens a sentence ("at 6 p.m. She said").
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt maj cmdr adm gov sen rep rev st mt ft jr sr no nos vs
    inc ltd co corp bros dept est approx fig jan feb mar apr jun jul aug sep sept oct nov dec
    i.e e.g mln bln bn pct""".split()
)


# a run of terminal punctuation is matched from its first character only (the lookbehind), which keeps the
# scan linear on pathological runs ("....." x 100k)
_BOUNDARY = re.compile(rf"(?<![.!?])[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[{UPPER}0-9])")


_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")


# a blank line always ends a paragraph; a single line break does too, unless the next line goes on in lower
# case: text wrapped at a fixed width ("Only 174 people have been\nrescued and ...") is one sentence
_PARA = re.compile(r"\n\s*\n|\r\n\s*\r\n|\r?\n(?![ \t]*[a-z])")


# "GOMA, April 16 - ", "JUIZ DE FORA, Brazil, Jan 12 (Brasilia Wire) - ", "LAGOS, July 11 — "
_LETTERS = r"(?:[^\W\d_]|['’.\- ])"


DATELINE = re.compile(
    rf"^\s*([^\W\d_]{_LETTERS}{{1,40}}?(?:,\s*[^\W\d_]{_LETTERS}{{1,30}}?)?)"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([^)]{1,60}\))?\s*[-–—]\s+"
)


@dataclass(frozen=True)
class Sentence:
    index: int  # -1 for the title
    text: str
    start: int  # offset in the article text (title: 0)


def split_sentences(text: str, max_sentences: int = 2_000, max_chars: int = 2_000) -> list[Sentence]:
    """Split news prose into sentences. Paragraph breaks always split; a period after a known
    abbreviation or an initial does not. Overlong sentences are cut at `max_chars` (work bound)."""
    out: list[Sentence] = []
    pos = 0
    for para_match in [*_PARA.finditer(text), None]:
        end = para_match.start() if para_match else len(text)
        para = text[pos:end]
        base = pos
        pos = para_match.end() if para_match else len(text)
        if not para.strip():
            continue
        start = 0
        for m in _BOUNDARY.finditer(para):
            cut = m.end()
            head = para[
                max(start, m.start() - 40) : m.start() + 1
            ]  # bounded look-back: linear on "Gen. Gen. ..."
            w = _WORD_BEFORE.search(head)
            if w and m.group(0).startswith("."):
                word = w.group(1).lower()
                if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                    continue
                if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):  # U.S., a.m.
                    nxt = para[cut:].lstrip()[:12]
                    if not re.match(r"(?:The|He|She|It|They|We|But|In|On|A|An)\s", nxt):
                        continue
            _emit(out, para, start, cut, base, max_chars)
            start = cut
            if len(out) >= max_sentences:
                return out
        _emit(out, para, start, len(para), base, max_chars)
        if len(out) >= max_sentences:
            return out[:max_sentences]
    return out


def _emit(out: list[Sentence], para: str, start: int, end: int, base: int, max_chars: int) -> None:
    chunk = para[start:end]
    lead = len(chunk) - len(chunk.lstrip())
    s = chunk.strip()
    if not s:
        return
    if len(s) > max_chars:
        s = s[:max_chars]
    out.append(Sentence(index=len(out), text=s, start=base + start + lead))


def strip_dateline(sentence: str) -> tuple[str, str | None]:
    """Return (sentence without dateline, dateline place or None)."""
    m = DATELINE.match(sentence)
    if not m or m.group(1).split(",")[0] != m.group(1).split(",")[0].upper():
        return sentence, None  # a dateline's place is in capitals: "GOMA", "CHIȘINĂU"
    return sentence[m.end() :], m.group(1).strip().title()
