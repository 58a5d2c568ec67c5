"""The claims component: every claim an article makes, numeric and statement, in text order.

Reads: an Article (its sentences, their speakers, figures and parse: text.py, attribution.py, numbers.py,
parse.py) and its story (story.py). Writes: `Claim`s with typed features. A numeric claim is a figure with
what it measures, its place, period and speaker (numeric.py); a statement claim is a listed outcome class
(outcomes.py) or an act the parse reads (propositions.py), asserted (+1) or denied (-1). Claim key = kind +
measure or outcome class: claims that could contradict each other share a key; detection then checks story,
place, period and subject inside the key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from schemas import Article, Claim
from schemas.claim import Features, MeasureRef

from .arguments import Proposition, kinds_of, owners_of
from .attribution import Context, Speaker, attribute, quote_speaker
from .claimants import for_protagonist
from .clauses import (
    another_voice,
    describes_noun,
    manner_in_focus,
    own_clause,
    speaker_is_subject,
    subject_names,
    token_at,
)
from .guard import Limits
from .lexicon import OUTCOME_BY_NAME
from .modality import modality_of
from .negation import called_untrue_after, negation_above
from .numbers import FigureSpan, find_figures
from .numeric import numeric_claims
from .outcomes import HYPOTHETICAL, class_acts, read_outcomes, states_class, with_classes, word_end
from .parse import parse
from .propositions import propositions
from .qualities import stated_act
from .reading import (
    ArticleFacts,
    ClaimFields,
    SentenceFacts,
    article_version,
    content_hash,
    content_words,
    provisional_counts,
)
from .scope import PLACE_ANAPHORA, place_spans, time_scope
from .sentences import Sentence, split_sentences, strip_dateline
from .speakers import protagonist_of, speakers
from .story import common_words, story_signature
from .text import last_match, name_tokens
from .verbs import REFUSING
from .winners import CAUSE, WIN, aliases, causes, wins

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: a sentence that may deny an act: a negation, a denial, or a thing that remains or is still in a state,
#: which denies the change that would end it ("the notice remains in effect") (a cheap scan; the parse
#: decides)
_MAY_DENY = re.compile(
    r"\b(?:not|no|never|none|nobody|nothing|neither|deni\w*|deny|reject\w*|dismiss\w*|refut\w*|false|"
    r"untrue|baseless|fabricated|unfounded|remain\w*|still|stay\w*)\b|n[’']t\b",
    re.IGNORECASE,
)
#: body sentences parsed whatever they hold: news states its main acts in the headline and the lead, so
#: the act a later denial contradicts is read there (an asserted act is a claim only there: every sentence
#: asserts several, and each claim is a message and a table write); later sentences are parsed for a
#: figure or a denial
LEAD_SENTENCES = 3


def extract_claims(article: Article, limits: Limits | None = None) -> list[Claim]:
    """Every claim of the article, in text order (headline first), at most `limits.max_claims_per_article`."""
    limits = limits or Limits()
    sentences = split_sentences(article.text, limits.max_sentences, limits.max_sentence_chars)
    lower_words = common_words(article)  # one scan, for the story signature and the subjects' names
    units: list[Sentence] = [Sentence(-1, article.title.strip(), 0)] if article.title.strip() else []
    units += sentences
    bodies = [strip_dateline(u.text)[0] for u in units]
    all_figs = [find_figures(b) for b in bodies]
    docs = _parsed(units, bodies, all_figs)
    # a name opening a sentence of the lead ("Hungary has paid ..."): the parse tells it from a common word
    opening = {
        d[0].lower_
        for d in docs.values()
        if d is not None and len(d) > 1 and d[0].pos_ == "PROPN" and d[0].dep_ in ("nsubj", "nsubjpass")
    }
    story = story_signature(article, sentences, lower_words, opening)
    protagonist = protagonist_of(units, docs)
    facts = ArticleFacts(
        article, article_version(article), story, lower_words, provisional_counts(article.text)
    )
    ctx = Context(outlet=article.source)
    topic = " ".join(
        [article.title, *(strip_dateline(u.text)[0] for u in sentences[:1])]
    ).lower()  # title, lead
    claims: list[Claim] = []
    quote_paragraph = False
    last_places: list[str] = []
    for n, unit in enumerate(units):
        if len(claims) >= limits.max_claims_per_article:
            break
        body = bodies[n]
        speaker = _speaker(article, sentences, units, n, body, ctx, quote_paragraph, docs.get(n))
        own = for_protagonist(speaker.name, speaker.claimant, speaker.kind, protagonist)
        speaker = replace(speaker, claimant=own) if own != speaker.claimant else speaker
        quote_paragraph = body.rstrip().endswith(("”", '"'))
        s = _sentence_facts(facts, unit, body, all_figs[n], docs.get(n), speaker, last_places)
        last_places = s.where or last_places
        outcomes = read_outcomes(body, topic)
        props = propositions(s.doc, headline=unit.index < 0) if s.doc is not None else []
        outcomes = class_acts(props, outcomes, body)
        if s.doc is not None and any(o[0] == "approval" for o in outcomes):
            # a grant refused or given is read from the parse, whatever the thing granted
            grants = [t.idx for t in s.doc if t.pos_ == "VERB" and t.lemma_.lower() in _GRANTING]
            outcomes = [o for o in outcomes if o[0] != "approval" or o[2] not in grants]
        claims += numeric_claims(facts, s)
        read = _outcome_claims(facts, s, outcomes)
        if s.doc is not None:  # (a class trigger set aside by the parse leaves the act to the parse)
            read += _win_claims(facts, s)
            at = [((c.span_start or 0) - s.shift, c.key.removeprefix("statement:")) for c in read]
            claims += _proposition_claims(facts, s, at, props)
        claims += read
    return with_classes(claims[: limits.max_claims_per_article])


_GRANTING = REFUSING | {"grant"}


def _parsed(
    units: list[Sentence], bodies: list[str], all_figs: list[list[FigureSpan]]
) -> dict[int, Doc | None]:
    """The parse: the headline and lead, and sentences that carry a figure, a negation or denial, or a
    thing remaining in a state, in one batched pass (bounded by parse.MAX_PARSE_CHARS)."""
    lead = 1 + LEAD_SENTENCES if units and units[0].index < 0 else LEAD_SENTENCES
    wanted = [i for i, f in enumerate(all_figs) if f or i < lead or _MAY_DENY.search(bodies[i])]
    return dict(zip(wanted, parse([bodies[i] for i in wanted]), strict=True))


#: a sentence naming the source of the figures just given: "The figures came from the disaster agency"
_SOURCE_AFTER = re.compile(
    r"(?:The|These|Those|Both|All|Its|Their)\s+(?:\w+\s+)?(?:figures?|numbers?|data|tall(?:y|ies)|tolls?|counts?|"
    r"estimates?|statistics)\s+(?:came|come|comes|were|was|are|is)\s+(?:from|(?:provided|released|given|"
    r"compiled|issued|supplied|published)\s+by)\s+(?P<who>[^,;:.(]+)"
)


def _speaker(
    article: Article,
    sentences: list[Sentence],
    units: list[Sentence],
    n: int,
    body: str,
    ctx: Context,
    quote_paragraph: bool,
    doc: Doc | None,
) -> Speaker:
    """Who speaks in sentence `n` (attribution.py, the parse's speakers where no pattern finds one), a
    quotation's voice where it closes."""
    parsed = speakers(doc) if doc is not None else None
    speaker = attribute(body, ctx, in_quote_paragraph=quote_paragraph, parsed=parsed)
    ahead = quote_speaker(body, units[n + 1 : n + 4], ctx)
    if ahead is not None:
        speaker = ahead
    source = _SOURCE_AFTER.match(strip_dateline(units[n + 1].text)[0]) if n + 1 < len(units) else None
    if speaker.kind == "outlet" and source:  # "... rose to 3,621. The figures came from the disaster agency"
        speaker = attribute(f"According to {source.group('who').strip()}, it is so.", Context(article.source))
    if units[n].index == -1 and speaker.kind == "outlet" and sentences:
        # an unattributed headline summarises the lead: it speaks with the lead's voice
        speaker = attribute(strip_dateline(sentences[0].text)[0], Context(outlet=article.source))
        ctx.last = None
    return speaker


def _sentence_facts(
    a: ArticleFacts,
    unit: Sentence,
    body: str,
    figs: list[FigureSpan],
    doc: Doc | None,
    speaker: Speaker,
    last_places: list[str],
) -> SentenceFacts:
    article = a.article
    spans = place_spans(body)
    where = [phrase for _at, phrase in spans]
    if not where and PLACE_ANAPHORA.search(body):
        where = last_places  # "the tally of homes destroyed there": the place of the sentence before
    scope = time_scope(body, article.published_at)
    fields: ClaimFields = {
        "article_id": article.id,
        "article_version": a.version,
        "source": article.source,
        "published_at": article.published_at,
        "sentence": unit.text,
        "sentence_index": unit.index,
        "speaker": speaker.name,
        "claimant": speaker.claimant,
        "speaker_kind": speaker.kind,
        "reporting_verb": speaker.verb,
        "certainty": speaker.certainty,
        "story": " ".join(a.story.names),
        "place": " | ".join(dict.fromkeys(where)) or None,
        "time_scope": scope,
        "url": article.url,
        "title": article.title,
        "sentence_start": unit.start,
    }
    shift = len(unit.text) - len(body)  # the body is the sentence less its dateline
    return SentenceFacts(unit, body, figs, doc, spans, where, scope, fields, name_tokens(speaker.name), shift)


def _outcome_claims(a: ArticleFacts, s: SentenceFacts, outcomes: list[tuple[str, int, int]]) -> list[Claim]:
    """Statement claims for the listed outcome classes the sentence states one way (outcomes.py)."""
    body, out = s.body, []
    for name, pol, trig in outcomes:
        if HYPOTHETICAL.search(body[max(0, trig - 80) : trig]) or _aside(s, name, pol, trig):
            continue
        before = body[max(0, trig - 60) : trig]
        cut = last_match(re.finditer(r"[,;:“”\"]|\b(?:said|says|say|told|that)\b", before))
        objects = name_tokens(body[trig : trig + 90]) - s.speaker_toks
        tok = token_at(s.doc, trig) if s.doc is not None else None
        # names of the trigger's own subject ("the Ciudad Hidalgo crossing has reopened")
        doing = name_tokens(before[cut.end() :] if cut else before) - s.speaker_toks - a.lower_words
        parsed = subject_names(tok) if tok is not None else None
        if parsed:  # the parse's subject, where it finds a named one, over the words before the trigger
            doing = set(parsed) - s.speaker_toks - a.lower_words
        elif tok is not None and OUTCOME_BY_NAME[name].per_subject and speaker_is_subject(tok):
            doing = set(s.speaker_toks)  # "Santos Bay said it had never signed": Santos Bay did not
        words = sorted(content_words(body[max(0, trig - 60) : trig + 80], s.speaker_toks))
        if tok is not None and called_untrue_after(tok):
            pol = -pol  # "the claim that ... appears to be wrong"
        ref = MeasureRef.of_name(name)
        out.append(
            Claim(
                claim_id=content_hash(a.article.id, a.version, s.unit.index, name, "s"),
                kind="statement",
                key=f"statement:{name}",
                measure=ref.label,
                polarity=pol,
                subject=" ".join(words),
                span_start=s.shift + trig,
                span_end=s.shift + word_end(body, trig),
                **s.fields,
                features=Features(
                    measure=ref,
                    story=a.story,
                    words=words,
                    objects=sorted(objects),
                    agents=sorted(doing),
                    owners=sorted(set(owners_of(_acted_on(tok))) - s.speaker_toks),
                    kinds=sorted(kinds_of(_acted_on(tok))),
                    # "will be closed this weekend"
                    future=tok is not None and modality_of(tok) == "forecast",
                ),
            )
        )
    return out


def _acted_on(tok: Token | None) -> Token | None:
    """The thing an outcome's trigger word is said of: its object or subject, or the word itself if a noun."""
    if tok is None or tok.pos_ in ("NOUN", "PROPN"):
        return tok
    deps = ("dobj", "nsubjpass", "nsubj")
    return next((c for d in deps for c in tok.children if c.dep_ == d), None)


def _aside(s: SentenceFacts, name: str, polarity: int, trig: int) -> bool:
    """The parse shows the trigger does not state the outcome: it describes another noun ("a draft that was
    never signed"), or a negation bears on its manner ("not deliberately contaminated")."""
    tok = token_at(s.doc, trig) if s.doc is not None else None
    if tok is None:
        return False
    if describes_noun(tok, OUTCOME_BY_NAME[name].context):
        return True
    # (a negation the parse sees: "operating normally" is a negative trigger, not a negated manner)
    return polarity < 0 and manner_in_focus(tok) and negation_above(tok)


def _win_claims(a: ArticleFacts, s: SentenceFacts) -> list[Claim]:
    """Statement claims that a named party won, or did not win, a contest (winners.py), all under one key:
    detection compares who won (`checks.opposite_polarity` for an exclusive act)."""
    assert s.doc is not None
    out: list[Claim] = []
    quoted = s.fields["speaker_kind"] != "outlet"
    speaker, common = frozenset(s.speaker_toks), frozenset(a.lower_words)
    found = [(WIN, w) for w in wins(s.doc, speaker, quoted, common)]
    found += [(CAUSE, w) for w in causes(s.doc, speaker, quoted, common)]
    if not found:
        return out
    known = aliases(a.article.text[:20_000])  # (not the title: a title-case headline is one long "name")
    for act, w in found:
        winner = sorted({alias for word in w.winner for alias in known.get(word, {word})})
        name = f"open:{act}~{w.contest or 'contest'}"
        ref = MeasureRef.of_name(name)
        words = sorted(content_words(s.body[max(0, w.start - 60) : w.end + 80], s.speaker_toks))
        fields: ClaimFields = {**s.fields}
        if w.denied:
            fields["certainty"] = "denied"
        out.append(
            Claim(
                claim_id=content_hash(a.article.id, a.version, s.unit.index, name, w.start, "w"),
                kind="statement",
                key=f"statement:open:{act}",
                measure=ref.label,
                polarity=w.polarity,
                subject=" ".join(words),
                span_start=s.shift + w.start,
                span_end=s.shift + w.end,
                **fields,
                features=Features(
                    measure=ref,
                    story=a.story,
                    words=words,
                    doers=winner,
                    themes=[w.contest] if w.contest else [],
                ),
            )
        )
    return out


def _read_as(p: Proposition, triggers: list[tuple[int, str]]) -> str | None:
    """The listed class the sentence reads the act as too: its trigger in the act's reach, or its words."""
    listed = [(t, name) for t, name in triggers if not name.startswith("open:")]  # (wins are no class)
    said = next((name for _, name in listed if states_class(p.predicate, name)), None)
    return said or next((name for t, name in listed if p.start - 40 <= t <= p.end + 10), None)


def _proposition_claims(
    a: ArticleFacts, s: SentenceFacts, triggers: list[tuple[int, str]], props: list[Proposition]
) -> list[Claim]:
    """Statement claims for the acts a parsed sentence asserts or denies (propositions.py), keyed by the
    predicate's family ("suspend", "hand_over"), with the theme in the measure ("suspend~certificate") and
    in the features (`themes`), where detection decides whether two themes are one thing. An act an outcome
    class already reads in this sentence (its trigger within the predicate's reach) is left to that class."""
    out: list[Claim] = []
    index, body, speaker_toks = s.unit.index, s.body, s.speaker_toks
    assert s.doc is not None

    def told(words: Iterable[str]) -> list[str]:
        return sorted({w for w in words if w not in speaker_toks})  # (the speaker's names are not theirs)

    for p in props:
        verb = token_at(s.doc, p.start)
        if not p.theme or verb is not None and another_voice(verb):
            continue  # (what another speaker in the sentence says is not this speaker's account)
        # an act a listed class reads too ("denies suspending the batch"): kept, so that another report's
        # act in other words still meets it, but marked (`read_as`): two such readings meet under the class
        read_as = _read_as(p, triggers)
        if p.polarity > 0 and index >= LEAD_SENTENCES:
            continue  # an asserted act is read from the headline and lead; a denial from anywhere
        act, polarity = stated_act(p.predicate, p.polarity)  # ("struck down the order": not upheld)
        act = f"open:{act}"
        name = f"{act}~{p.theme}"
        words = sorted(content_words(body[max(0, p.start - 60) : p.end + 80], speaker_toks))
        features = Features(
            measure=MeasureRef.of_name(name),
            story=a.story,
            words=words,
            objects=told(p.theme_names),
            agents=told(p.subject_names),
            themes=[p.theme],  # (the act's own arguments, even when its doer speaks: "X withdrew and urged")
            doers=sorted(set(p.doer)),
            persons=told([p.person] if p.person is not None else []),
            owners=told(p.owners),
            kinds=sorted(p.kinds),
            future=p.future,
            read_as=read_as,
        )
        own = time_scope(own_clause(verb), a.article.published_at) if verb is not None else s.scope
        fields: ClaimFields = {**s.fields, "time_scope": own}  # (the act's own clause's periods)
        if p.denied:
            fields["certainty"] = "denied"
        out.append(
            Claim(
                claim_id=content_hash(a.article.id, a.version, index, name, p.start, "p"),
                kind="statement",
                key=f"statement:{act}",  # one key per act: which themes meet is detection's
                measure=features.measure.label,
                polarity=polarity,
                subject=" ".join(words),
                span_start=s.shift + p.start,
                span_end=s.shift + p.end,
                **fields,
                features=features,
            )
        )
    return out
