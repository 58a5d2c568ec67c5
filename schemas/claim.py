"""Topic `claims`: claims extracted from one article that share one claim key, keyed by that key.

One message per (article, claim key) so that a claim-heavy article costs few messages and table writes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import Field, model_validator

from ._base import Record

Bound = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "nearly", "range", "vague"
]

SpeakerKind = Literal["person", "organisation", "anonymous", "outlet"]
Certainty = Literal["asserted", "hedged", "denied", "reported"]


class Figure(Record):
    """A number as written and as normalised to an interval [low, high]."""

    text: str = Field(description="the figure as written, e.g. 'about 130,000' or 'several thousand'")
    value: float | None = Field(description="central value (None for open bounds without a point)")
    low: float | None = Field(description="lowest value compatible with the wording (None: unbounded)")
    high: float | None = Field(description="highest value compatible with the wording (None: unbounded)")
    bound: Bound = "exact"
    unit: str | None = Field(default=None, description="normalised unit: people, hectares, percent, usd, ...")
    counted: str | None = Field(default=None, description="the counted noun as written, e.g. 'civilians'")


class Story(Record):
    """The story a claim belongs to: the distinctive names of its article's title, lead and dateline."""

    names: list[str] = Field(default_factory=list, description="name words, most frequent first")
    places: list[str] = Field(
        default_factory=list, description="names the lead uses as places ('in Fez', the dateline's)"
    )
    regions: list[str] = Field(
        default_factory=list, description="what the dateline puts its place in ('GAZIPUR, Bangladesh')"
    )
    dateline: list[str] = Field(default_factory=list, description="the dateline's own place ('gazipur')")
    events: list[str] = Field(
        default_factory=list,
        description="events the lead names by a year or a name ('earthquake@2010', 'fire:grenfell tower') "
        "and the kinds of event it reports ('outbreak~bird flu')",
    )


class MeasureRef(Record):
    """What a claim measures: a lexicon measure family or outcome class (`deaths`, `restored`), or an open
    measure named by its act's predicate family and what the act counts or is done to (`cancel` of
    `flight`), or by the counted phrase alone (`waiting_list`)."""

    family: str = Field(description="measure family, outcome class, predicate family or counted phrase")
    open: bool = Field(default=False, description="an open measure (no lexicon family or class covers it)")
    negated: bool = Field(default=False, description="an open measure of the act not done ('received no')")
    of: str | None = Field(default=None, description="what an open act counts or is done to ('flight')")
    current: bool = Field(
        default=False, description="those still in a state ('remained in custody'): a level, not a total"
    )
    container: str | None = Field(
        default=None, description="places or objects counted ('cases found in 29 districts': districts)"
    )

    @property
    def name(self) -> str:
        """The measure's identifier, as the claim key names it: `deaths`, `open:cancel~flight`,
        `open:no_receive~people`, `arrested:now`, `cases:districts`."""
        core = f"{'no_' if self.negated else ''}{self.family}{'~' + self.of if self.of is not None else ''}"
        now = ":now" if self.current else ""
        return f"{'open:' if self.open else ''}{core}{now}{':' + self.container if self.container else ''}"

    @property
    def label(self) -> str:
        """The measure in words: `deaths`, `cancel flight`, `not receive people`, `arrested now`,
        `cases (districts)`."""
        words = [*(["not"] if self.negated else []), self.family]
        if self.of is not None and self.of != "thing":
            words.append(self.of)
        if self.current:
            words.append("now")
        text = " ".join(words).replace("_", " ")
        return f"{text} ({self.container})" if self.container else text

    @classmethod
    def of_name(cls, name: str) -> MeasureRef:
        """The measure an identifier names (the inverse of `name`)."""
        is_open = name.startswith("open:")
        rest = name[5:] if is_open else name
        rest, _, container = rest.partition(":")
        current = container == "now" or container.startswith("now:")
        if current:
            container = container[4:]
        core, tilde, of = rest.partition("~")
        negated = is_open and bool(tilde) and core.startswith("no_")
        return cls(
            family=core[3:] if negated else core,
            open=is_open,
            negated=negated,
            of=of if tilde else None,
            current=current,
            container=container or None,
        )


class Features(Record):
    """What detection compares, as typed values: the measure, the story, and the words and names around
    the claim, each in its own field."""

    measure: MeasureRef
    story: Story = Field(default_factory=Story)
    words: list[str] = Field(default_factory=list, description="content words around the claim")
    qualifiers: list[str] = Field(
        default_factory=list, description="what makes a figure another measure ('imported', 'core', 'annual')"
    )
    agents: list[str] = Field(
        default_factory=list, description="name words of who did it, or of the outcome's own subject"
    )
    objects: list[str] = Field(
        default_factory=list, description="statements: name words after the outcome or act (what it is about)"
    )
    themes: list[str] = Field(default_factory=list, description="open statements: what the act is done to")
    doers: list[str] = Field(
        default_factory=list, description="open statements: who did the act (name words, else the head word)"
    )
    persons: list[str] = Field(
        default_factory=list, description="open statements about persons: the word for them ('migrant')"
    )
    owners: list[str] = Field(
        default_factory=list,
        description="open statements: name words of whose thing the act is done to ('Mulenga's conviction')",
    )
    kinds: list[str] = Field(
        default_factory=list,
        description="open statements: common nouns saying which thing the act is done to ('clam ban': clam)",
    )
    future: bool = Field(
        default=False,
        description="open statements: an act stated as what will happen ('will close on 31 March')",
    )
    provisional: bool = Field(
        default=False,
        description="running totals: the report calls its counts early ones ('expected to rise')",
    )
    read_as: str | None = Field(
        default=None,
        description=(
            "open statements: the listed outcome class its words state too ('suspended the licence'), read "
            "there as well; two such readings meet only under the class"
        ),
    )
    classes: list[str] = Field(
        default_factory=list,
        description="open statements: the listed outcome classes its article states (compared there)",
    )


