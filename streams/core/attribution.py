"""Attribution: who makes the claim in a sentence, with which reporting verb and certainty.

Reads: one sentence plus the running context of the article (last named speakers). Emits: a Speaker.
Handles "X said (that) ...", "..., X said.", "..., said X.", "according to X", "X told Y",
pronouns ("he said") resolved to the last named speaker, quotes continuing a speaker's paragraph,
anonymous sources ("an unnamed official", "a source who asked not to be named").
Without attribution the outlet itself is the claimant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from schemas.claim import Certainty, SpeakerKind

from .claimants import ANON, normalise_claimant
from .lexicon import REPORTING
from .sentences import Sentence
from .speakers import ParsedSpeaker
from .verbs import SPEECH

_VERBS = (
    r"said|says|say|told|tells|stated|announced|confirmed|reported|added|declared|wrote|posted|insisted|insists|"
    r"maintained|claimed|claims|alleged|accused|estimated|warned|acknowledged|admitted|explained|denied|denies|"
    r"rejected|dismissed|played down|suggested|believes|puts|put|counted|recorded|quoted|cited|continued|"
    r"listed|lists|logged|logs|registered|tallied|showed|shows|"
    r"argued|countered|replied|responded|noted|stressed|disputed|contradicted|contested|refuted|rebutted|gave|blamed|"
    r"described|called|urged|conceded|revised|revises|corrected|corrects|withdrew|warns|estimates|reports|confirms"
)
#: a particle after the verb makes another verb, not one of saying: "the strike was called off", "put out"
_NO_PARTICLE = r"(?!\s+(?:off|up|out|down|back|over|through)\b)"
_VERB_RX = re.compile(rf"\b({_VERBS})\b{_NO_PARTICLE}")
_NP = (
    r"((?:[A-Z\"“'‘(]|the |a |an |its |his |her |their |"
    # bare plural speakers after an opening phrase: "On Monday, police said"
    r"(?:police|officials|authorities|rescuers|witnesses|residents|doctors|medics|prosecutors|investigators|"
    r"organi[sz]ers|activists|analysts|economists|lawyers)\b|"
    # a title in lower case before a name: "fire chief Tom Hale said", "health minister Ana Ruiz said"
    r"(?:[a-z][\w\-]+\s+){1,3}(?=[A-Z][a-z]))[^,;:“”\"]{0,90}?)"
)
_APPOS = (
    r"(?:,\s+((?:the|a|an|its|his|her|their|who|which|whose|[A-Z][\w\-]*['’]s|\d{1,3}|[a-z]+ed)\b"
    r"(?:[^,;“”\"]|(?<=\d),(?=\d)){0,120}"  # (a number's comma: "which represents 9,000 dockworkers")
    r"|[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}),)?"  # ..., or a name: "The mayor, Chiara Farah,"
)
_ADVERBIAL = r"(?:\s+(?:on|in|at|to|during|after|before|late|earlier|from|by|via|with)\b[^,.;“”\"]{0,60})?"
_OBJ = (
    r"(?:\s+(?:reporters|journalists|lawmakers|parliament|[A-Z][\w.]+(?:\s+[A-Z][\w.]+)*"
    r"|(?:the|an?) [a-z][\w\- ]{1,40}?))?"
)
_CONTINUATION = r"(?:,\s+[a-z][^“”\"]{0,200})?"
_TRAILING = re.compile(
    rf"[,”\"]\s*{_NP}{_APPOS}\s+(?:later\s+|also\s+|then\s+)?({_VERBS}){_OBJ}{_ADVERBIAL}{_CONTINUATION}\s*[.,]?\s*$"
)
_INVERTED = re.compile(
    r"[,”\"]\s*(said|says|added|continued|wrote)\s+"  # (never "told": who follows it is told)
    r"((?:[A-Z]|the |a |an )[^,;:“”\"]{1,90}?)"
    r"(?:,\s+((?:the|a|an|its|his|her|who|which)\b[^,;“”\"]{1,120}))?\s*(?:[.,]\s*)?$"
)
_FINITE = re.compile(r"\b(?:were|was|is|are|had|has|have|will|would|did|does|do|could|should|can)\b")
_ACCORDING = re.compile(r"\b[Aa]ccording to ([^,.;]{2,90})")
#: "according to figures released by X", "results from X": the source is X, not the document
_DOCUMENT_OF = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:figures|data|results|statistics|estimates|numbers|counts?|"
    r"tall(?:y|ies)|reports?|records|documents?|projections|audits?|reviews?|surveys?|stud(?:y|ies)|"
    r"inquir(?:y|ies)|investigations?|analys[ie]s)\s+(?:[\w-]+\s+)?(?:by|from|of)\s+(.{2,})$",
    re.IGNORECASE,
)
#: a connective set off after the subject: "The regulator, however, listed ..."
_ASIDE = r"(?:,\s+(?:however|meanwhile|though|too|also|in turn|for (?:its|his|her|their) part),)?"
_LEADING = re.compile(
    rf"^(?:[A-Z][\w' ]{{0,90}},\s*){{0,2}}{_NP}{_APPOS}{_ASIDE}\s+"
    rf"(?:on \w+\s+|later\s+|also\s+|again\s+|repeatedly\s+|separately\s+|earlier\s+|had\s+|has\s+|"
    rf"have\s+)?({_VERBS})\b{_NO_PARTICLE}"
)
_PRONOUN = re.compile(
    rf"(?:^\s*|[,”\"]\s*)(he|she|it|they|the official|the spokesman|the spokeswoman|the spokesperson)\s+"
    rf"(?:later\s+|also\s+)?({_VERBS})\b{_NO_PARTICLE}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Speaker:
    name: str
    claimant: str
    kind: SpeakerKind
    verb: str | None
    certainty: Certainty


@dataclass
class Context:
    """Running state through one article: the last named speakers, for pronouns and quotes."""

    outlet: str
    last_person: Speaker | None = None
    last_org: Speaker | None = None
    last: Speaker | None = None
    seen: list[Speaker] = field(default_factory=list)


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: a speaker phrase that is a clause or a fragment, not a noun phrase: a finite verb or an adverb of time
#: inside ("Police had", "Lula had 50.8% of votes ..."), a function word at its end ("people who", "the
#: chairman and"), a number or a date at its start ("April 23 The", "There were four")
_NOT_A_SPEAKER = re.compile(
    r"\b(?:were|was|is|are|had|has|have|did|does|could|should|can|also|apologi[sz]ed|revealed|there)\b|%|"
    r"\b(?:who|which|that|and|or|but|the|a|an|of|to|with|for|by|in|on|at|minutes|before|after)\s*$|"
    rf"^(?:\d|(?:{_MONTHS})\b)|"
    r"^(?:The|A|An|Previous|Official|There)$",
    re.IGNORECASE,
)


_INTERRUPTER = re.compile(
    r",\s+(?:in|on|at|during|after|before|via|through)\s+(?:a|an|the|its|his|her|their)\b[^,;“”\"]{1,60},"
    r"(?=\s+(?:later\s+|also\s+)?(?:said|says|told|added|announced|confirmed|denied|insisted|stated|wrote)\b)"
)


def _plausible(phrase: str) -> bool:
    """A speaker phrase names someone: a noun phrase of at most 16 words (see `_NOT_A_SPEAKER`)."""
    words = phrase.split()
    return 0 < len(words) <= 16 and _NOT_A_SPEAKER.search(phrase.strip(" ,")) is None


def _speaker(phrase: str, verb: str | None) -> Speaker:
    doc = _DOCUMENT_OF.match(phrase.strip())  # "an audit commissioned by the ministry": the ministry speaks
    claimant, kind = normalise_claimant(doc.group(1) if doc else phrase)
    cert = REPORTING.get((verb or "").lower(), "asserted")
    name = phrase.strip().strip(",").strip()
    if name.endswith(".") and len(name.split()[-1]) > 4:
        name = name[:-1]  # the sentence's full stop ("..., said Maria Lopez, a Red Cross official.")
    return Speaker(name=name, claimant=claimant, kind=kind, verb=verb, certainty=cert)


def _clean(np: str) -> str:
    np = re.sub(r"^(?:and|but|while|as|yet|so)\s+", "", np.strip(), flags=re.IGNORECASE)
    # a date left of the name ("April 23 The coast guard"); an auxiliary or another verb of the subject right
    # of it ("Police had", "The mayor apologized and")
    np = re.sub(
        rf"^(?:{_MONTHS})"
        r"\s+\d{1,2}\s+",
        "",
        np,
    )
    np = re.sub(r"\s+(?:had|has|have|also|[a-z]+ed\s+and|[a-z]+ly)$", "", np)  # ("X categorically denied")
    return np.strip("\"“”' ")


def _join(name: str, appositive: str | None) -> str:
    name = _clean(name)
    return f"{name}, {appositive.strip()}" if appositive else name


#: a bare noun right after "denied" or "refused" that is no claim or role: the thing refused ("denied bail",
#: "refused entry"), so the verb is a headline's passive, not a verb of saying
_THING_REFUSED = re.compile(
    r"\s+(?!(?:that|it|any|all|the|a|an|this|these|those|reports?|claims?|allegations?|accusations?|charges?|"
    r"wrongdoing|responsibility|involvement|knowledge|links?|having|being|to|on|in|and|or|but)\b)[a-z]+"
    r"(?:\s+(?:in|to|for|at|over|after|on)\b|[.,;]|\s*$)"
)


def _inverted(s: str) -> Speaker | None:
    """ "..., said Maria Lopez, a Red Cross official." -- not a clause ("said the journalists were
    detained"), nor the verb of a speaker who leads the sentence ("X, which ..., said the licence ...")."""
    m4 = _INVERTED.search(s)
    lead = _LEADING.match(s)
    if (
        m4
        and not (lead and lead.start(3) == m4.start(1))
        and not re.match(r"(?:that|on|in|at|it|he|she|they|reporters)\b", m4.group(2))
        and not _FINITE.search(m4.group(2))
        and not re.search(r"(?<![\w-])\d", m4.group(2))  # "said the federation owed 38 million" too
        and len(m4.group(2).split()) <= 10
    ):
        return _speaker(_join(m4.group(2), m4.group(3)), m4.group(1))
    return None


def _leading(s: str, ctx: Context) -> Speaker | None:
    """A speaker leading the sentence ("The ministry said ..."), a pronoun for the last one named."""
    found: Speaker | None = None
    m5 = _LEADING.match(s)
    if m5 and m5.group(3) in ("denied", "denies") and _THING_REFUSED.match(s, m5.end(3)):
        m5 = None  # "Businessman denied bail": a thing refused to him, not a denial he made
    if m5:
        np = _join(m5.group(1), m5.group(2))
        if np.lower() in ("he", "she", "it", "they"):
            prev = _last_named(np.lower(), ctx)
            if prev:
                found = Speaker(prev.name, prev.claimant, prev.kind, m5.group(3), "asserted")
        elif _plausible(_clean(m5.group(1))):
            found = _speaker(np, m5.group(3))
    return found


def _last_named(pronoun: str, ctx: Context) -> Speaker | None:
    """The speaker a pronoun or a bare role stands for: the last body for "it" and "they", else the last
    person; either way the last speaker when there is none of that kind."""
    return (ctx.last_org if pronoun in ("it", "they") else ctx.last_person) or ctx.last


#: a document or a body of data as a subject: it speaks for whoever made it ("the figures indicate")
_DOCUMENT_HEAD = re.compile(
    r"\b(?:figures|data|numbers|statistics|results|records|report|reports|study|survey|estimates?|analysis|"
    r"document|documents|review|audit|findings|evidence)$"
)


def _parsed_speaker(parsed: list[ParsedSpeaker], ctx: Context) -> Speaker | None:
    """The outermost speaker the parse finds where no pattern did ("..., said X, a spokesman for Y, who
    briefed reporters", "its duty coordinator, Dr Z, told public radio"); a pronoun is the last one named."""
    # (only verbs of speech: "a flash estimate shows" is a document speaking for whoever made it, read by the
    # patterns where they name them)
    p = next((p for p in parsed if p.lemma in SPEECH), None)
    if p is None:
        return None
    pron = p.phrase.lower()
    if pron in ("i", "we", "you") or _DOCUMENT_HEAD.search(pron):
        return None  # (a quote's own voice is its paragraph's; a document speaks for whoever issued it)
    if pron in ("he", "she", "it", "they"):
        prev = _last_named(pron, ctx)
        if prev is None:
            return None
        return Speaker(prev.name, prev.claimant, prev.kind, p.verb, REPORTING.get(p.verb.lower(), "asserted"))
    return _speaker(_clean(p.phrase), p.verb) if _plausible(_clean(p.phrase)) else None


def attribute(
    sentence: str, ctx: Context, in_quote_paragraph: bool = False, parsed: list[ParsedSpeaker] | None = None
) -> Speaker:
    """Find the speaker of a sentence, updating the article context. `parsed`: the speakers the sentence's
    parse finds (speakers.py), read where no pattern finds one."""
    found: Speaker | None = None
    # an interrupting phrase between a speaker and its verb ("The ministry, in a statement on Tuesday, said")
    s = _INTERRUPTER.sub("", sentence.strip())
    m = _PRONOUN.search(s)
    if m and not found:
        prev = _last_named(m.group(1).lower(), ctx)
        if prev:
            found = Speaker(
                prev.name, prev.claimant, prev.kind, m.group(2), REPORTING.get(m.group(2), "asserted")
            )
    if not found:
        m2 = _ACCORDING.search(s)
        if m2 and _plausible(_clean(m2.group(1))):
            found = _speaker(_clean(m2.group(1)), "according to")
    if not found:
        m3 = _TRAILING.search(s)
        if (
            m3
            and not m3.group(1).lower().startswith(("he ", "she ", "it ", "they "))
            and _plausible(_clean(m3.group(1)))
        ):
            found = _speaker(_join(m3.group(1), m3.group(2)), m3.group(3))
    if not found:
        found = _inverted(s)
    if not found:
        found = _leading(s, ctx)
    if not found and parsed:
        found = _parsed_speaker(parsed, ctx)
    if not found and (in_quote_paragraph or s.startswith(("“", '"'))) and ctx.last:
        found = ctx.last
    if not found and ANON.search(s):
        found = Speaker("an anonymous source", "anonymous source", "anonymous", None, "reported")
    if found is None:
        return Speaker(ctx.outlet, ctx.outlet.lower(), "outlet", None, "asserted")
    return _settle(found, ctx)


def _settle(found: Speaker, ctx: Context) -> Speaker:
    """The speaker found, as the article knows it (the body a spokesman speaks for, a body's full name),
    kept in the article's running context."""
    if re.match(r"(?:its|their)\s", found.name, re.IGNORECASE) and ctx.last_org is not None:
        # "its spokesman said": the body named before speaks through its spokesman
        found = Speaker(found.name, ctx.last_org.claimant, "organisation", found.verb, found.certainty)
    if found.kind == "organisation" and " " not in found.claimant:
        # a bare head ("the commission said") names the body the article named in full before it
        fuller = next(
            (
                sp.claimant
                for sp in reversed(ctx.seen)
                if sp.kind == "organisation" and sp.claimant.endswith(" " + found.claimant)
            ),
            None,
        )
        if fuller:
            found = Speaker(found.name, fuller, found.kind, found.verb, found.certainty)
    if found.kind == "person" and len(found.name.split()) == 1:
        # a surname alone ("Fontenot said") is the speaker the article named in full before ("sheriff's
        # spokesman Major Curtis Fontenot"), speaking for the same body
        earlier = next((sp for sp in reversed(ctx.seen) if found.name in sp.name.split()), None)
        if earlier is not None:
            found = Speaker(found.name, earlier.claimant, earlier.kind, found.verb, found.certainty)
    ctx.last = found
    if found.kind == "person":
        ctx.last_person = found
    elif found.kind == "organisation":
        ctx.last_org = found
        if re.search(r"[A-Z][a-z]+ [A-Z][a-z]+", found.name):
            ctx.last_person = found
    ctx.seen.append(found)
    return found


def opens_quote(body: str) -> bool:
    """The sentence opens a quotation it does not close ('"Our troops did not open fire.' ...)."""
    b = body.strip()
    return b[:1] in '“"' and not re.search(r"[”\"]", b[1:])


def quote_speaker(body: str, following: list[Sentence], ctx: Context) -> Speaker | None:
    """A quotation's first sentence speaks with the voice named where the quotation closes:
    '"Our troops did not open fire. The attack was ...," the spokesman said.'"""
    if not opens_quote(body):
        return None
    for nxt in following:
        text = nxt.text.strip()
        if re.search(r"[”\"]", text):
            found = attribute(text, replace(ctx, seen=list(ctx.seen)))
            return found if found.kind != "outlet" else None
    return None
