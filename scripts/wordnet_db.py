"""Reading the WordNet 3.0 database files (Debian's `wordnet-base`, /usr/share/wordnet) for the scripts that
build the word lists in streams/core/data/ (scripts/build-*). Build time only: nothing here runs in the
service.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

#: the licence lines every list built from WordNet carries, after its own first line
LICENCE = (
    "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. (WordNet licence:\n"
    "# https://wordnet.princeton.edu/license-and-commercial-use)\n"
)


class Pointer(NamedTuple):
    symbol: str  # "@" hypernym, "@i" instance hypernym, "!" antonym, "+" derivation, ...
    offset: int
    pos: str
    source: int  # word number in this synset (0: the whole synset)
    target: int  # word number in the target synset


class Synset(NamedTuple):
    lexfile: int  # the lexicographer file: 18 noun.person, 15 noun.location, ...
    kind: str  # "n", "v", "a" (head adjective), "s" (satellite), "r"
    words: list[str]  # as written ("Tamil", "closed(p)")
    pointers: list[Pointer]


def _lines(path: Path) -> Iterator[str]:
    for line in path.read_text(encoding="latin-1").splitlines():
        if not line.startswith(" "):  # (the licence header)
            yield line


def index(path: Path) -> dict[str, tuple[list[int], int]]:
    """An index file: lemma -> (its synsets' offsets, most frequent sense first; how many of its senses
    are tagged in WordNet's sense-tagged texts)."""
    out = {}
    for line in _lines(path):
        f = line.split()
        n, p = int(f[2]), int(f[3])  # (the offsets follow the pointer symbols, sense_cnt and tagsense_cnt)
        out[f[0]] = ([int(x) for x in f[4 + p + 2 : 4 + p + 2 + n]], int(f[4 + p + 1]))
    return out


def _parse(line: str) -> Synset:
    f = line.split(" | ")[0].split()
    count = int(f[3], 16)
    i = 4 + 2 * count
    pointers = []
    for k in range(int(f[i])):
        sym, off, pos, st = f[i + 1 + 4 * k : i + 5 + 4 * k]
        pointers.append(Pointer(sym, int(off), pos, int(st[:2], 16), int(st[2:], 16)))
    return Synset(int(f[1]), f[2], [f[4 + 2 * k] for k in range(count)], pointers)


def synset(data: bytes, offset: int) -> Synset:
    """The synset at a byte offset of a data file read as bytes."""
    return _parse(data[offset : data.index(b"\n", offset)].decode("latin-1"))


def synsets(path: Path) -> dict[int, Synset]:
    """Every synset of a data file, by offset."""
    return {int(line.split(" ", 1)[0]): _parse(line) for line in _lines(path)}


def write_list(out: Path, first_line: str, lines: list[str]) -> None:
    """A word list: its own first comment line, the licence, then one entry a line."""
    out.write_text(f"# {first_line}\n{LICENCE}" + "".join(f"{x}\n" for x in lines), encoding="utf-8")
