"""The predicate that governs a counted noun: which word it is (a participle describing the noun, else the
verb or predicative adjective the noun is an argument of), its lemma with its particle, the act it names
(a verb of extent names its subject's act), who did it, and the words that complete its sense.

Reads: tokens of a parsed sentence (spaCy `Token`). structure.py asks here for a figure's predicate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .acts import OPPOSITES, PREDICATE_FAMILIES
from .lexicon import ANY_MEASURE, MOTION_VERBS
from .parse import word_lemma
from .verbs import COUNTING, EXTENT_VERBS, QUANTITY_NOUNS, REPORTING, TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

_PREDICATE_POS = frozenset({"VERB", "AUX", "ADJ"})
_WALK_DEPS = frozenset(
    {"pobj", "prep", "compound", "amod", "nummod", "conj", "appos", "quantmod", "npadvmod"}
)
_NAME_STOP = frozenset({"the", "a", "an", "of", "and"})


def phrasal_lemma(pred: Token) -> str:
    """The predicate's lemma with its particle: "laid off 300 workers" is "lay_off", not "lay"; "pulled out
    of the talks" is "pull_out" however the parser hangs the "out"; "went ahead" is "go_ahead"."""
    prt = [c.lower_ for c in pred.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ == "ahead"]
    out = out_of(pred)
    if out is not None and out.lower_ not in prt:
        prt.append(out.lower_)
    return "_".join([pred.lemma_.lower(), *prt])


#: adverbs the parser may hang as a preposition before "of" or "from": "pulled out of the exercise"
_COMPOUND_PREPS = frozenset({"out", "off", "away"})


def out_of(verb: Token) -> Token | None:
    """The "out" of "pulled out of X" (a particle followed by "of"/"from"), however the parser hangs it."""
    for c in verb.children:
        if c.dep_ in ("prep", "advmod", "prt") and c.lower_ in _COMPOUND_PREPS and c.i > verb.i:
            if any(g.dep_ == "prep" and g.lower_ in ("of", "from") for g in c.children):
                return c
    return None


def predicate_of(node: Token) -> Token | None:
    """The predicate governing a noun phrase: a participle describing it ("23 people killed"), else the verb
    or predicative adjective it is an argument of, climbing through prepositions and compounds."""
    number = min((c.i for c in node.children if c.dep_ == "nummod"), default=-1)
    for child in node.children:
        if child.dep_ in ("acl", "relcl", "amod") and child.pos_ == "VERB" and child.tag_ in ("VBN", "VBD"):
            if child.dep_ == "relcl" and any(g.dep_ == "nsubj" for g in child.children):
                continue  # "activists who blocked the road": what they did, not what befell the count
            if child.dep_ == "amod" and child.i < number:
                continue  # "an estimated 4.7 million people were killed": a hedge on the number, no act
            return child
    cur = node
    for _ in range(8):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in _PREDICATE_POS else None
        if cur.dep_ in _WALK_DEPS:
            cur = cur.head
            if cur.pos_ == "VERB":
                return cur  # "built for 40,000 spectators": the verb the phrase hangs from
            continue
        head = cur.head
        if head.pos_ in _PREDICATE_POS:
            return head
        cur = head
    return None


def agent_of(pred: Token | None, counted: Token | None) -> tuple[str, ...]:
    """Name words of who did the act ("Aegean Blue Lines carried 1.4 million passengers"); a reporting
    verb's subject is the speaker, not a doer -- unless what it counts is its object ("admitted 4,200
    students": an act on them)."""
    acted_on = counted is not None and counted.dep_ == "dobj" and counted.head.i == getattr(pred, "i", -1)
    lemma = pred.lemma_.lower() if pred is not None else ""
    # who records or registers a count is where it was counted ("Andalusia recorded 410"), as an act's doer
    if (
        pred is None
        or lemma in REPORTING
        and not (acted_on or lemma in COUNTING)
        or _act_subject(pred, counted)
    ):
        return ()  # (nor is the subject that names the act: "its recall involved 420,000 packs")
    doer: Token | None = None
    for child in pred.children:
        if child.dep_ == "agent":
            doer = next((g for g in child.children if g.dep_ == "pobj"), None)
        elif child.dep_ == "nsubj" and (counted is None or child.i != counted.i):
            doer = child
    if doer is None:
        doer = _controller(pred)
    if doer is None or doer.pos_ == "PRON":
        return ()
    words = [t.lower_ for t in doer.subtree if t.pos_ == "PROPN" and t.lower_ not in _NAME_STOP]
    return tuple(dict.fromkeys(words))


