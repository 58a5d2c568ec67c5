"""Propositions: what a parsed sentence asserts or denies happened, as predicate + theme + polarity.

Reads: a parsed sentence (spaCy `Doc`). Emits: `Proposition` values -- the predicate's family (a lemma, with
its particle: "hand_over"), the thing it acts on (the passive subject, the object, or the subject of an
intransitive verb: "certificate", "pressure", "inmate"), the names around it, and a polarity: -1 when the
clause is negated ("did not lose", "never entered", "no shots were fired", "at no point", "failed to
report") or sits in what someone denies or calls false ("denied that any migrants had been handed over");
each denial flips it once more.

Only acts stated as fact or as what will happen are propositions: plans, demands, hypotheses, questions,
conditions and abilities are not. Verbs of saying, thinking and having name no act of their own, and a
proposition needs a thing it is about (a pronoun or "anything" is not one). Which propositions meet is
detection's business (same predicate family and theme, opposite polarity, same story): this module only
reads the structure.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .arguments import (
    Proposition,
    act_on,
    antecedent,
    kinds_of,
    names_of,
    owners_of,
    person_word,
    recipient_of,
    theme_word,
)
from .clauses import conditional, manner_in_focus
from .modality import modality_of
from .negation import denials, negated, negative_word, none_beyond, polarity
from .predicates import out_of, phrasal_lemma
from .qualities import quality_of
from .scope import MONTHS, WEEKDAYS
from .states import act_happened, act_named, over_end, state_of, there_is
from .verbs import (
    CONTENT_NOUNS,
    DENIED_ROLES,
    DENYING,
    EVIDENTIAL,
    HABITUAL,
    IN_FULL,
    NO_ACT,
    REFUSING,
    REPORT_NOUNS,
    REPORTING,
    SAY_ONLY,
    SUFFERED_ACTS,
    VAGUE_THEMES,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: days and months: "reopen on Monday" names when, not a place reached
_CALENDAR = frozenset({*WEEKDAYS, *MONTHS})
_CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "conj", "advcl", "relcl", "xcomp", "parataxis"})


#: words that name a share of what their "of" phrase names: "part of its fleet", "none of our aircraft"
_PARTITIVES = frozenset("part some all none most many several half any each one parts rest".split())


def _partitive(tok: Token) -> Token:
    """The whole a share is taken of ("part of its ATR fleet" -> fleet), else the word itself."""
    if tok.lower_ not in _PARTITIVES:
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None else tok


def _theme(verb: Token) -> tuple[Token | None, bool]:
    """What the act is done to, and whether it is introduced as "no X" ("none of our aircraft")."""
    if _done_to_head(verb):
        return _partitive(verb.head), negative_word(verb.head)
    # an object before its verb that is "that" is the clause's complementizer, misparsed
    kids = [c for c in verb.children if not (c.dep_ == "dobj" and c.i < verb.i and c.lower_ == "that")]
    # a passive that keeps an object ("were not paid the compensation"): the object is the thing given
    kept = any(c.dep_ == "dobj" and c.i > verb.i for c in kids)
    order = ("dobj", "nsubjpass") if kept else ("nsubjpass", "dobj")
    for dep in order:
        for c in kids:
            if c.dep_ == dep:  # (a pronoun for the speaker: "the charity said it had not been suspended")
                return antecedent(c) or _partitive(c), negative_word(c)
    out = out_of(verb)
    if out is not None:  # "pulled out of the exercise": what was left is the theme
        of = next(g for g in out.children if g.dep_ == "prep" and g.lower_ in ("of", "from"))
        obj = next((g for g in of.children if g.dep_ == "pobj"), None)
        if obj is not None:
            return _partitive(obj), negative_word(obj)
    for c in kids:  # "the convoy never entered Kadugli": a place reached; "filed for bankruptcy": sought
        if c.dep_ == "prep" and c.lower_ in ("into", "to", "from", "in", "at", "on", "for"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            sought = c.lower_ == "for" and obj is not None and obj.pos_ == "NOUN" and c.i == verb.i + 1
            if obj is not None and (obj.pos_ == "PROPN" and obj.lower_ not in _CALENDAR or sought):
                return obj, negative_word(obj)
    passive = any(c.dep_ == "auxpass" for c in kids)
    if verb.dep_ == "conj" and passive and not any(c.dep_ in ("nsubj", "nsubjpass") for c in kids):
        shared = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if shared is not None:  # "our certificate is valid and has not been suspended"
            return shared, negative_word(shared)
    if any(c.dep_ in ("xcomp", "ccomp", "dobj", "attr", "acomp") for c in kids):
        return None, False  # "agreed to suspend": the act is the complement's
    for c in kids:  # an intransitive act: "three inmates escaped" (a noun misread as a clause subject too)
        if c.dep_ == "nsubj" or c.dep_ == "csubj" and any(g.dep_ in ("det", "nsubj") for g in c.children):
            return c, negative_word(c)
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _SHARED_SUBJECT:
        shared = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if shared is not None:  # "the alarm failed to sound": the alarm did not sound
            return shared, negative_word(shared)
    return None, False


#: verbs whose subject is their complement's, and whose complement is read as an act: "the alarm failed to
#: sound" (the alarm did not sound)
_SHARED_SUBJECT = frozenset({"fail"})


def _habitual(verb: Token, headline: bool) -> bool:
    """A habit or general truth: a frequency adverb, or a bare present tense outside a headline ("families
    pay ransoms quietly"; a headline's present reports an event: "Regulator suspends airline's licence")."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children):
        return True
    if headline or verb.tag_ not in ("VBP", "VBZ"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def _doer(verb: Token, theme: Token | None) -> tuple[str, ...]:
    """Who did it: the name words of the subject ("hollins", "park"), else its head word ("gunman")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and (theme is None or c.i != theme.i)), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if subj is None or subj.pos_ in ("PRON", "DET", "NUM") or negative_word(subj):
        return ()  # ("no product reached the river": nobody is named as having done it)
    return names_of(subj) or (subj.lemma_.lower(),)


def _thing_acted_on(verb: Token) -> Token | None:
    """The noun object of a stated act (a refusal, a finding): None for a clause ("denied that ..."), an aim
    ("voted to reject the offer"), a condition, or an object that is a claim, a role or says nothing."""
    if (
        any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        or conditional(verb)
        or verb.dep_ == "xcomp"
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    ):
        return None
    kids = {c.dep_: c for c in verb.children}
    obj = kids.get("dobj", kids.get("nsubjpass"))  # ("Kim was denied bail": the thing, not the person)
    if obj is None or obj.pos_ != "NOUN" or obj.lemma_.lower() in DENIED_ROLES | VAGUE_THEMES:
        return None
    return obj


def _refused(verb: Token, headline: bool = False) -> Proposition | None:
    """ "The court denied the bail application", "refused him bail": the thing was not granted (polarity -1,
    as "did not grant"); None when what is denied is a claim, a role or a clause ("denied the reports",
    "denied responsibility", "denied that ...")."""
    obj = _thing_acted_on(verb)
    if obj is None or _habitual(verb, False):
        return None
    if any(c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" for c in obj.children):
        return None  # "denied reports that ...", "denied claims made by ..."
    n = denials(verb)
    return Proposition(
        predicate="grant",
        theme=obj.lemma_.lower(),
        polarity=polarity(not negated(verb), n),  # (refusing is not granting; not refusing is)
        denied=n > 0,
        start=verb.idx,
        end=verb.idx + len(verb.text),
        subject_names=names_of(next((c for c in verb.children if c.dep_ == "nsubj"), None)),
        doer=(),  # (who grants is whoever may: a court, a judge; what was granted tells grants apart)
        person=None,
        theme_names=names_of(obj),
        owners=recipient_of(verb, headline),
    )


#: verbs by which a thing undergoes what their object names ("suffered no damage", "sustained an injury")
_SUFFERING = frozenset({"suffer", "sustain", "incur"})


def _evidence(verb: Token) -> Proposition | None:
    """ "Scans revealed a hamstring tear", "the player has not suffered a tear", "a scan showed no damage":
    what is found, shown or suffered exists (polarity 1) or not (-1); the act is `exist` of that thing, or
    the act its noun names ("showed a break": something broke), whoever found it. None for a clause or a
    claim found ("found that ...", "confirmed the report")."""
    obj = _thing_acted_on(verb)
    if obj is None or modality_of(verb) not in ("fact", "forecast"):
        return None
    if any(c.dep_ == "nummod" and c.doc[c.i - 1].pos_ != "NOUN" for c in obj.children):
        return None  # "found 340 dead seals": a count, read as a figure (but "a grade two tear")
    negative = negated(verb) or negative_word(obj)
    if negative and none_beyond(obj):
        return None
    n = denials(verb)
    act, theme = "exist", obj.lemma_.lower()
    if verb.lemma_.lower() in _SUFFERING and theme in SUFFERED_ACTS:
        holders = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # ("is intact and suffered no damage")
        sufferer = next((c for v in holders for c in v.children if c.dep_ == "nsubj"), None)
        thing = theme_word(sufferer)
        if thing and not person_word(sufferer, thing):
            # "the altarpiece suffered no damage": the act done to it, as "had been damaged" says it (a
            # person's injury stays a thing found: "exist")
            act, theme = SUFFERED_ACTS[theme], thing
    else:
        act, theme = act_named(obj) or (act, theme)  # ("monitoring shows a break": something broke)
    return act_on(verb, act, theme, polarity(negative, n), n, obj)


def _content_clause(verb: Token) -> bool:
    return verb.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)


#: verbs whose gerund complement is an act the subject owns up to: "admitted dismissing the workers"
_OWNING_UP = frozenset({"admit", "acknowledge", "confess", "regret"})
#: negative pronouns for persons: "nobody has been dismissed", "no one was arrested"
#: personal pronouns: the act is on someone the sentence does not name
_PERSONAL = frozenset("i we he she they it".split())
_NO_PERSON = frozenset({"nobody", "no-one", "one"})


def _no_person(tok: Token | None, negative: bool) -> str | None:
    """ "Nobody has been dismissed": the theme is a person, and none was."""
    return "person" if negative and tok is not None and tok.lower_ in _NO_PERSON else None


def _pronoun(tok: Token | None) -> str | None:
    """ "he did not resign": an act on a pronoun has an empty theme, kept for a listed class it states."""
    return "" if tok is not None and tok.lower_ in _PERSONAL else None


def _sacked(verb: Token) -> bool:
    """ "Dismissed 14 workers", "nobody has been dismissed": a verb of rejecting whose object is persons is
    an act done to them (as "dismissed the reports" is not)."""
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if obj is None or verb.lemma_.lower() != "dismiss":
        return False
    return obj.lower_ in _NO_PERSON or person_word(obj, obj.lemma_.lower())


#: verbs of an activity's start or end: an act on a thing ("stopped the search"), not on a clause
_ASPECTUAL = frozenset({"begin", "start", "stop"})


def _done_to_head(verb: Token) -> bool:
    """A participle after a noun states the act done to it: "a licence issued in 1987" was issued."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.head.pos_ == "NOUN"
        and verb.i > verb.head.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj", "mark") for c in verb.children)
    )


def _stated_act(verb: Token, lemma: str, headline: bool) -> bool:
    """The verb states an act as done (or not): not a saying, an aim ("agreed to suspend", "wants to close";
    but "failed to alert"), a hypothesis, a condition or a habit."""
    aspect = lemma in _ASPECTUAL and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)
    if (
        lemma in NO_ACT
        and not aspect  # ("stopped the search" is an act on the search; "stopped searching" is not one)
        or (lemma in DENYING or lemma in REPORTING and not _reported_act(verb))
        and not _sacked(verb)
    ):
        return False
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    done = verb.head.lemma_ == "fail" or verb.tag_ == "VBG" and verb.head.lemma_ in _OWNING_UP | DENYING
    if (verb.dep_ == "xcomp" or infinitive) and not done:
        return False  # (but "failed to alert", "denied dismissing any workers", "admitted misleading")
    return (
        modality_of(verb) in ("fact", "forecast") and not conditional(verb) and not _habitual(verb, headline)
    )


