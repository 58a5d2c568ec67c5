"""When a statement's act is placed in time, and how far it got: a state claimed at the moment of an event,
an act a later report maintains as already done, an act that has happened by now, a restoration that counts
how far it got. Detection's statement checks (checks.py) ask these of a claim's sentence.
"""

from __future__ import annotations

import re

from schemas import Claim

from .numbers import find_figures
from .scope import days
from .sentences import strip_dateline

#: a state claimed at the moment of an event ("the signalling worked before the collision") is fixed in time:
#: a later report of the opposite is a contradiction, not an update
AT_EVENT = re.compile(
    r"\b(?:before|at the time of|during|when|as) (?:the |a |its )?(?:\w+ ){0,2}?(?:crash|collision|accident|"
    r"derailment|explosion|blast|fire|attack|collapse|incident|disaster|outage|failure)\b",
    re.IGNORECASE,
)


#: words by which a later report maintains an act as already done: it answers an earlier denial
REASSERTED = re.compile(
    r"\b(?:confirm\w*|stands? by|stood by|maintain\w*|reiterat\w*|insist\w*|already|repeated\w*|"
    r"last (?:week|month|year)|earlier|previously)\b",
    re.IGNORECASE,
)


#: a present perfect and no past perfect or future: the act has happened by now ("we have reached", "has
#: finally been signed"), not at the story's event ("the quake had damaged") nor in a plan ("will cut")
HAS_NOW_HAPPENED = re.compile(
    r"^(?!.*\b(?:had|will|would|shall)\b).*\b(?:has|have|'ve)\s+(?:now\s+|finally\s+|just\s+)?"
    r"(?:been\s+)?\w+(?:ed|en|t)\b",
    re.IGNORECASE | re.DOTALL,
)


#: a figure set against another's as disagreeing with it ("more than three times the number given by the
#: company", "nearly double the official count", "far higher than the government's figure"): the report says
#: the two counts are at odds, so a higher later count is a dispute, not an update
CONTRASTED = re.compile(
    r"\b(?:(?:two|three|four|five|ten|\d+(?:\.\d+)?)\s+times|double|twice|triple|treble|half)\s+(?:the|that|those|"
    r"as\s+many\s+as)\s+(?:\w+\s+){0,2}?(?:number|figure|count|toll|tally|estimate|total)s?\b|"
    r"\b(?:higher|lower|more|fewer|greater|larger|smaller)\s+than\s+(?:the\s+)?(?:\w+[’']s\s+|\w+\s+){0,2}?"
    r"(?:official|government|company|police|authorities)[’']?s?\s+(?:\w+\s+)?(?:number|figure|count|toll|tally|"
    r"estimate|total)s?\b",
    re.IGNORECASE,
)


_DURATION = re.compile(r"\b(?:second|minute|hour|day|week|month|year)s?\b", re.I)


def partial(c: Claim) -> bool:
    """The claim's sentence counts what the outcome reached ("restored power to 40,000 homes", "to 80
    percent of customers"): it says how far the outcome got, not that it is complete."""
    body = strip_dateline(c.sentence)[0]
    return any(
        f.value is not None and not _DURATION.search(body[f.end : f.end + 12])
        for f in find_figures(body, max_figures=8)
    )


#: the day a report was made ("said on Thursday", "told reporters on Monday"), not the day of its act
_SPOKE = (
    r"(?:said|says|told|announced|confirmed|stated|added|reported|acknowledged|admitted|insisted|claimed|"
    r"denied|rejected|dismissed)"
)
#: words between a verb of saying and its day that say how or to whom, not a reported clause: no word of a
#: finite verb among them ("told a congress on Friday", not "said the airport reopened on Monday")
_HOW = r"(?!\w+ed\b|(?:was|were|is|are|has|had|have|will)\b)[\w'’]+"
#: the day a report was made: "said on Thursday", "told a congress on Friday", "on Tuesday denied" (but not
#: "a lift which fell on Monday said on Wednesday": that verb names its own day right after it), and an
#: attribution closing the sentence (", the company said in a filing late on Thursday."): all of it
_SAID_ON = re.compile(
    rf"\b{_SPOKE}\b(?:\s+{_HOW}){{0,4}}?\s+on\s+\w+day\b"
    rf"|\bon\s+\w+day\b(?:\s+[\w'’]+){{0,2}}?\s+{_SPOKE}\b(?!(?:\s+(?:late|early))?\s+on\s+\w+day\b)"
    rf"|[,\"”]\s*[^,\"”;]{{0,60}}\b{_SPOKE}\b(?:\s+(?:in|on|at|late|early|during|to|via|through)\b[^,\"”;]*)?\W*$",
    re.IGNORECASE,
)


def done_after(c: Claim, moment: Claim) -> bool:
    """The days the claim's sentence dates its act to (not the day it was said) all fall after the day the
    other claim was published: "the advisory was lifted overnight ... on Thursday" against Wednesday's "has
    not been lifted"."""
    named = _act_days(c)
    # (the other claim's own days, when it names any later than its report, are its moment)
    then = max([moment.published_at.date().isoformat(), *(d[4:] for d in _act_days(moment))])
    return bool(named) and all(d[4:] > then for d in named)


def _act_days(c: Claim) -> set[str]:
    return days(_SAID_ON.sub(" ", c.sentence), c.published_at)


def dated_to_report(c: Claim, moment: Claim) -> bool:
    """The claim's sentence dates its act or state (not the day it was said) to the day the other claim was
    published: "between Monday and Tuesday 37 districts had no water" against Tuesday's "no district has
    been left without water" is about the moment of that report."""
    named = _act_days(c)
    return f"day:{moment.published_at.date().isoformat()}" in named


#: a thing said to stay in a state at the report's moment: "remained closed", "is still suspended"
STILL_IN_STATE = re.compile(r"\b(?:remain(?:s|ed|ing)?|still|stay(?:s|ed|ing)?)\b", re.IGNORECASE)