def _controller(pred: Token) -> Token | None:
    """Who does an act stated by a gerund with no subject of its own: the subject of the clause it hangs on
    ("The city declared an emergency after recording 14 deaths": the city recorded them; "Kestrel cancelled
    40 flights, stranding 2,000 passengers")."""
    if pred.tag_ != "VBG" or pred.dep_ not in ("advcl", "pcomp"):
        return None
    if any(c.dep_ == "dobj" and c.lemma_.lower() in QUANTITY_NOUNS for c in pred.children):
        return None  # ("recovered 12 bodies, bringing the toll to 52": the toll is no one's act)
    governor = pred.head if pred.dep_ == "advcl" else pred.head.head if pred.head.dep_ == "prep" else None
    if governor is None or governor.pos_ not in ("VERB", "AUX") or governor.lemma_.lower() in REPORTING:
        return None  # (nor is a speaker the doer: "the ministry said, citing 52 deaths")
    return next((c for c in governor.children if c.dep_ == "nsubj"), None)


def predicate_phrase(pred: Token | None, noun: Token | None, root: Token) -> str:
    """The predicate with the words that complete its sense: particle, complement, a light verb's object
    ("lost their lives", "left 23 dead", "were confirmed dead")."""
    if pred is None:
        return ""
    skip = {root.i} | ({noun.i} if noun is not None else set())
    # a noun the figure's own noun is coordinated with counts another figure ("38 fatalities, 102
    # survivors"): it is not part of this figure's predicate
    ancestors = {t.i for t in noun.ancestors} if noun is not None else set()
    words = [pred]
    for c in pred.children:
        if c.i in skip or (c.i in ancestors and c.dep_ in ("dobj", "attr", "nsubj", "nsubjpass")):
            continue
        if c.dep_ in ("prt", "acomp", "oprd", "dobj", "xcomp", "attr", "advmod", "neg"):
            words.append(c)
            words += [g for g in c.children if g.dep_ in ("prt", "prep", "pobj", "dobj") and g.i not in skip]
        elif c.dep_ == "prep":  # "taken to hospital", "inside the building", "on board"
            words.append(c)
            words += [g for g in c.children if g.dep_ == "pobj" and g.i not in skip]
    return " ".join(t.lower_ for t in sorted(set(words), key=lambda t: t.i))


def _act_subject(pred: Token, noun: Token | None) -> Token | None:
    """The common noun subject of a verb of extent that names the act counted ("its recall involved 420,000
    packs": the recall), or None."""
    if pred.lemma_.lower() not in EXTENT_VERBS or noun is None or noun.head.i != pred.i:
        return None
    subject = next((c for c in pred.children if c.dep_ == "nsubj"), None)
    if subject is not None and (subject.pos_ == "NOUN" or subject.pos_ == "PROPN" and subject.text.islower()):
        return subject
    return None


def act_lemma(pred: Token | None, noun: Token | None) -> str | None:
    """The act the figure counts: the predicate with its particle, or, for a verb of extent, the common noun
    that is its subject ("its recall involved 420,000 packs": a recall of packs)."""
    if pred is None:
        return None
    subject = _act_subject(pred, noun)
    if subject is not None:
        return subject.lemma_.lower()
    state = _participle_state(pred)
    return state if state is not None else phrasal_lemma(pred)


#: verbs of being in a state: "are closed", "remained shut", "stay flooded"
_STATE_VERBS = frozenset({"be", "remain", "stay"})


def _participle_state(pred: Token) -> str | None:
    """The act a participle states after a verb of being ("74 schools are closed", "hundreds remained
    closed"): the parser reads the participle as an adjective, but those closed are those the act closed."""
    if pred.lemma_.lower() not in _STATE_VERBS:
        return None
    for c in pred.children:
        if c.dep_ == "acomp" and c.lower_.endswith("ed") and c.lower_.isalpha():
            verb = word_lemma(c.lower_)
            # (an act, not a feeling: "were closed", "remain flooded"; not "were tired", "are interested")
            act = (
                c.tag_ == "VBN"
                or verb in PREDICATE_FAMILIES
                or verb in OPPOSITES
                or ANY_MEASURE.search(c.lower_)
            )
            return verb if verb != c.lower_ and act else None
    return None


def goal_of(pred: Token | None) -> str | None:
    """Where a verb of motion brings what it moves, when that is a common noun: "were taken to hospital",
    "transported five people to hospital", "ferried into the camp" (a name is no kind of place: "flown to
    Lima"). Those moved there are one count whichever verb of motion says so."""
    if pred is None or pred.lemma_.lower() not in MOTION_VERBS:
        return None
    preps = [c for c in pred.children if c.dep_ == "prep"]
    preps += [g for c in preps if c.lower_ == "from" for g in c.children if g.dep_ == "prep"]  # "from X to Y"
    for c in preps:
        if c.lower_ in ("to", "into"):
            place = next((g for g in c.children if g.dep_ == "pobj"), None)
            if place is not None and place.pos_ == "NOUN" and not _is_time(place):
                return place.lemma_.lower()
    return None


def _is_time(noun: Token) -> bool:
    """A time, not a place: "from January to the first week of August"."""
    return noun.lemma_.lower() in TIME_NOUNS or noun.ent_type_ in ("DATE", "TIME")


__all__ = ["act_lemma", "agent_of", "goal_of", "phrasal_lemma", "predicate_of", "predicate_phrase"]