def propositions(doc: Doc, headline: bool = False) -> list[Proposition]:
    """The propositions of a parsed sentence; a sentence that states one act both ways (a summary of two
    sides) gives neither. `headline`: the sentence is a title (its present tense reports an event)."""
    if doc.text.rstrip().endswith("?"):
        return []
    found: list[Proposition] = []
    for verb in doc:
        ended = over_end(verb) or act_happened(verb) or quality_of(verb)
        held = (there_is(verb) or state_of(verb)) if ended is None else []
        if ended is not None or held:  # a thing over, there or not, or still in a state denying a change
            found += [ended] if ended is not None else held
            continue
        if verb.pos_ != "VERB":
            continue
        if verb.dep_ not in _CLAUSE_DEPS and not _content_clause(verb) and not _done_to_head(verb):
            continue  # ("reports that its certificate was suspended": the content of a noun is a clause)
        lemma = phrasal_lemma(verb)  # with its particle: "call off" is an act, "call" is not
        special = _refused(verb, headline) if lemma in REFUSING else None
        special = _evidence(verb) if lemma in EVIDENTIAL else special
        if special is not None:  # a refusal, or a thing found or suffered
            found.append(special)
            continue
        if not _stated_act(verb, lemma, headline):
            continue
        theme_tok, no_theme = _theme(verb)
        theme = theme_word(theme_tok) or _no_person(theme_tok, no_theme) or _pronoun(theme_tok)
        if theme is None:
            continue
        person = theme if theme == "person" or person_word(theme_tok, theme) else None
        if person is not None:
            theme = "people"
        negative = negated(verb) or no_theme
        if negative and (none_beyond(theme_tok) or (manner_in_focus(verb) and not _in_full(verb))):
            continue  # "no further cracks were found", "was not deliberately contaminated": not the act
        n_denials = denials(verb)
        sign = polarity(negative, n_denials)
        subject = next(
            (c for c in verb.children if c.dep_ == "nsubj" and c.i != getattr(theme_tok, "i", -1)), None
        )
        places = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        theme_names = tuple(dict.fromkeys([*names_of(theme_tok), *(n for p in places for n in names_of(p))]))
        found += _degrees(
            Proposition(
                predicate=lemma,
                theme=theme,
                polarity=sign,
                denied=n_denials > 0,
                start=verb.idx,
                end=verb.idx + len(verb.text),
                subject_names=names_of(subject),
                doer=() if lemma == "grant" else _doer(verb, theme_tok),
                person=person,
                theme_names=theme_names,
                owners=(recipient_of(verb, headline) if lemma == "grant" else ()) or owners_of(theme_tok),
                kinds=kinds_of(theme_tok),
                future=modality_of(verb) == "forecast",
            ),
            _in_full(verb),
        )
    return _one_way(found)


