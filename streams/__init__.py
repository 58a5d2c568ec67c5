"""claimwatch: catch contradictions in the news as they happen."""

__version__ = "0.1.0"
