"""Modality and denial of a predicate in the parse: is what it says a reported fact, or a plan, forecast,
hypothesis or capacity; is it under a denial or called false.

Reads: a predicate token (spaCy) and the noun a figure counts. Emits: a `Modality` and whether the clause is
denied, for figures (structure.py) and acts (propositions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .verbs import (
    ABILITY_AUX,
    CAPACITY_VERBS,
    DENYING,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    PLAN_NOUNS,
    PLANNING,
    REPORT_NOUNS,
    REPORTING,
    UNTRUE,
    Modality,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def _reported_future(pred: Token) -> bool:
    """The predicate's clause is what a verb of saying or denying, or a noun of report, introduces."""
    head = pred.head
    if head.i == pred.i or pred.dep_ not in ("ccomp", "acl", "relcl"):
        return False
    conditions = [c for c in pred.children if c.dep_ == "advcl"]
    if any(g.lower_ in ("if", "unless") for c in conditions for g in c.children):
        return False  # "would close if the subsidy were cut": a condition, not a reported plan
    lemma = head.lemma_.lower()
    return (
        lemma in REPORTING
        or lemma in DENYING
        or lemma in ("tell", "warn", "announce", "inform")
        or (head.pos_ == "NOUN" and lemma in REPORT_NOUNS)
    )


def _awaits(pred: Token) -> bool:
    """The predicate waits on a condition: an adverbial clause opened by "once", "if", "unless", "until"
    ("no school will reopen until it has been inspected") or "as soon as"."""
    for c in pred.children:
        if c.dep_ == "advmod" and c.lower_ == "soon" and any(g.lower_ == "as" for g in c.children):
            if any(g.dep_ == "advcl" for g in c.children):
                return True
        marks = {g.lower_ for g in c.children if g.dep_ in ("mark", "advmod")}
        if c.dep_ == "advcl" and (marks & {"once", "if", "unless"} or "until" in marks and _not_until(pred)):
            return True
    return False


def _not_until(pred: Token) -> bool:
    """ "No school will reopen until ...", "will not reopen until ...": an act held back until a condition
    (but "the strike will continue until ...", "will stay shut until ..." state what goes on meanwhile)."""
    if pred.lemma_.lower() in ("remain", "stay", "continue", "keep"):
        return False
    subject = next((c for c in pred.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    no_subject = subject is not None and (
        subject.lower_ in ("nobody", "none", "nothing") or any(g.lower_ == "no" for g in subject.children)
    )
    return no_subject or any(c.dep_ == "neg" for c in pred.children)


def modality(pred: Token | None, noun: Token | None) -> Modality:
    if pred is None:
        return "fact"
    auxes = {c.lower_ for c in pred.children if c.dep_ in ("aux", "auxpass")}
    if auxes & FUTURE_AUX or ("going" in auxes):
        # "will reopen as soon as we can staff it", "will resume once repairs end": a future that waits on a
        # condition states no date for it (but "will reopen on Monday" is a forecast)
        return "hypothetical" if _awaits(pred) else "forecast"
    if auxes & ABILITY_AUX:
        return "capacity"  # "the clinic can treat 300 patients a day"
    if auxes & HYPOTHETICAL_AUX:
        if auxes & HYPOTHETICAL_AUX == {"would"} and _reported_future(pred):
            return "forecast"  # "told staff the site would close": reported speech's "will", shifted back
        return "capacity" if pred.lemma_ in CAPACITY_VERBS else "hypothetical"
    if pred.lemma_ == "be" and any(
        c.dep_ == "xcomp"
        and c.lemma_ != "blame"
        and any(g.lower_ == "to" and g.dep_ == "aux" for g in c.children)
        for c in pred.children
    ):
        return "plan"  # "50 hostages are to be released": arranged, not done
    if pred.lemma_ in ("build", "design") and any(c.lower_ == "for" for c in pred.children):
        return "capacity"
    cur = pred
    for _ in range(4):
        if cur.dep_ in ("xcomp", "acl", "advcl", "ccomp") and cur.head.i != cur.i:
            head = cur.head
            if cur.dep_ == "xcomp" and head.lemma_ == "be" and any(c.lower_ == "to" for c in cur.children):
                return "plan"  # "50 hostages are to be released": arranged, not done
            if head.lemma_ in PLANNING or (head.pos_ == "NOUN" and head.lemma_ in PLAN_NOUNS):
                return "plan"
            if cur.dep_ != "xcomp":
                break
            cur = head
        else:
            break
    if noun is not None:
        for t in [noun, *noun.ancestors][:4]:
            if t.lemma_ == "capacity":
                return "capacity"
    return "fact"


def modality_of(pred: Token) -> Modality:
    """How a predicate is stated: as fact, plan, forecast, hypothesis or capacity."""
    return modality(pred, None)


def denied_clause(pred: Token | None) -> bool:
    """The predicate sits in what someone denies or calls untrue: "denied that 300 were arrested",
    "dismissed reports that ...", "claims that ... are false"."""
    if pred is None:
        return False
    path = [pred, *pred.ancestors][:6]
    for below, anc in zip(path, path[1:], strict=False):
        if anc.lemma_ in DENYING and below.dep_ not in ("advcl", "conj", "parataxis", "npadvmod"):
            return True  # the figure is in what is denied, not in a clause beside it ("..., saying 40 died")
        if anc.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_ in UNTRUE for c in anc.children):
            return anc.i != pred.i
    return False
