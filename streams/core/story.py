"""The story component: the names that tell which story an article is about.

Reads: the Article and its sentences. Emits: a `schemas.claim.Story` (its distinctive names, the ones its
lead uses as places, the dateline's place and region), which every claim of the article carries and
detection compares (two claims meet only in one story).
"""

from __future__ import annotations

import re
from collections import Counter

from schemas import Article
from schemas.claim import Story

from .scope import places
from .sentences import Sentence, strip_dateline
from .text import GENERIC_NAMES, name_tokens, story_tokens


def common_words(article: Article) -> set[str]:
    """Words the article also writes in lower case ("fighting", "inflation", "supply"): common words, not
    names, wherever they are capitalised."""
    return set(re.findall(r"(?<![.!?]\s)(?<=\s)([a-z][a-z\-']+)", article.text[:20_000]))


def story_signature(
    article: Article, sentences: list[Sentence], lower_words: set[str] | None = None
) -> Story:
    """Name tokens of the title and lead (first two sentences), most frequent first, at most 24.
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
    return _bounded(
        Story(names=names, places=sorted(where), regions=sorted(regions), dateline=sorted(dateline))
    )


#: the most characters a story's names take, written out one after the other (names, then its places,
#: regions and dateline)
STORY_CHARS = 500


def _bounded(story: Story) -> Story:
    """The story's words up to `STORY_CHARS` written out, whole words only."""
    left = STORY_CHARS + 1
    kept: dict[str, list[str]] = {}
    for field in ("names", "places", "regions", "dateline"):
        kept[field] = []
        for word in getattr(story, field):
            left -= len(word) + (1 if field == "names" else 2)  # (a separator, and a place's mark)
            if left < 0:
                break
            kept[field].append(word)
    return Story(**kept)