def _reported_act(verb: Token) -> bool:
    """A verb of reporting used for an act on a thing, with no clause of what is said: "have concluded the
    negotiations", "talks have not been concluded", "declared a state of emergency" (but "concluded that
    ...", "said the figure", "reported the findings")."""
    if verb.lemma_.lower() in SAY_ONLY | EVIDENTIAL or any(
        c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children
    ):
        return False
    theme = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return (
        theme is not None
        and theme.pos_ == "NOUN"
        and theme.lemma_.lower() not in DENIED_ROLES | REPORT_NOUNS | VAGUE_THEMES | CONTENT_NOUNS
    )


def _in_full(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ in IN_FULL for c in verb.children)


def _degrees(p: Proposition, whole: bool) -> list[Proposition]:
    """An act done in full is also done ("fully restored": `restore` and `restore_in_full`); one not done in
    full is only not done in full ("not fully restored" meets "fully restored", never plain "restored")."""
    full = replace(p, predicate=f"{p.predicate}_in_full")
    if not whole:
        return [p]
    return [full] if p.polarity < 0 else [p, full]


def _one_way(found: list[Proposition]) -> list[Proposition]:
    """Leave out an act the sentence states both ways (a summary of two sides)."""
    keys: dict[tuple[str, str], set[int]] = {}
    for p in found:
        keys.setdefault((p.predicate, p.theme), set()).add(p.polarity)
    return [p for p in found if len(keys[(p.predicate, p.theme)]) == 1]


__all__ = ["NO_ACT", "Proposition", "propositions"]
