"""Why a pair of claims does not conflict: the reason code each check of checks.py returns, in words an
analyst reads in `claimwatch explain` and in the reasons metric.
"""

from __future__ import annotations

#: the reason code of a pair `detect` passes over because the dispute is already on record: checked against
#: the other claims of the key (`detect.restated`), after the pair passed every check
RESTATED_DISPUTE = "restated_dispute"

REASONS_TEXT: dict[str, str] = {
    "same_claim": "one and the same claim on both sides",
    "read_as_class": "both acts are read by a listed outcome class too, and are compared there",
    "same_polarity": "statements that both assert, or both deny, the outcome (for an act only one party "
    "can do, such as winning a contest: the same party said to win twice, or one party winning and another "
    "not)",
    "different_unit": "figures in different units, or counting different things (people against objects, "
    "a group by sex, age or nationality against all people)",
    "compatible_figures": "the figures agree: their intervals overlap or are closer than the margin (8 % "
    "of the larger, 3 % against a stated bound, 0.15 points between percentages)",
    "different_story": "not the same story: too few names shared by the two articles' title, lead and "
    "dateline in the story window, no claimant revisiting a period, no act on one thing disputed",
    "different_place": "both name a place, and not the same one (nor a region or dateline containing it)",
    "different_period": "different stated periods, or a running total or past period against an unscoped "
    "figure",
    "same_sentence": "within one report, the same sentence or the headline (a headline summarises both "
    "sides)",
    "scale_apart": "figures more than 50 times apart: a different scope, not a dispute",
    "different_qualifier": "different qualifiers make different measures (imported against local cases, "
    "partly damaged against destroyed)",
    "different_doers": "two different named doers of the act; both may be true",
    "part_of_whole": "a subset: the lower figure is about a named part (not the other report's story place) "
    "and the higher about the whole, or sums with its sentence's figures to the higher, or the higher names "
    "it as one",
    "same_report": "two figures of one report that are not two named claimants disagreeing",
    "state_changed": "a level that changes (outage, missing, a rate) reported more than 12 hours apart",
    "cumulative_update": "a running total that rises over time: an update, not a dispute (unless the later "
    "report sets its count against the other's, or both count a period that had ended: a past year, an "
    "earlier month)",
    "different_names": "statements about two different named things",
    "different_theme": "the same act done to two different things: neither the same word, nor a shared "
    "name, nor one named by the other's words",
    "different_groups": "statements about two different groups of persons",
    "state_update": "an outcome that changes over time (supply, operations, functioning), or a thing said "
    "to remain in a state that a later report says has left it, reported more than 8 hours apart, the "
    "moment not fixed",
    "later_moment": "the later report dates its act after the day of the earlier report: a later moment, "
    "not the same one",
    "not_yet_due": "what one report says will happen, another says has not happened yet: not at odds until "
    "it is due (a denial that it will happen still meets)",
    "happened_since": "what one report said had not happened, a later report says has happened: it happened "
    "since (a later report that maintains the act as already done still meets the earlier denial)",
    "partial_progress": "a restoration that counts how far it got: progress, not a denial of the outage",
    "same_speaker_same_report": "one speaker describing two aspects in one report",
    "recovery_progress": "one claimant reporting the repair of what it had reported broken: progress",
    "outlet_narrative": "an outlet's own narrative is not a party to a dispute",
    RESTATED_DISPUTE: "the claimant had already made the same claim against the other side, and that pair "
    "conflicts: a repeat of a dispute on record, not a new one; or each article carries both sides word "
    "for word (a copy)",
}


__all__ = ["REASONS_TEXT", "RESTATED_DISPUTE"]
