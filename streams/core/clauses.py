"""Clause gates on the parse: whether a word that states an outcome sits where the sentence does not report
that outcome.

Reads: a parsed sentence (spaCy `Doc`) and a character offset in it. Emits: booleans for claims.py and
propositions.py -- the word describes another noun (a relative or adnominal clause: "an earlier draft that
was never signed", "the only company to have suffered layoffs"), or its negation bears on the manner, not
the act ("was not deliberately contaminated": contaminated, but not on purpose).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from .verbs import SPEECH, TIME_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: adverbs in -ly that say when, how sure or how often, not how: under a negation they do not take its focus
_NOT_MANNER = frozenset(
    """only likely unlikely really actually currently recently previously reportedly allegedly apparently
    early daily weekly monthly yearly initially originally subsequently finally eventually immediately
    certainly clearly simply merely""".split()
)


def _starts(doc: Doc) -> list[int]:
    """The tokens' character offsets, computed once per parse (kept with it)."""
    starts: list[int] | None = doc.user_data.get("starts")
    if starts is None:
        starts = [t.idx for t in doc]
        doc.user_data["starts"] = starts
    return starts


def token_at(doc: Doc, offset: int) -> Token | None:
    """The token covering character `offset` of the parsed text."""
    i = bisect_right(_starts(doc), offset) - 1
    if i < 0:
        return None
    t = doc[i]
    return t if offset < t.idx + len(t.text) else None


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens overlapping characters [start, end) of the parsed text, in order."""
    starts = _starts(doc)
    i = max(0, bisect_right(starts, start) - 1)
    j = bisect_left(starts, end)
    return [t for t in doc[i:j] if t.idx + len(t.text) > start]


def describes_noun(tok: Token, about: re.Pattern[str] | None = None) -> bool:
    """The word sits in a clause that describes a noun (a relative clause, an infinitive or participle after
    a noun), so the sentence tells something about that noun, not the outcome the word names -- unless the
    noun is what the outcome is about (`about`: "the villages, which Russian forces regained"). A clause
    that is the content of a noun ("reports that it had agreed") is what is reported, not a description."""
    shown = False
    for t in [tok, *tok.ancestors]:
        shown = shown or (t.dep_ == "ccomp" and t.head.lemma_.lower() in _SHOWING)
        if t.dep_ not in ("relcl", "acl") or t.head.pos_ not in ("NOUN", "PROPN"):
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            return False
        if shown and t.head.lemma_.lower() in _EVIDENCE:
            return False  # "has the proof it needs to show that he won": what the evidence shows is claimed
        return about is None or not about.search(t.head.lower_)
    return False


#: verbs whose complement an evidence establishes, and the nouns for evidence
_SHOWING = frozenset({"show", "prove", "demonstrate", "establish", "confirm"})
_EVIDENCE = frozenset(
    {"proof", "evidence", "document", "record", "data", "footage", "video", "image", "sheet"}
)


def _clause_verb(tok: Token) -> Token:
    """The verb of the word's own clause (the word itself when it is one)."""
    for t in [tok, *tok.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return tok


def manner_in_focus(tok: Token) -> bool:
    """The word's predicate carries a manner adverb ("deliberately", "fully", "formally"): a negation of the
    sentence then denies the manner, and says nothing clear about the act itself."""
    verb = _clause_verb(tok)
    for c in [*verb.children, *tok.children]:
        if c.dep_ == "advmod" and c.pos_ == "ADV" and c.lower_.endswith("ly") and c.lower_ not in _NOT_MANNER:
            return True
    return False


def subject_names(tok: Token) -> frozenset[str] | None:
    """Name words (lower case) of the subject of the word's clause, leaving out what a relative clause or an
    apposition adds about it ("Yildiz, who have won the league twice, have signed": yildiz); None when the
    parse shows no subject."""
    verb = _clause_verb(tok)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    skip = {t.i for c in subj.children if c.dep_ in ("relcl", "acl", "appos") for t in c.subtree}
    return frozenset(
        t.lower_ for t in subj.subtree if t.pos_ == "PROPN" and t.i not in skip and len(t.text) >= 3
    )


def speaker_is_subject(tok: Token) -> bool:
    """The word's clause is what someone says, and its subject is a pronoun for that someone ("Santos Bay
    said it had never signed", "Vera Lind says she won"): the doer is the speaker."""
    verb = _clause_verb(tok)
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "PRON" or subj.lower_ not in _SELF:
        return False
    head = verb.head
    return verb.dep_ == "ccomp" and head.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in head.children)


_SELF = frozenset("i we it he she they".split())


#: dependents that are clauses of their own: their words are not the predicate's clause
_OWN_CLAUSES = frozenset({"ccomp", "conj", "advcl", "parataxis"})


def clause_scope(pred: Token | None, root: Token | None = None) -> tuple[int, int]:
    """Characters of the predicate's own clause: its words, less a clause hanging from it that does not hold
    the figure ("Eleven of them are dead, four are in hospital": the clause of "four" ends before "dead")."""
    if pred is None:
        return (0, 0)
    words = list(pred.subtree)
    lo, hi = words[0].i, words[-1].i
    for c in pred.children:
        if c.dep_ not in _OWN_CLAUSES or (root is not None and root in c.subtree):
            continue
        if c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
            continue  # a coordinated predicate of the same subject ("... three people still unaccounted for")
        sub = list(c.subtree)
        if c.i < pred.i and (root is None or sub[-1].i < root.i):
            lo = max(lo, sub[-1].i + 1)  # a clause before the figure's
        elif c.i > pred.i and (root is None or sub[0].i > root.i):
            hi = min(hi, sub[0].i - 1)  # a clause after it
    doc = pred.doc
    lo, hi = min(lo, pred.i, root.i if root is not None else pred.i), max(hi, pred.i)
    return (doc[lo].idx, doc[hi].idx + len(doc[hi].text))


def conditional(verb: Token) -> bool:
    """Inside "if", "whether", "unless", a clause opened by "once" or a question: not stated as happened."""
    for t in [verb, *verb.ancestors][:5]:
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in t.children):
            return True
        if (
            t.dep_ == "advcl"
            and t.tag_ in ("VBZ", "VBP")
            and any(c.lower_ == "once" and c.i < t.i for c in t.children)
        ):
            return True  # "will reopen once repairs are complete" (but "once the fire was out, ...", "the
            # mine once employed 3,000")
    return False


#: words of time a possessive may date a noun with ("last month's", "Saturday's")
_TIMES = TIME_NOUNS | frozenset(
    """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight weekend january
    february march april may june july august september october november december""".split()
)


def _argument_of(noun: Token, verb: Token) -> bool:
    """The noun is the verb's own subject or object ("this year's festival was cancelled": the act's year)."""
    return noun.head.i == verb.i and noun.dep_ in ("nsubj", "nsubjpass", "dobj")


def own_clause(verb: Token) -> str:
    """The sentence's words for a verb's act, without the clauses that describe some noun and do not hold
    the verb ("a group which has monitored the coast since 2015" is not about the act's period; "in the
    2022 attack, the city confirmed that data had been stolen" is), nor a time that says whose a noun is
    ("paid a ransom to the group behind last month's cyberattack": the attack's month, not the payment's;
    but "this year's festival was cancelled" is this year's act)."""
    skip: set[int] = set()
    for c in verb.doc:
        if c.dep_ in ("relcl", "acl") and not (c.left_edge.i <= verb.i <= c.right_edge.i):
            skip.update(range(c.left_edge.i, c.right_edge.i + 1))
        elif c.dep_ == "poss" and c.lemma_.lower() in _TIMES and not _argument_of(c.head, verb):
            skip.update(range(c.left_edge.i, c.right_edge.i + 1))  # "behind last month's cyberattack"
    return " ".join(t.text for t in verb.doc if t.i not in skip)


def another_voice(tok: Token) -> bool:
    """The word sits in what another speaker says in a clause that frames the sentence's own: "..., hours
    after the Turkish side announced that deliveries had resumed" (the Turkish side's account, not the
    sentence's speaker's)."""
    below = tok
    for head in list(tok.ancestors)[:6]:
        if head.dep_ == "ROOT":
            return False
        if (
            below.dep_ == "ccomp"
            and head.lemma_.lower() in SPEECH
            and head.dep_ in ("advcl", "pcomp", "pobj")  # ("after the Turkish side announced ...": a frame)
            and any(c.dep_ == "nsubj" for c in head.children)
        ):
            return True
        below = head
    return False


__all__ = [
    "another_voice",
    "clause_scope",
    "conditional",
    "describes_noun",
    "manner_in_focus",
    "own_clause",
    "speaker_is_subject",
    "subject_names",
    "token_at",
    "tokens_in",
]
