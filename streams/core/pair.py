"""A pair of claims as detection's checks and rules see it: two claims under one claim key, the stored one
(`old`) and the arriving one (`new`), with what several checks ask about them computed once.

Reads: two claims and the detection settings. Emits: nothing; checks (checks.py) and rules (rules.py) read it.
"""

from __future__ import annotations

from functools import cached_property
from typing import Final

from schemas import Claim

from .claimants import same_claimant
from .figures import gap
from .relations import DEFAULT, DetectConfig, same_report, same_story

#: what a check returns when the pair passes it
PASS: Final = None


class Pair:
    """Two claims under one key, `old` (stored) and `new` (arriving), with what several checks and the
    rules ask about them, each computed once."""

    def __init__(self, old: Claim, new: Claim, cfg: DetectConfig = DEFAULT) -> None:
        self.old, self.new, self.cfg = old, new, cfg

    @cached_property
    def story(self) -> float:
        """How alike the two stories are: 0 for different stories, else in (0, 1]."""
        return same_story(self.old, self.new, self.cfg)

    @cached_property
    def gap(self) -> float:
        return gap(self.old, self.new)

    @cached_property
    def ordered(self) -> tuple[Claim, Claim]:
        """(earlier, later) by publication time, then article id."""
        old, new = self.old, self.new
        if (old.published_at, old.article_id) <= (new.published_at, new.article_id):
            return old, new
        return new, old

    @cached_property
    def hours(self) -> float:
        """Hours between the two publications."""
        return abs((self.new.published_at - self.old.published_at).total_seconds()) / 3600

    @cached_property
    def same_claimant(self) -> bool:
        return same_claimant(self.old.claimant, self.new.claimant)

    @cached_property
    def same_report(self) -> bool:
        return same_report(self.old, self.new)
