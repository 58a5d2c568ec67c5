"""Structure: what the parse says about a figure.

Reads: a parsed sentence (spaCy `Doc`) and a figure's character span in it. Emits: a `FigureRole` (the noun
the figure counts, the predicate that governs it, who did it, negation, modality, its relation to other
figures, whether it sits under a denial).

The word classes it reads with are grammatical, not topical (verbs.py): modal and future auxiliaries, verbs
of planning and expecting, verbs of saying and denying, quantity nouns ("number", "toll", "total"). What a
figure measures is whatever noun and predicate the sentence gives it; nothing here decides which measures
exist. Who speaks, as the parse shows it, is speakers.py's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .clauses import clause_scope, tokens_in
from .lexicon import PEOPLES
from .loose import breakdown, gapped_subject, has_number, of_object
from .modality import denied_clause, modality, modality_of
from .parse import word_lemma
from .predicates import act_lemma, agent_of, goal_of, predicate_of, predicate_phrase
from .text import DEMONYM
from .verbs import (
    CHANGE_VERBS,
    PERCENT_WORDS,
    QUANTITY_NOUNS,
    SETTING_VERBS,
    SPEECH,
    TIME_NOUNS,
    Modality,
    Relation,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


#: plural names of peoples and groups: "Israelis", "Ethiopians", "Filipinos", "Yemenis" (the tagger often
#: calls them singular proper nouns); "Airbus" and other singular names do not end this way
_GROUP_NAME = re.compile(r"[a-z](?:ans|is|ers|ites|ards|inos|ens|ics)$")


@dataclass(frozen=True, slots=True)
class FigureRole:
    """One figure as the sentence's structure places it."""

    counted: str | None  # lemma of the noun the figure counts ("flight"), None when it stands alone
    counted_text: str | None  # that noun as written
    counted_phrase: str  # the counted noun with its compounds, lower case ("death toll"), or ""
    predicate: str | None  # lemma of the predicate governing the counted thing ("cancel")
    predicate_phrase: str  # the predicate as written with its particle and complement ("left dead")
    agent: tuple[str, ...]  # lower-cased name words of who did it ("meridian", "air")
    negated: bool
    scope: tuple[int, int]  # characters of the predicate's clause: where the figure's own place is named
    modality: Modality
    relation: Relation
    denied: bool
    bare_subject: bool = False  # the number alone is the clause's subject ("Eleven were rescued")
    predicate_start: int = -1  # character offset of the predicate in the sentence (-1: none)
    goal: str | None = None  # where a verb of motion brought the counted ("hospital"), a common noun
    there_in: bool = False  # "there were five people in the house": the counted are said to be in a place

    @property
    def reported_fact(self) -> bool:
        """A figure stated as what happened or is, not a plan, forecast, hypothesis or capacity."""
        return (
            self.modality == "fact"
            and not self.denied
            and self.relation not in ("proportion", "modifier", "ago", "subcount", "circumstance")
        )


def _span_root(doc: Doc, start: int, end: int) -> Token | None:
    toks = tokens_in(doc, start, end)
    if not toks:
        return None
    inside = {t.i for t in toks}
    nums = {t.i for t in toks if t.pos_ == "NUM" or t.like_num}
    # the number's top token ("2.3 million": million); a bound word inside the span ("under 12", "at
    # least 26") is not the figure's head, so the number keeps its own place in the sentence
    heads = [t for t in toks if t.i in nums and (t.head.i not in nums or t.head.i == t.i)]
    if heads:
        return heads[-1]
    roots = [t for t in toks if t.head.i not in inside or t.head.i == t.i]
    return (roots or toks)[-1]


