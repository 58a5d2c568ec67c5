"""The public names of streams.core and schemas, pinned: a name added, renamed or removed is a change of
the package's interface and shows here. Each module's public names are its `__all__`, else the names it
defines at top level without a leading underscore. Also: the pipeline's components, in data-flow order, each
say in their docstring what they read and what they write."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from types import ModuleType

import schemas
import streams.core as core

PUBLIC: dict[str, list[str]] = {
    "schemas._base": ["Record"],
    "schemas.alert": ["Alert", "AlertKind"],
    "schemas.alert_v2": ["AlertClaim", "AlertV2", "SCHEMA_VERSION", "Span"],
    "schemas.article": ["Article", "MAX_ID_CHARS", "MAX_SOURCE_CHARS", "MAX_TITLE_CHARS"],
    "schemas.claim": [
        "Bound",
        "Certainty",
        "Claim",
        "ClaimBatch",
        "Features",
        "Figure",
        "MeasureRef",
        "SpeakerKind",
        "Story",
    ],
    "schemas.dead_letter": ["DeadLetter"],
    "schemas.feedback": ["DISMISS_REASONS", "DismissReason", "Feedback", "Verdict"],
    "schemas.generate": ["OUT", "main", "render"],
    "streams.core.arguments": [
        "Proposition",
        "kinds_of",
        "names_of",
        "owners_of",
        "person_word",
        "recipient_of",
        "theme_word",
    ],
    "streams.core.states": ["STATES", "over_end", "state_of"],
    "streams.core.clauses": [
        "clause_scope",
        "conditional",
        "describes_noun",
        "manner_in_focus",
        "speaker_is_subject",
        "subject_names",
        "token_at",
        "tokens_in",
    ],
    "streams.core.attribution": ["Context", "Speaker", "attribute", "opens_quote", "quote_speaker"],
    "streams.core.claimants": [
        "ANON",
        "GENERIC_BODIES",
        "ORG_HEADS",
        "for_protagonist",
        "normalise_claimant",
        "same_claimant",
    ],
    "streams.core.checks": [
        "BY_KIND",
        "CHECKS",
        "Check",
        "Kind",
        "PASS",
        "REJECTIONS",
        "act_doers",
        "counted_alike",
        "exclusive",
        "figure_doers",
        "figures_apart",
        "first_failing",
        "level_close_in_time",
        "not_happened_since",
        "not_part_of_whole",
        "not_partial",
        "not_recovery",
        "not_rising_total",
        "one_claim",
        "one_group",
        "one_period",
        "one_place",
        "one_scale",
        "one_story",
        "one_theme",
        "opposite_polarity",
        "parties",
        "same_named_things",
        "same_qualifiers",
        "same_unit",
        "state_close_in_time",
        "two_aspects",
        "two_claimants_of_one_report",
        "two_sentences",
    ],
    "streams.core.claims": ["LEAD_SENTENCES", "extract_claims"],
    "streams.core.detect": [
        "DEFAULT",
        "DetectConfig",
        "REASONS_TEXT",
        "REJECTIONS",
        "RESTATED_DISPUTE",
        "RULES",
        "alert_confidence",
        "alert_id",
        "as_sentence",
        "detect",
        "judge",
        "pair_order",
        "restated",
    ],
    "streams.core.explain": [
        "DIFFERENT_KEY",
        "DIFFERENT_KEY_TEXT",
        "SHOWN_FEATURES",
        "Verdict",
        "claim_order",
        "describe",
        "feature_line",
        "verdict",
        "verdicts",
    ],
    "streams.core.extract": [
        "article_version",
        "extract_batches",
        "extract_claims",
        "places",
        "proper_phrases",
        "story_signature",
        "time_scope",
    ],
    "streams.core.families": [
        "ANY_MEASURE",
        "MEASURES",
        "MEASURE_BY_NAME",
        "Measure",
        "PERSON_MEASURES",
        "rx",
        "union",
    ],
    "streams.core.guard": [
        "ARTICLE_FIELDS",
        "Limits",
        "MAX_NAMED_FIELDS",
        "REASONS",
        "decode",
        "parse_article",
        "read_article",
        "validate",
    ],
    "streams.core.lexicon": [
        "ACTORS",
        "ANY_MEASURE",
        "ANY_OUTCOME",
        "MEASURES",
        "MEASURE_BY_NAME",
        "Measure",
        "NEGATION",
        "NOUN_CLASSES",
        "OUTCOMES",
        "OUTCOME_BY_NAME",
        "Outcome",
        "PERSON_CLASSES",
        "PERSON_GENERIC",
        "PERSON_MEASURES",
        "REPORTING",
        "SUBGROUPS",
        "is_person_noun",
    ],
    "streams.core.measures": [
        "LIGHT",
        "PREDICATE_FAMILIES",
        "counted_class",
        "family",
        "is_person",
        "open_measure",
        "structural_measure",
    ],
    "streams.core.modality": ["denied_clause", "modality", "modality_of"],
    "streams.core.moments": ["AT_EVENT", "CONTRASTED", "HAS_NOW_HAPPENED", "REASSERTED", "partial"],
    "streams.core.nonclaims": ["MONTHS", "is_year", "no_quantity"],
    "streams.core.numbers": ["FIGURE", "FigureSpan", "find_figures"],
    "streams.core.numeric": ["numeric_claims"],
    "streams.core.outcome_classes": ["ACTORS", "ANY_OUTCOME", "OUTCOMES", "OUTCOME_BY_NAME", "Outcome"],
    "streams.core.outcomes": ["HYPOTHETICAL", "read_outcomes", "word_end"],
    "streams.core.pair": ["Pair"],
    "streams.core.parse": [
        "BATCH",
        "EXCLUDE",
        "MAX_PARSE_CHARS",
        "MODEL",
        "MODEL_GIT",
        "MODEL_VERSION",
        "ModelError",
        "load",
        "parse",
    ],
    "streams.core.pipeline": ["Late", "Pipeline", "Processed"],
    "streams.core.winners": ["GENERIC_CONTESTS", "WIN", "Win", "aliases", "wins"],
    "streams.core.negation": [
        "NEG_DETS",
        "called_untrue_after",
        "denials",
        "negated",
        "negation_above",
        "negative_word",
        "none_beyond",
        "polarity",
    ],
    "streams.core.predicates": [
        "act_lemma",
        "agent_of",
        "phrasal_lemma",
        "predicate_of",
        "predicate_phrase",
    ],
    "streams.core.propositions": ["NO_ACT", "Proposition", "propositions"],
    "streams.core.quantities": [
        "CURRENCY_SYMBOL",
        "FRACTIONS",
        "HEDGES",
        "MAX_DIGITS",
        "SCALES",
        "SCALE_WORDS",
        "SMALL",
        "TENS",
        "UNITS",
        "VAGUE",
        "hedge_interval",
        "interval",
        "number_value",
        "parse_digits",
        "parse_word_number",
        "precision",
        "scale_of",
        "split_scale",
    ],
    "streams.core.reading": [
        "ArticleFacts",
        "ClaimFields",
        "SentenceFacts",
        "article_version",
        "content_hash",
        "content_words",
    ],
    "streams.core.figures": ["above", "far_enough", "gap", "units_compatible"],
    "streams.core.reasons": ["REASONS_TEXT", "RESTATED_DISPUTE"],
    "streams.core.relations": [
        "DEFAULT",
        "DetectConfig",
        "Features",
        "GENERIC_PERSONS",
        "VENUE_HEADS",
        "beside",
        "changes",
        "closed_year",
        "features",
        "is_state",
        "measure_of",
        "names_compatible",
        "of_event",
        "one_speaker",
        "outcome_of",
        "periods_compatible",
        "places_compatible",
        "quals",
        "recovers",
        "same_report",
        "same_story",
        "story_place",
        "sub_area",
        "venue_only",
    ],
    "streams.core.revisions": ["BUCKETS", "index_batch", "is_ledger_key", "ledger_key", "record"],
    "streams.core.rules": [
        "BY_NAME",
        "CUMULATIVE",
        "EXCLUSIVE",
        "NUMERIC",
        "REVISION",
        "RULES",
        "Rule",
        "STATEMENT",
        "STATEMENT_REVISION",
        "fire",
        "numeric",
        "numeric_rule",
        "statement",
    ],
    "streams.core.scope": [
        "CLAUSE_END",
        "MONTHS",
        "PLACE_ANAPHORA",
        "WEEKDAYS",
        "clause_places",
        "days",
        "place_spans",
        "places",
        "time_scope",
    ],
    "streams.core.sentences": ["ABBREVIATIONS", "DATELINE", "Sentence", "split_sentences", "strip_dateline"],
    "streams.core.speakers": ["ParsedSpeaker", "speakers"],
    "streams.core.store": [
        "Codec",
        "LAYOUT",
        "Loaded",
        "SEGMENT_SEP",
        "SegmentedHistory",
        "StateBounds",
        "claims_count",
        "dump",
        "load",
        "merge",
        "segment_key",
        "window",
    ],
    "streams.core.story": [
        "EVENT_NOUNS",
        "STORY_CHARS",
        "common_words",
        "event_kinds",
        "event_refs",
        "one_event",
        "one_kind",
        "story_signature",
    ],
    "streams.core.structure": [
        "ABOUT_NOUNS",
        "CHANGE_VERBS",
        "FigureRole",
        "SETTING_VERBS",
        "SPEECH",
        "figure_role",
        "modality_of",
    ],
    "streams.core.text": [
        "GENERIC_NAMES",
        "LETTER",
        "UPPER",
        "WORD",
        "last_match",
        "name_tokens",
        "proper_phrases",
        "story_tokens",
    ],
    "streams.core.themes": ["THEME_FAMILIES", "owners_apart", "theme_family", "themes_meet"],
    "streams.core.verbs": [
        "ABILITY_AUX",
        "CAPACITY_VERBS",
        "CHANGE_VERBS",
        "CONTENT_NOUNS",
        "DENIED_ROLES",
        "DENYING",
        "EVIDENTIAL",
        "EXTENT_VERBS",
        "FUTURE_AUX",
        "HABITUAL",
        "HYPOTHETICAL_AUX",
        "IN_FULL",
        "Modality",
        "NO_ACT",
        "PERCENT_WORDS",
        "PLANNING",
        "PLAN_NOUNS",
        "QUANTITY_NOUNS",
        "REFUSING",
        "REPORTING",
        "REPORT_NOUNS",
        "Relation",
        "SAY_ONLY",
        "SETTING_VERBS",
        "SPEECH",
        "SUFFERED_ACTS",
        "TIME_NOUNS",
        "UNTRUE",
        "VAGUE_THEMES",
    ],
}


def _public(mod: ModuleType) -> list[str]:
    if hasattr(mod, "__all__"):
        return sorted(mod.__all__)
    assert mod.__file__ is not None
    names: set[str] = set()
    for node in ast.parse(Path(mod.__file__).read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return sorted(n for n in names if not n.startswith("_"))


def _modules() -> dict[str, ModuleType]:
    return {
        f"{pkg.__name__}.{m.name}": importlib.import_module(f"{pkg.__name__}.{m.name}")
        for pkg in (core, schemas)
        for m in pkgutil.iter_modules(pkg.__path__)
    }


def test_the_public_names_are_pinned() -> None:
    found = {name: _public(mod) for name, mod in sorted(_modules().items())}
    assert found == PUBLIC


def test_every_public_name_exists() -> None:
    for name, mod in _modules().items():
        for public in _public(mod):
            assert hasattr(mod, public), f"{name}.{public}"


def test_the_components_in_data_flow_order_say_what_they_read_and_write() -> None:
    assert core.COMPONENTS == (
        "guard",
        "sentences",
        "parse",
        "numbers",
        "attribution",
        "claims",
        "story",
        "detect",
    )
    for name in core.COMPONENTS:
        doc = importlib.import_module(f"streams.core.{name}").__doc__ or ""
        assert "Reads" in doc and ("Emits" in doc or "Writes" in doc), name
        assert f"- {name}:" in (core.__doc__ or ""), name
