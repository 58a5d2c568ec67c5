"""The one exception root of claimwatch. Messages say what was wrong and how to fix it."""

from __future__ import annotations


class ClaimwatchError(Exception):
    """Root of every error claimwatch raises on purpose."""


class ConfigError(ClaimwatchError):
    """A setting is missing or invalid; the message names the environment variable or flag."""


class BadInput(ClaimwatchError):
    """An input message cannot be processed. `reason` is a short machine-readable code.

    Bad input is never fatal: callers count it, dead-letter it with the reason and move on.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail
