"""Who won: claims of winning a contest, which only one party can (an election, a vote, a final, a title).

Reads: a parsed sentence (spaCy `Doc`) and the speaker's name words. Emits: `Win` values -- the winner's name
words, the contest (its head word when it names a particular one: "round:first"; none for the election
itself), the polarity, and where the words stand. The forms are structural, not a list of sentences: a verb
of winning with its subject ("Lind won the runoff", "Ortega clinched a second term"), a passive or active
verb of electing ("Ortega was re-elected", "shareholders elected its three nominees"), a verb of losing
a contest ("Lind lost the runoff": not won), the noun "winner"
predicated of someone ("declared Lind the winner", "Lind declared herself the winner", "he was the rightful
winner"), and the noun "victory" owned by someone ("Lind's victory", "the victory of Ortega", "Lind claimed
victory"). A first-person winner in what a speaker says is the speaker ("we won"), as is a pronoun subject
of what they say ("Ortega says he won"). A winner with no name is no claim.

A thing awarded is won by its recipient ("was awarded the concession"), and "the winning bidder" is the
winner. Who caused a thing is read the same way (`causes`): one party's act, said of a party by a passive
with its agent ("was caused by an Israeli airstrike"), an active subject, responsibility taken or denied,
or "responsible" said or negated.

Two parties each claiming the same contest conflict; which claims meet is detection's business (checks.py).
Figures won (seats, votes, a share) are counts, not this: "won 12 seats" is no claim here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .clauses import describes_noun
from .modality import modality_of
from .negation import denials, negated, polarity
from .themes import theme_family

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the family name of the act: its claims share the key "statement:open:win"
WIN = "win"
_WIN_VERBS = frozenset({"win", "clinch"})
#: verbs of losing: "Lind lost the runoff" says Lind did not win it
_LOSE_VERBS = frozenset({"lose"})
_ELECT_VERBS = frozenset({"elect", "re-elect", "reelect"})
_WINNER_NOUNS = frozenset({"winner", "victor"})
_VICTORY_NOUNS = frozenset({"victory", "win"})
_CONTEST_VERBS = _WIN_VERBS | _ELECT_VERBS | _LOSE_VERBS
_CONTEST_NOUNS = _WINNER_NOUNS | _VICTORY_NOUNS
#: the contest as such: "won the election" and "won the governorship" are one claim about one contest
GENERIC_CONTESTS = frozenset(
    """election vote poll race runoff run-off ballot contest governorship presidency mayoralty term mandate
    seat office post re-election reelection""".split()
)
_QUANTIFIERS = frozenset("none all both each most some many several any nobody neither".split())
_ORDINALS = frozenset("first second third fourth fifth final opening last".split())
#: contests one can lose besides elections: "lost the final", "lost the case"
_CONTESTS = frozenset("final match game race title cup case appeal bid vote".split())
_FIRST = frozenset({"i", "we", "me", "us", "my", "our"})
_THIRD = frozenset({"he", "she", "they", "it", "his", "her", "their", "its"})
_REFLEXIVE = frozenset({"herself", "himself", "themselves", "itself", "ourselves", "myself"})


@dataclass(frozen=True, slots=True)
class Win:
    """One claim that a party won (polarity 1) or did not win (polarity -1) a contest."""

    winner: tuple[str, ...]  # name words, lower case
    contest: str  # "" for the contest as such; else its head word with what tells it apart ("round-first")
    polarity: int
    denied: bool
    start: int
    end: int


def _reported(tok: Token) -> bool:
    """The word's clause is what someone says (a complement of a verb with a subject)."""
    for t in [tok, *tok.ancestors][:6]:
        if t.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in t.head.children):
            return True
    return False


@dataclass(frozen=True, slots=True)
class _Ctx:
    speaker: frozenset[str]  # the speaker's name words
    quoted: bool  # the sentence is the speaker's own words
    common: frozenset[str]  # words the article also writes in lower case: not names
    peoples: bool = False  # a nationality names its country ("an Israeli airstrike": israel)


def _name(t: Token, ctx: _Ctx) -> bool:
    """A proper name: tagged one, or capitalised and never written in lower case in the article (the tagger
    takes a sentence's first word for a common noun: "Paredes declared ...")."""
    if len(t.text) < 3 or not t.text[:1].isupper() or t.lower_ in _QUANTIFIERS:
        return False
    return t.pos_ == "PROPN" or (t.pos_ == "NOUN" and t.lower_ not in ctx.common)


def _who(tok: Token | None, ctx: _Ctx) -> tuple[str, ...]:
    """The name words of a winner phrase; the speaker for "we", "our nominees" and a reported "he". Two
    parties coordinated ("both Lind and Ortega claimed victory") are a summary of two claims: none."""
    if tok is None or any(c.dep_ == "conj" for c in tok.children):
        return ()
    speaker, quoted = ctx.speaker, ctx.quoted
    words: list[str] = []
    # (a clause about the party is not its name, but its leader names a group: "a consortium led by Meridian")
    clauses = [c for c in tok.children if c.dep_ in ("relcl", "acl") and c.lemma_ not in ("lead", "head")]
    skip = {t.i for c in clauses for t in c.subtree}
    for t in tok.subtree:
        low = t.lower_
        if t.i in skip:
            continue
        if _name(t, ctx) or ctx.peoples and t.pos_ == "ADJ" and t.text[:1].isupper() and t.i:
            words.append(_people(low) if ctx.peoples else low)
        elif t.pos_ == "PRON" and (low in _FIRST and quoted or low in _THIRD and _reported(tok)):
            words.extend(sorted(speaker))
    return tuple(dict.fromkeys(words))


def _contest(tok: Token | None) -> str:
    if tok is None or tok.lemma_.lower() in GENERIC_CONTESTS:
        return ""
    marks = [c.lower_ for c in tok.children if c.pos_ == "NUM" or c.lower_ in _ORDINALS]
    return "-".join([theme_family(tok.lemma_.lower()), *marks])  # ("the concession", "the contract")


def _stated(verb: Token) -> bool:
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return not infinitive and modality_of(verb) in ("fact", "forecast") and not describes_noun(verb)


def _from_verb(t: Token, ctx: _Ctx) -> tuple[tuple[str, ...], Token | None]:
    kids = {c.dep_: c for c in t.children}
    if t.lemma_.lower() in _WIN_VERBS | _LOSE_VERBS:
        obj = kids.get("dobj")
        if obj is not None and (obj.like_num or any(c.dep_ == "nummod" for c in obj.children)):
            return (), None  # "won 12 seats", "won 52 percent": a count (not "won a 25-year concession")
        if obj is None and "prep" in kids and kids["prep"].lower_ == "in":
            obj = next((g for g in kids["prep"].children if g.dep_ == "pobj"), None)
        if "nsubjpass" in kids and "agent" in kids:  # "the runoff was won by Vera Lind"
            by = next((g for g in kids["agent"].children if g.dep_ == "pobj"), None)
            return _who(by, ctx), kids["nsubjpass"]
        return _who(kids.get("nsubj"), ctx), obj
    doc = t.doc
    if t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ == "re":
        # "re-elected", split by the tokenizer: the parser hangs its subject on "re" or the auxiliary
        near = [c for c in doc[: t.i - 2] if c.dep_ in ("nsubj", "nsubjpass") and c.head.i >= t.i - 4]
        if near and "nsubjpass" not in kids and "dobj" not in kids:
            kids["nsubjpass"] = near[-1]
    elected = kids.get("nsubjpass") or kids.get("dobj")  # "X was elected", "shareholders elected X"
    return _who(elected, ctx), None


def _awarded(t: Token, ctx: _Ctx) -> tuple[tuple[str, ...], Token | None]:
    """ "Sahel Port Holdings had been awarded the concession", "awarded the contract to Sahel": the
    recipient won the thing awarded."""
    kids = {c.dep_: c for c in t.children}
    thing = kids.get("dobj")
    if "nsubjpass" in kids and thing is not None:
        return _who(kids["nsubjpass"], ctx), thing
    to = next((c for c in t.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"), None)
    recipient = next((g for g in to.children if g.dep_ == "pobj"), None) if to is not None else None
    return (_who(recipient, ctx), thing) if thing is not None else ((), None)


def _winning(t: Token) -> bool:
    """ "The winning bidder": a party's noun said to be the one that won."""
    return any(c.dep_ == "amod" and c.lower_ == "winning" for c in t.children)


def _from_noun(t: Token, ctx: _Ctx) -> tuple[tuple[str, ...], Token | None]:
    head = t.head
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    contest = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if t.lemma_.lower() in _WINNER_NOUNS or _winning(t):
        if t.dep_ == "appos":  # "declared Vera Lind the winner" (the parser's apposition)
            return _who(head, ctx), contest
        if t.dep_ == "attr":  # "he was the winner"
            return _who(next((c for c in head.children if c.dep_ == "nsubj"), None), ctx), contest
        if t.dep_ in ("oprd", "dobj", "xcomp", "ccomp"):  # "declared Lind the winner", "declared herself ..."
            obj = next((c for c in head.children if c.dep_ == "dobj" and c.i != t.i), None)
            if obj is not None and obj.lower_ in _REFLEXIVE:
                obj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return _who(obj, ctx), contest
        return (), None
    owner = next((c for c in t.children if c.dep_ == "poss"), None)
    if owner is None and of is not None:
        owner, contest = contest, None  # "the victory of Ortega"
    if owner is None and t.dep_ == "dobj" and head.lemma_.lower() in ("claim", "declare", "proclaim"):
        owner = next((c for c in head.children if c.dep_ == "nsubj"), None)  # "Lind claimed victory"
    inn = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "in"), None)
    contest = next((g for g in inn.children if g.dep_ == "pobj"), None) if inn is not None else contest
    return _who(owner, ctx), contest


#: a person's full name, lower case, with its particles: "luiz inácio lula da silva"
_FULL_NAME = re.compile(
    r"\b[A-Z][\w’'-]+(?:\s+(?:(?:da|de|do|dos|das|del|della|di|du|van|von|der|den|la|le|al|bin|ibn|el)\s+){0,2}"
    r"[A-Z][\w’'-]+)+"
)


_ARTICLES = frozenset({"The", "A", "An"})


def aliases(text: str) -> dict[str, frozenset[str]]:
    """Each name word of a text, with the other words of the longest full name it appears in ("lula" ->
    lula, luiz, inácio, silva), so that one person named two ways is one winner."""
    out: dict[str, frozenset[str]] = {}
    for m in _FULL_NAME.finditer(text):
        words = frozenset(
            w.lower() for w in re.findall(r"[\w’'-]+", m.group(0)) if w[:1].isupper() and w not in _ARTICLES
        )
        for w in words:
            if len(words) > len(out.get(w, ())):
                out[w] = words
    return out


def wins(doc: Doc, speaker: frozenset[str], quoted: bool, common: frozenset[str] = frozenset()) -> list[Win]:
    """The win claims of a parsed sentence. `speaker`: the name words of who says it; `quoted`: the sentence
    is the speaker's own words (a first person is the speaker); `common`: words the article writes in lower
    case (not names)."""
    ctx = _Ctx(speaker, quoted, common)
    if doc.text.rstrip().endswith("?"):
        return []
    found: list[Win] = []
    winning = "winning" in doc.text.lower()  # (one scan of the text before any noun's children)
    for t in doc:
        lemma = t.lemma_.lower()
        if t.pos_ == "VERB" and lemma in _CONTEST_VERBS:
            verb = t
            winner, contest = _from_verb(t, ctx)
        elif t.pos_ == "VERB" and lemma == "award":
            verb = t
            winner, contest = _awarded(t, ctx)
        elif t.pos_ == "NOUN" and (lemma in _CONTEST_NOUNS or winning and _winning(t)):
            verb = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), t)
            winner, contest = _from_noun(t, ctx)
        else:
            continue
        if not winner or not _stated(verb):
            continue
        n = denials(verb)
        sign = polarity(negated(verb) or negated(t), n)
        if lemma in _LOSE_VERBS:
            if contest is None or contest.lemma_.lower() not in GENERIC_CONTESTS | _CONTESTS:
                continue  # "lost his job", "lost 12 seats": not a contest lost
            sign = -sign
        found.append(Win(winner, _contest(contest), sign, n > 0, t.idx, t.idx + len(t.text)))
    return found


#: the family name of the act of causing: who is responsible for a thing is, like who won, one party
CAUSE = "cause"
_RESPONSIBLE = frozenset({"responsible", "culpable"})
#: verbs with "responsibility" as object that take it (+1) or refuse it (-1)
_TAKING = frozenset({"claim", "accept", "admit", "bear", "take", "acknowledge"})
_REFUSING_BLAME = frozenset({"deny", "reject", "disclaim"})
_RELATIVE = frozenset({"that", "which", "who"})
_BLAME_WORDS = frozenset({"cause", "responsibility", *_RESPONSIBLE})


def _people(word: str) -> str:
    """A nationality as its country's name word: "israeli" -> "israel", "pakistani" -> "pakistan",
    "indian" -> "india" (names and nationalities of one party then meet; applied to both sides alike)."""
    if len(word) > 5 and word.endswith("i"):
        return word[:-1]
    return word[:-1] if len(word) > 5 and word.endswith("ian") else word


def _caused_thing(tok: Token | None) -> Token | None:
    """The thing caused; a relative pronoun stands for the noun its clause describes ("an explosion that
    it says was caused by ...")."""
    if tok is not None and tok.lower_ in _RELATIVE:
        return next((a for a in tok.ancestors if a.pos_ == "NOUN"), None)
    return tok


def _blamed(t: Token, ctx: _Ctx) -> tuple[tuple[str, ...], Token | None, Token] | None:
    """(who is said to be responsible, for what, the word that says so), or None."""
    lemma = t.lemma_.lower()
    if t.pos_ == "VERB" and lemma == "cause":
        kids = {c.dep_: c for c in t.children}
        if "agent" in kids:  # "was caused by an Israeli airstrike"
            by = next((g for g in kids["agent"].children if g.dep_ == "pobj"), None)
            thing = kids.get("nsubjpass") or kids.get("nsubj")
            return _who(by, ctx), _caused_thing(thing), t
        return _who(kids.get("nsubj"), ctx), _caused_thing(kids.get("dobj")), t  # "a launch caused the blast"
    for_ = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    what = next((g for g in for_.children if g.dep_ == "pobj"), None) if for_ is not None else None
    if t.pos_ == "NOUN" and lemma == "responsibility" and t.dep_ == "dobj":
        verb = t.head  # "the army denied responsibility for the attack"
        if verb.lemma_.lower() in _TAKING | _REFUSING_BLAME:
            return _who(next((c for c in verb.children if c.dep_ == "nsubj"), None), ctx), what, verb
    if t.pos_ == "ADJ" and lemma in _RESPONSIBLE and t.dep_ == "acomp":  # "Israel was not responsible"
        return _who(next((c for c in t.head.children if c.dep_ == "nsubj"), None), ctx), what, t.head
    return None


def causes(
    doc: Doc, speaker: frozenset[str], quoted: bool, common: frozenset[str] = frozenset()
) -> list[Win]:
    """Who a sentence says caused a thing, or was (not) responsible for it ("was caused by an Israeli
    airstrike", "denied responsibility for the attack", "Israel was not responsible"): one party's act,
    compared like a win (`Win.contest` is the thing caused, its theme word)."""
    ctx = _Ctx(speaker, quoted, common, peoples=True)
    if doc.text.rstrip().endswith("?"):
        return []
    found: list[Win] = []
    for t in doc:
        if t.lemma_.lower() not in _BLAME_WORDS:
            continue
        read = _blamed(t, ctx)
        if read is None or not read[0] or modality_of(read[2]) not in ("fact", "forecast"):
            continue  # (a relative clause states it too: "an explosion that was caused by ...")
        who, thing, verb = read
        n = denials(verb)
        sign = polarity(negated(verb), n)
        if verb.lemma_.lower() in _REFUSING_BLAME and t.lemma_.lower() == "responsibility":
            sign, n = -sign, n + 1
        theme = theme_family(thing.lemma_.lower()) if thing is not None and thing.pos_ == "NOUN" else ""
        found.append(Win(who, theme, sign, n > 0, t.idx, t.idx + len(t.text)))
    return found


__all__ = ["CAUSE", "GENERIC_CONTESTS", "WIN", "Win", "aliases", "causes", "wins"]
