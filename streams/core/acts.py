"""Predicate families: verbs that state one act ("cancel", "scrap", "axe"), and the verbs that state it as not
done ("struck down the order": the order is not upheld). Data, kept apart from the readers that use them:
a figure's open measure (measures.py) and an open statement's key (claims.py) are named by the family, so
two reports that word one act differently still meet. A verb not listed is its own family (its lemma).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class PredicateFamily:
    """One act in several words: the verb lemmas that report the same count of the same act (a predicate
    keeps its particle: "call_off", "lay_off")."""

    head: str
    verbs: tuple[str, ...]
    #: verbs that state the family's act as not done ("struck down the order": the order is not upheld)
    opposite: tuple[str, ...] = ()


#: every predicate family; a verb not listed is its own family (tested in tests/unit/test_structure.py)
FAMILIES: tuple[PredicateFamily, ...] = (
    PredicateFamily(head="cancel", verbs=("cancel", "scrap", "axe", "scrub", "call_off")),
    PredicateFamily(head="seize", verbs=("seize", "confiscate", "impound", "intercept")),
    PredicateFamily(head="steal", verbs=("steal", "exfiltrate")),
    PredicateFamily(head="escape", verbs=("escape", "break_out", "abscond")),
    PredicateFamily(head="take_part", verbs=("take_part", "participate", "join")),
    PredicateFamily(head="hit", verbs=("hit", "strike")),
    PredicateFamily(head="kill", verbs=("kill", "slaughter", "poach", "butcher")),
    PredicateFamily(head="burn", verbs=("burn", "scorch", "char", "blacken")),
    PredicateFamily(head="discharge", verbs=("discharge", "spill", "dump", "emit")),
    PredicateFamily(head="expose", verbs=("expose", "leak", "compromise", "breach")),
    PredicateFamily(head="close", verbs=("close", "shut", "shutter", "shut_down", "close_down")),
    PredicateFamily(head="strand", verbs=("strand", "maroon")),
    PredicateFamily(head="delay", verbs=("delay", "postpone")),
    PredicateFamily(head="lay_off", verbs=("lay_off", "dismiss", "fire", "sack")),
    PredicateFamily(head="distribute", verbs=("distribute", "deliver", "hand", "hand_out", "give_out")),
    PredicateFamily(head="register", verbs=("register", "enrol", "enroll")),
    PredicateFamily(head="cross", verbs=("cross", "enter")),
    PredicateFamily(head="sell", verbs=("sell", "ship")),
    PredicateFamily(head="fine", verbs=("fine", "penalise", "penalize")),
    PredicateFamily(head="raise", verbs=("raise", "collect")),
    PredicateFamily(head="vaccinate", verbs=("vaccinate", "inoculate", "immunise", "immunize")),
    PredicateFamily(head="test", verbs=("test", "screen")),
    PredicateFamily(head="treat", verbs=("treat",)),
    PredicateFamily(head="detain", verbs=("detain", "hold", "round_up", "lock_up")),
    PredicateFamily(
        head="receive", verbs=("receive", "get", "obtain", "secure", "garner", "poll", "win", "gain")
    ),
    PredicateFamily(head="withdraw", verbs=("withdraw", "pull_out", "back_out", "drop_out", "bow_out")),
    PredicateFamily(
        head="uphold",
        verbs=("uphold", "affirm"),
        opposite=(
            "overturn",
            "strike_down",
            "quash",
            "set_aside",
            "annul",
            "reverse",
            "invalidate",
            "throw_out",
        ),
    ),
    PredicateFamily(head="grant", verbs=("grant", "accept", "ratify", "endorse")),
    PredicateFamily(head="convict", verbs=("convict",), opposite=("acquit", "exonerate")),
    # acts and the acts that undo them: "the strike was called off" against "the strike went ahead", "the
    # transfer was completed" against "the transfer collapsed"
    PredicateFamily(
        head="go_ahead",
        verbs=tuple(
            "go_ahead proceed complete finalise finalize seal conclude continue go_on carry_on".split()
        ),
        opposite=tuple(
            "call_off abandon scrap cancel collapse fall_through fall_apart founder break_down".split()
        ),
    ),
    # an activity going on, and the verbs that break it off ("the search was suspended", "halted", "stopped")
    PredicateFamily(
        head="resume",
        verbs=("resume", "restart"),
        opposite=("halt", "stop", "suspend", "pause", "interrupt", "cease"),
    ),
    # a goal, target or endpoint met or missed ("the trial met its primary endpoint" / "missed its goal")
    PredicateFamily(head="meet", verbs=("meet", "achieve", "attain"), opposite=("miss",)),
)
#: verb lemma -> family head
PREDICATE_FAMILIES: dict[str, str] = {verb: f.head for f in FAMILIES for verb in f.verbs}
#: verb lemma -> the family whose act it states as not done (a statement's polarity flips)
OPPOSITES: dict[str, str] = {verb: f.head for f in FAMILIES for verb in f.opposite}


def family(lemma: str | None) -> str | None:
    if lemma is None:
        return None
    return PREDICATE_FAMILIES.get(lemma, lemma)


__all__ = ["FAMILIES", "OPPOSITES", "PREDICATE_FAMILIES", "PredicateFamily", "family"]