class Claim(Record):
    """A claim: readable fields (what was said, by whom, where and when) and the typed features detection
    compares (`features`). A claim written by an earlier release (its features inside the `story`,
    `subject` and `measure` strings) is read into them."""

    claim_id: str = Field(description="stable id: hash of article id, content version and span")
    article_id: str
    article_version: str = Field(description="hash of the article content; a changed article is a revision")
    source: str = Field(description="the outlet")
    published_at: datetime
    sentence: str = Field(description="the whole sentence carrying the claim, verbatim")
    sentence_index: int = Field(ge=-1, description="-1 for the title")
    speaker: str = Field(description="who makes the claim, as written (or the outlet itself)")
    claimant: str = Field(description="normalised speaker identity used for same-source decisions")
    speaker_kind: SpeakerKind = "outlet"
    reporting_verb: str | None = None
    certainty: Certainty = "asserted"
    kind: Literal["numeric", "statement"]
    key: str = Field(description="claim key: the claims compared with each other share it")
    story: str = Field(description="the names of the story the claim is about, most distinctive first")
    measure: str = Field(description="what is measured, in words (deaths, evacuated, ...) or outcome class")
    place: str | None = Field(default=None, description="places named in the sentence, ' | '-separated")
    subject: str = Field(default="", description="content words around the claim")
    time_scope: str | None = Field(default=None, description="explicit period the claim is about, if any")
    cumulative: bool = Field(default=False, description="a running total that may rise over time")
    polarity: int = Field(default=1, description="+1 asserted outcome, -1 its negation / opposite")
    figure: Figure | None = None
    value: float | None = Field(default=None, description="the figure's central value, null for statements")
    url: str | None = Field(default=None, description="the article's url, when it has one")
    title: str = Field(default="", description="the article's title")
    sentence_start: int | None = Field(
        default=None, ge=0, description="offset of the sentence in the article text (in the title for -1)"
    )
    span_start: int | None = Field(
        default=None, ge=0, description="offset in the sentence of the figure or the trigger of the claim"
    )
    span_end: int | None = Field(default=None, ge=0, description="end of that span in the sentence")
    features: Features = Field(description="what detection compares, as typed values")

    @model_validator(mode="before")
    @classmethod
    def _earlier_release(cls, data: Any) -> Any:
        if isinstance(data, dict) and "features" not in data and isinstance(data.get("story"), str):
            return {
                **data,
                **_from_strings(data["story"], data.get("subject") or "", str(data.get("measure"))),
            }
        return data


#: the marks and prefixes an earlier release wrote features with
_STORY_MARKS = {"@": "places", "^": "regions", "~": "dateline"}
_SUBJECT_PREFIXES = {
    "q:": "qualifiers",
    "sbj:": "agents",
    "obj:": "objects",
    "thm:": "themes",
    "by:": "doers",
    "who:": "persons",
}


def _from_strings(story: str, subject: str, measure: str) -> dict[str, Any]:
    """Typed features from an earlier release's strings, and the readable strings."""
    parts: dict[str, list[str]] = {"names": [], "places": [], "regions": [], "dateline": []}
    for word in story.split():
        parts[_STORY_MARKS.get(word[:1], "names")].append(word[1:] if word[:1] in _STORY_MARKS else word)
    found: dict[str, list[str]] = {"words": []}
    for word in subject.split():
        prefix = next((p for p in _SUBJECT_PREFIXES if word.startswith(p)), None)
        field = _SUBJECT_PREFIXES[prefix] if prefix else "words"
        found.setdefault(field, []).append(word[len(prefix) :] if prefix else word)
    ref = MeasureRef.of_name(measure)
    return {
        "story": " ".join(parts["names"]),
        "subject": " ".join(found["words"]),
        "measure": ref.label,
        "features": Features.model_validate({"measure": ref, "story": Story(**parts), **found}),
    }


class ClaimBatch(Record):
    """All claims of one article version under one claim key (`kind` claims); or the list of claim keys an
    article version writes, under its ledger key (`index`); or the retirement of an article's earlier claims
    under a key its latest version no longer writes (`retire`)."""

    key: str
    article_id: str
    published_at: datetime
    ingested_at: float = Field(description="unix time the article entered the pipeline (latency metric)")
    claims: list[Claim]
    kind: Literal["claims", "index", "retire"] = Field(
        default="claims", description="claims; index (the keys of a version); retire (claims withdrawn)"
    )
    article_version: str | None = Field(
        default=None, description="the article version the batch speaks for (index and retire batches)"
    )
    keys: list[str] = Field(default_factory=list, description="index: every claim key the version writes")