def _group_word(noun: Token) -> str | None:
    """A nationality or named group qualifying a counted noun: "Palestinian" of "150 Palestinian prisoners",
    "Thai" of "10 Thai farm workers" (a capitalised modifier that does not open the sentence); a company's
    name is whose they are, not a group ("310,000 Prairie Grid customers" are the utility's customers), and a
    name that is neither a demonym nor a people's is where they are ("2.4 million Sindh children" are
    children in Sindh; "40 Tamil fishermen" are a group)."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i and c.i > 0 and c.pos_ in ("ADJ", "PROPN"):
            named = c.pos_ == "PROPN" and (
                any(g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children)
                or DEMONYM.search(c.text) is None
                and c.lower_ not in PEOPLES
            )
            if c.text[:1].isupper() and c.text[1:2].islower() and not named:
                return c.text
    return None


def _circumstance(pred: Token | None, anchor: Token, figure: Token) -> bool:
    """A share's clause is an absolute "with" phrase describing the state around the main clause ("da
    Silva won, with 99 % of votes counted"; "a trend with 80 % of ballots counted"): a bare participle
    whose subject phrase opens with "with", however the parser attaches the participle."""
    if pred is None or pred.tag_ not in ("VBN", "VBD") or pred.dep_ == "ROOT":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in pred.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "with" for c in pred.children):
        return True
    first = min(t.i for t in [*anchor.subtree, *figure.subtree])
    return first > 0 and anchor.doc[first - 1].lower_ == "with" and anchor.i < pred.i


def _noun_phrase(noun: Token | None) -> str:
    if noun is None:
        return ""
    words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i and not c.like_num]
    return " ".join([t.lower_ for t in sorted(words, key=lambda t: t.i)] + [noun.lemma_.lower()])


def figure_role(doc: Doc, start: int, end: int, has_unit: bool = False) -> FigureRole | None:
    """The role of the figure at characters [start, end) of the parsed sentence; None if no token is there.
    `has_unit`: the figure carries its own unit word ("112 million crowns", "2.9 kg"), which is part of the
    figure, not what it counts."""
    root = _span_root(doc, start, end)
    if root is None:
        return None
    if has_unit and root.dep_ in ("nummod", "compound", "quantmod") and root.head.i > root.i:
        root = root.head  # the unit word stands for the figure: "charges fell to 112 million crowns"
    gapped = gapped_subject(root)
    if gapped is not None:
        # "Eight of the dead were in Oro and four in Guayas": the verb left out, the number stands where the
        # subject of the clause stands, and has its role
        role = figure_role(doc, gapped.idx, gapped.idx + len(gapped.text))
        if role is not None and of_object(gapped) is not None:
            role = replace(role, relation="subcount")  # ("four [of the dead] in Guayas": a part of them)
        return role
    # "Three people are missing, two from the car and the driver": a bare number set after the count it
    # breaks down is a sub-count of it
    relation: Relation = "subcount" if breakdown(root) else _proportion(doc, root)
    root, noun, relation = _counted(doc, root, relation)
    noun, relation = _what_is_counted(doc, noun, relation)
    if relation == "none" and noun is not None and has_number(noun, but=root):
        relation = "whole"
    if relation == "none" and noun is not None and noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        relation = "agent"  # "boarded by a dozen armed men": those who did the act, not those it was done to
    anchor = noun if noun is not None else root
    pred = predicate_of(anchor)
    if relation == "none" and pred is not None:
        for child in pred.children:  # "Of those detained, 31 were minors": a sub-count of an earlier count
            if child.dep_ == "prep" and child.lower_ == "of" and child.i < root.i:
                relation = "subcount"
    share = root.lower_ in PERCENT_WORDS or of_object(root) is not None
    if relation == "none" and share and _circumstance(pred, anchor, root):
        relation = "circumstance"  # "..., with 99 % of ballots counted": how far along, not a claim
    negated = _negated(pred, noun)
    counted_lemma, noun = _counted_kind(noun)
    return FigureRole(
        counted=counted_lemma,
        counted_text=noun.text if noun is not None else None,
        counted_phrase=_noun_phrase(noun),
        predicate=act_lemma(pred, noun),
        predicate_phrase=predicate_phrase(pred, noun, root),
        agent=agent_of(pred, noun),
        negated=negated,
        scope=clause_scope(pred, root),
        modality=modality(pred, noun),
        relation=relation,
        denied=denied_clause(pred) or any(c.dep_ == "neg" for c in root.children),  # "..., not 10,000"
        bare_subject=noun is None and root.dep_ in ("nsubj", "nsubjpass") and root.like_num,
        predicate_start=pred.idx if pred is not None else -1,
        # (those moved: the object, or the subject of a passive; "forty volunteers drove residents to
        # safety" moved the residents)
        goal=goal_of(pred) if anchor.dep_ in ("dobj", "nsubjpass") and anchor.head == pred else None,
        there_in=_there_in(pred, noun),
    )


def _there_in(pred: Token | None, noun: Token | None) -> bool:
    """ "There were five people in the house": an existential "be" whose counted noun, or the verb itself,
    is placed in a thing ("in the house", "aboard the bus", "inside the mine")."""
    if pred is None or pred.lemma_ != "be" or not any(c.dep_ == "expl" for c in pred.children):
        return False
    heads = [pred, noun] if noun is not None else [pred]
    return any(
        p.dep_ == "prep"
        and p.lower_ in ("in", "inside", "aboard", "at", "on")
        and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in p.children)
        for h in heads
        for p in h.children
    )


def _cardinal(t: Token) -> bool:
    """A cardinal number ("five", "10"), not an ordinal ("the first quarter")."""
    return bool(t.like_num) and t.pos_ == "NUM"


def _proportion(doc: Doc, root: Token) -> Relation:
    """A figure that describes a noun ("an 8-kilometre tailback") or is a proportion ("three in ten")."""
    relation: Relation = "none"
    nxt = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and nxt.idx == root.idx + len(root.text):
        relation = "modifier"  # "an 8-kilometre tailback", "a 40-seat plane": part of a noun's description
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "out"):
            if any(_cardinal(t) for t in child.subtree if t.i != child.i):
                relation = "proportion"  # "one in five children", "three out of ten"
    after = [t.lower_ for t in doc[root.i + 1 : root.i + 4]]
    before = [t.lower_ for t in doc[max(0, root.i - 3) : root.i]]
    if (after[:1] == ["in"] or after[:2] == ["out", "of"]) and any(
        _cardinal(t) for t in doc[root.i + 2 : root.i + 4]
    ):
        relation = "proportion"  # however the parser attaches it
    if before[-1:] == ["in"] and len(before) >= 2 and _cardinal(doc[root.i - 2]):
        relation = "proportion"  # the "ten" of "three in ten"
    return relation


def _nearest(tok: Token) -> int:
    """Sort key: a dependent before its head is nearer the larger its index."""
    return tok.i if tok.i < tok.head.i else -tok.i


def _counted(doc: Doc, root: Token, relation: Relation) -> tuple[Token, Token | None, Relation]:
    """The noun the figure counts, from where the figure hangs in the parse (and the figure's token, moved
    to its percent word)."""
    noun: Token | None = None
    if root.dep_ in ("nummod", "quantmod", "compound", "nmod") and root.head.lower_ in PERCENT_WORDS:
        root = root.head  # "38.7 per cent": the percentage stands where its unit word stands
        if root.head.lower_ in PERCENT_WORDS and root.head.i != root.i:
            root = root.head
    if root.dep_ in ("nummod", "quantmod", "compound", "nmod") and root.head.pos_ in ("NOUN", "PROPN"):
        noun = root.head
        while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN") and noun.head.i > noun.i:
            noun = noun.head  # "an 8-kilometre tailback": the thing is the tailback
        own = _own_adjective(doc, root)
        if own is not None and any(t.is_punct for t in doc[root.i + 1 : noun.i]):
            noun = own  # "Four dead, 63 hurt": four counts the dead, not across the comma the hurt
    elif (
        root.dep_ == "nummod"
        and root.head.pos_ in ("ADJ", "VERB")
        and root.head.i == root.i + 1
        and root.head.dep_ in ("conj", "pobj", "dobj", "nsubj", "nsubjpass", "appos", "ROOT")
    ):
        # "12 survivors and three dead", "with five injured": an adjective standing as a noun
        noun = root.head
    elif root.dep_ == "appos" and root.head.pos_ == "NOUN" and root.head.i < root.i:
        noun = root.head  # "official attendance: 52,314", "the death toll, 41, ...": the noun it restates
    elif root.dep_ in ("attr", "acomp") and root.head.lemma_ == "be":
        noun = next((c for c in root.head.children if c.dep_ == "nsubj"), None)  # "turnout was 38.7 %"
    elif (
        root.dep_ in ("npadvmod", "dobj")
        and root.lower_ in PERCENT_WORDS
        and root.head.lemma_ in CHANGE_VERBS
    ):
        noun = next((c for c in root.head.children if c.dep_ == "nsubj"), None)  # "ridership fell 12 %"
    elif root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN":
        noun = root.head.head  # "turnout of just 24.6 per cent", "a deficit of 27.4 billion zlotys"
    elif root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("NOUN", "PROPN"):
        relation = "modifier"  # "children under 12", "a town near 40 villages": the number describes a noun
    elif root.dep_ == "pobj" and root.head.dep_ == "prep":
        verb = root.head.head
        if verb.lemma_ in CHANGE_VERBS:  # "the toll rose to 41" (the subject nearest the verb: a headline's
            # "Colombia mine toll rises to three" parses "Colombia" as a second subject)
            noun = max(
                (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), key=_nearest, default=None
            )
        elif verb.lemma_ in SETTING_VERBS:  # "police put the turnout at 240,000"
            noun = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    else:
        part_of = of_object(root)
        if part_of is not None and part_of.pos_ in ("NOUN", "PROPN"):
            noun = part_of  # "26 of the passengers": a count of passengers
            if has_number(part_of):
                relation = "part"  # "four of the 12 carriages": a count of carriages, within their number
                if any(c.dep_ in ("acl", "relcl") and c.tag_ in ("VBN", "VBD") for c in part_of.children):
                    relation = "subcount"  # "six of the 31 people injured": the injured are counted already
    if noun is None:
        noun = _own_adjective(doc, root)  # "and three dead" parsed with the adjective under the number
    return root, noun, relation


def _own_adjective(doc: Doc, root: Token) -> Token | None:
    """An adjective right after the number that the parse hangs under it ("four dead"): what it counts."""
    if root.i + 1 >= len(doc):
        return None
    after = doc[root.i + 1]
    if after.head.i == root.i and after.dep_ in ("amod", "acomp") and after.pos_ in ("ADJ", "VERB"):
        return after
    return None


#: nouns of how many there are: a figure set for one counts what its own noun names
_SIZES = QUANTITY_NOUNS | {"population"}


def _what_is_counted(doc: Doc, noun: Token | None, relation: Relation) -> tuple[Token | None, Relation]:
    """The counted noun behind a level ("charges fell to 112 million crowns"), a quantity noun ("the number
    of vessels"); a time noun with "ago" is a time ago."""
    if noun is not None and noun.dep_ == "pobj" and noun.head.lower_ in ("to", "at"):
        verb = noun.head.head  # "charges fell to 112 million crowns": the new level of the charges
        whose = "dobj" if verb.lemma_ in SETTING_VERBS else "nsubj" if verb.lemma_ in CHANGE_VERBS else None
        subject = next((c for c in verb.children if c.dep_ in (whose, "nsubjpass")), None) if whose else None
        if subject is not None and subject.pos_ in ("NOUN", "PROPN") and subject.lemma_ not in _SIZES:
            noun = subject  # (but "put the population at 9,200 elephants" counts elephants)
    if noun is not None and noun.lemma_ in QUANTITY_NOUNS:
        inner = of_object(noun)
        if inner is not None and inner.pos_ in ("NOUN", "PROPN"):
            noun = inner  # "the number of vessels"
    if noun is not None and noun.lemma_ in TIME_NOUNS:
        if any(t.lower_ == "ago" for t in noun.subtree) or (
            noun.i + 1 < len(doc) and doc[noun.i + 1].lower_ == "ago"
        ):
            relation = "ago"
    return noun, relation


def _negated(pred: Token | None, noun: Token | None) -> bool:
    """The counted act is negated: "were not injured", "no offer", "received no offer"."""
    negated = pred is not None and any(c.dep_ == "neg" for c in pred.children)
    if noun is not None and any(c.lower_ in ("no", "zero") and c.dep_ == "det" for c in noun.children):
        negated = True
    if (
        pred is not None
        and pred.lemma_ not in ("have", "be", "get")
        and any(
            c.dep_ in ("dobj", "attr") and any(g.lower_ == "no" and g.dep_ == "det" for g in c.children)
            for c in pred.children
        )
    ):
        negated = True  # "2,284 applicants received no offer" (but "600 homes had no gas" counts the homes)
    return negated


#: nouns that place a figure on a scale rather than count anything ("in the region of 500", "of the order of
#: 10,000", "the 100 to 300 spectrum", "the 200-400 bracket"): the figure counts what its clause counts
ABOUT_NOUNS = frozenset({"region", "order", "range", "spectrum", "bracket", "band", "ballpark", "vicinity"})


def _counted_kind(noun: Token | None) -> tuple[str | None, Token | None]:
    """The counted noun's lemma, a group by nationality ("150 Palestinian prisoners"), a named group of people
    kept as written ("13 Israelis"); a name that is no counted kind ("12 Airbus") counts nothing."""
    counted_lemma = noun.lemma_.lower() if noun is not None else None
    if counted_lemma in ABOUT_NOUNS and noun is not None and noun.tag_ == "NN":
        return None, None  # "in the region of 500", "the 100 to 300 spectrum": a span, counting nothing
    group = _group_word(noun) if noun is not None else None
    if group is not None and noun is not None and noun.pos_ != "PROPN":
        counted_lemma = f"{group} {noun.text}"  # "150 Palestinian prisoners": a group by nationality
    if noun is not None and noun.pos_ == "PROPN":
        if noun.tag_ == "NNPS" or _GROUP_NAME.search(noun.text):
            counted_lemma = noun.text  # "13 Israelis": a named group of people, kept as written
        else:
            counted_lemma = None  # "12 Airbus": a name, not a counted kind
            noun = None
    return counted_lemma, noun


_STILL_VERBS = frozenset({"remain", "stay"})
#: "three workers still underground": the figure's noun, then "still" (a headline's clause with no verb)
_STILL_AFTER = re.compile(r"\s+(?:[\w'’-]+\s+){0,2}?still\b", re.IGNORECASE)


def in_a_state(role: FigureRole, after: str = "") -> bool:
    """The figure counts those still in a state: "remained", "stayed", "still", or "still" right after the
    figure's noun (`after`: the text that follows the figure)."""
    pred = (role.predicate or "").split("_")[0]
    words = role.predicate_phrase.split()
    stays = bool(words) and word_lemma(words[0].lower()) in _STILL_VERBS  # "remained closed": the act closed
    return pred in _STILL_VERBS or stays or "still" in words or bool(_STILL_AFTER.match(after))


__all__ = [
    "ABOUT_NOUNS",
    "CHANGE_VERBS",
    "SETTING_VERBS",
    "SPEECH",
    "FigureRole",
    "figure_role",
    "in_a_state",
    "modality_of",
]
