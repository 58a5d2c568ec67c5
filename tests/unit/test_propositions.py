"""Propositions from the parse: predicate + theme + polarity, one group per construction.

Sentences are written for these tests; each asserts the fields (predicate, theme, polarity, denial, doer),
not only that something was found.
"""

from __future__ import annotations

from datetime import datetime, timezone

from schemas import Article, Claim
from streams.core import parse
from streams.core.acts import family
from streams.core.extract import extract_claims
from streams.core.outcomes import class_of_act
from streams.core.propositions import Proposition, propositions


def statement_claims(text: str, title: str) -> list[Claim]:
    """The statement claims of a one-paragraph article."""
    art = Article(
        id="t-1",
        source="Test Wire",
        published_at=datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc),
        title=title,
        text=text,
        url=None,
        language="en",
    )
    return [c for c in extract_claims(art) if c.kind == "statement"]


def props(sentence: str, headline: bool = False) -> list[Proposition]:
    (doc,) = parse.parse([sentence])
    assert doc is not None
    return propositions(doc, headline=headline)


def one(sentence: str, predicate: str, headline: bool = False) -> Proposition:
    found = [p for p in props(sentence, headline) if p.predicate == predicate]
    assert len(found) == 1, (sentence, props(sentence, headline))
    return found[0]


def test_asserted_acts_with_their_theme() -> None:
    p = one("The regulator said it had revoked the operating licence of Coastline Ferries.", "revoke")
    assert (p.theme, p.polarity, p.denied) == ("licence", 1, False)
    assert "coastline" in p.theme_names
    assert one("Two prisoners escaped from the jail overnight.", "escape").theme == "people"


def test_negation_wherever_it_stands() -> None:
    for sentence, predicate in (
        ("The licence has not been revoked, the company said.", "revoke"),
        ("The ferry never entered the harbour.", "enter"),
        ("No warning shots were fired at the boat.", "fire"),
        ("At no point has the council demolished a single house.", "demolish"),
        ("Inspectors said managers failed to notify the regulator.", "notify"),
        ("Our licence is valid and has not been revoked.", "revoke"),
        ("Not one flight from the island has been grounded.", "ground"),
    ):
        assert one(sentence, predicate).polarity == -1, sentence
    assert one("Not one but two ships sank.", "sink").polarity == 1
    # the subject of "failed" is the subject of the act that failed
    p = one("The building's alarm system failed to sound.", "sound")
    assert (p.theme, p.polarity) == ("system", -1)


def test_denials_flip_the_polarity_once_each() -> None:
    p = one("The ministry denied that any detainees had been transferred to the border.", "transfer")
    assert (p.polarity, p.denied) == (-1, True)
    p = one("The carrier rejected reports that its licence was revoked.", "revoke")
    assert (p.polarity, p.denied) == (-1, True)
    p = one("Claims that the factory will close are false, the minister said.", "close")
    assert (p.polarity, p.denied) == (-1, True)
    p = one("The union denied that the strike had not been called off.", "call_off")
    assert p.polarity == 1  # a denied negation asserts
    # a clause beside the denial is asserted: the army says a rocket caused the blast
    p = one("The army denied responsibility, saying a failed rocket launch caused the blast.", "cause")
    assert (p.polarity, p.denied) == (1, False)
    # another party's account before a denial is that party's claim: the dealers say the act was done
    p = one("Dealers say Velmont has halted Corsa deliveries; the carmaker denies it", "halt")
    assert (p.polarity, p.denied) == (1, False)
    # "claims" read as a second verb with no subject is the noun the denial takes
    text = (
        "Norland has rejected World Health Organisation claims that an estimated 300,000 Norlanders were "
        "killed."
    )
    p = one(text, "kill")
    assert (p.polarity, p.denied) == (-1, True)


def test_aims_conditions_habits_and_questions_are_not_acts() -> None:
    assert not [p for p in props("The union agreed to suspend the strike.") if p.predicate == "suspend"]
    assert all(p.predicate != "close" for p in props("If the plant closes its doors, the town will suffer."))
    assert not [p for p in props("Families often pay ransoms quietly.") if p.predicate == "pay"]
    assert not props("Was the licence revoked?")
    # a headline's present tense reports an event
    assert one("Regulator revokes ferry operator's licence", "revoke", headline=True).polarity == 1


def test_a_summary_of_both_sides_states_neither() -> None:
    sentence = "Police said the road was reopened, but residents said the road was not reopened."
    assert not [p for p in props(sentence) if p.predicate == "reopen"]


def test_a_participle_after_a_noun_states_the_act_done_to_it() -> None:
    p = one("The mask left the country with a valid export licence issued in 1987.", "issue")
    assert (p.theme, p.polarity) == ("licence", 1)


def test_doers_and_persons() -> None:
    p = one("Gunmen opened fire on the convoy.", "open")
    assert p.doer == ("gunman",)
    p = one("Police arrested three men near the stadium.", "arrest")
    assert (p.theme, p.person) == ("people", "men") or (p.theme, p.person) == ("people", "man")
    assert one("No journalist was detained.", "detain").person == "journalist"
    # a negative subject names nobody as the doer: "no oil" is not a doer that "oil" is apart from
    assert one("No product reached the river.", "reach").doer == ()
    assert one("None of the oil reached the river.", "reach").doer == ()


def test_a_share_is_about_the_whole_it_is_taken_of() -> None:
    p = one("The carrier denied a report that it had withdrawn part of its cargo fleet.", "withdraw")
    assert (p.theme, p.polarity, p.denied) == ("fleet", -1, True)
    p = one("None of our ferries has been withdrawn.", "withdraw")
    assert (p.theme, p.polarity) == ("ferry", -1)
    p = one("Some of the ferries were withdrawn on Monday.", "withdraw")
    assert (p.theme, p.polarity) == ("ferry", 1)


def test_what_someone_said_would_happen_is_their_reported_plan() -> None:
    p = one("The company told staff that the depot would close in March.", "close")
    assert (p.theme, p.polarity) == ("depot", 1)
    p = one("The firm rejected the union's claim that the depot would be closed.", "close")
    assert (p.theme, p.polarity, p.denied) == ("depot", -1, True)
    # a condition is not a plan, and "would" on its own is a hypothesis
    assert [
        p for p in props("He said the depot would close if the subsidy were cut.") if p.predicate == "close"
    ] == []
    assert [p for p in props("The depot would close without a subsidy.") if p.predicate == "close"] == []


def test_an_act_stated_as_what_will_happen_is_marked_future() -> None:
    assert one("The ministry said the country will close its embassy on March 31.", "close").future
    assert not one("The ministry said the country closed its embassy on Friday.", "close").future
    (c,) = [
        c
        for c in statement_claims(
            "The ministry said the country will close its embassy on March 31.", "Report"
        )
        if c.key == "statement:open:close"
    ]
    assert c.features.future and c.features.themes == ["embassy"]


def test_an_act_keeps_its_theme_when_its_doer_also_speaks() -> None:
    text = (
        "Independent candidate Maria Lopez withdrew from the mayoral race and urged her supporters to vote."
    )
    (c,) = [c for c in statement_claims(text, "Report") if c.key == "statement:open:withdraw"]
    assert c.claimant == "lopez" and c.features.themes == ["lopez"] and c.polarity == 1


def test_a_clause_opened_by_that_keeps_its_own_subject_as_theme() -> None:
    p = one("The owner has told tenants that the block will close next spring.", "close")
    assert p.theme == "block"
    # a day names when, not a place reached
    assert one("The mayor said that the bridge would reopen on Monday.", "reopen").theme == "bridge"


def test_leaving_something_is_a_phrasal_act_on_what_is_left() -> None:
    p = one("Norway has pulled out of the joint Arctic drill, the defence ministry said.", "pull_out")
    assert (p.theme, p.polarity, p.doer) == ("drill", 1, ("norway",))
    q = one("The broadcaster backed out of the rights deal on Friday.", "back_out")
    assert (q.theme, q.polarity) == ("deal", 1)
    assert family("pull_out") == family("back_out") == family("withdraw") == "withdraw"


def test_a_refusal_is_a_grant_not_given() -> None:
    p = one("The tribunal denied the extradition request on Friday.", "grant")
    assert (p.theme, p.polarity, p.denied, p.doer) == ("request", -1, False, ())
    assert one("The regulator refused a landing permit to the airline.", "grant").theme == "permit"
    assert one("The board did not reject the merger plan.", "grant").polarity == 1
    granted = one("The judge granted the defendant bail.", "grant")
    assert (granted.theme, granted.polarity, granted.doer) == ("bail", 1, ())
    # what is denied is a claim, a role or a clause: a denial, not a refusal
    for sentence in (
        "The ministry denied the reports.",
        "The army denied responsibility for the blast.",
        "The firm denied that it had granted any licence.",
        "The minister denied reports suggesting the plant would close.",
    ):
        assert [p for p in props(sentence) if p.predicate == "grant" and p.theme != "licence"] == [], sentence


def test_a_refusal_and_a_grant_of_one_thing_meet() -> None:
    def statements(text: str) -> list[tuple[str, int]]:
        return [(c.key, c.polarity) for c in statement_claims(text, "Bail hearing")]

    assert statements("The magistrate granted the accused bail, his lawyer said.") == [
        ("statement:open:grant", 1)
    ]
    assert statements("The court denied the bail application, prosecutors said.") == [
        ("statement:open:grant", -1)
    ]


def test_more_forms_of_denial() -> None:
    for sentence in (
        "There is no truth in reports that the refinery has closed.",
        "Officials said there was no basis for claims that the refinery had closed.",
        "The story that the refinery had closed was fabricated, the company said.",
    ):
        p = one(sentence, "close")
        assert (p.theme, p.polarity, p.denied) == ("refinery", -1, True), sentence
    # with a truth claimed, not denied, nothing flips
    p = one("There is truth in reports that the refinery has closed.", "close")
    assert (p.polarity, p.denied) == (1, False)


def test_an_opposite_act_is_the_familys_act_not_done() -> None:
    def statements(text: str) -> list[tuple[str, int, list[str]]]:
        return [
            (c.key, c.polarity, sorted(c.features.owners + c.features.kinds))
            for c in statement_claims(text, "Ruling")
            if c.key == "statement:open:uphold"
        ]

    upheld = statements("The supreme court on Monday upheld the merger prohibition of the Varga Tribunal.")
    assert upheld == [("statement:open:uphold", 1, ["merger", "tribunal", "varga"])]
    struck = statements(
        "The supreme court on Monday struck down the merger prohibition of the Varga Tribunal."
    )
    assert struck == [("statement:open:uphold", -1, ["merger", "tribunal", "varga"])]
    set_aside = statements("The supreme court on Monday set aside Harbor Rail's merger prohibition.")
    assert set_aside == [("statement:open:uphold", -1, ["harbor", "merger", "rail"])]


def test_what_is_found_shown_or_suffered_exists() -> None:
    p = one("An MRI scan revealed a torn ligament, the club doctor said.", "exist")
    assert (p.theme, p.polarity, p.doer) == ("ligament", 1, ())
    p = one("The goalkeeper has not suffered a ligament injury.", "exist")
    assert (p.theme, p.polarity) == ("injury", -1)
    # a noun of an act found states the act ("no ligament damage": nothing was damaged)
    assert one("A second scan showed no ligament damage.", "damage").polarity == -1
    # a count found, a clause found, a report confirmed: not this
    for sentence in (
        "Inspectors found 340 dead seals on the beach.",
        "The audit found that the funds were missing.",
        "The ministry confirmed the report.",
    ):
        assert [p for p in props(sentence) if p.predicate == "exist"] == [], sentence


def test_a_verb_of_reporting_with_a_thing_as_object_is_an_act() -> None:
    done = one('"We have wrapped up and concluded the merger talks," the chairman said.', "conclude")
    assert (done.theme, done.polarity) == ("talk", 1)
    undone = one("The merger talks have not been concluded, a board member said.", "conclude")
    assert (undone.theme, undone.polarity) == ("talk", -1)
    declared = one("The governor declared a state of emergency in the valley.", "declare")
    assert (declared.theme, declared.polarity) == ("state", 1)
    # what is concluded or said as a clause, or a claim as the object, is speech, not an act
    assert not [
        p for p in props("The auditors concluded that the accounts were sound.") if p.predicate == "conclude"
    ]
    assert not [p for p in props("The agency announced the findings on Monday.") if p.predicate == "announce"]


def test_no_further_denies_nothing_known() -> None:
    assert one("Inspectors found a leak in the cooling circuit.", "exist").polarity == 1
    passive = one("A leak was found in the cooling circuit.", "exist")
    assert (passive.theme, passive.polarity) == ("leak", 1)
    assert one("No leak was found in the cooling circuit.", "exist").polarity == -1
    for sentence in (
        "No further leaks have been found, the operator said.",
        "Engineers have found no new leaks since Tuesday.",
    ):
        assert not [p for p in props(sentence) if p.theme == "leak"], sentence
    refused = one("Her request for an extension was refused.", "grant")
    assert (refused.theme, refused.polarity) == ("request", -1)


def test_not_true_that_denies_the_clause() -> None:
    for sentence in (
        '"It is not true that the pumping station has been repaired," the mayor said.',
        "It is not correct that the pumping station has been repaired, the council said.",
    ):
        p = one(sentence, "repair")
        assert (p.theme, p.polarity, p.denied) == ("station", -1, True), sentence
    plain = one("It is true that the pumping station has been repaired, the engineer said.", "repair")
    assert (plain.polarity, plain.denied) == (1, False)


def test_not_in_full_denies_only_completeness() -> None:
    done = props("Water supplies have been fully restored to the estate, the utility said.")
    assert {(p.predicate, p.polarity) for p in done} == {("restore", 1), ("restore_in_full", 1)}
    partial = props("Water supplies have not been completely restored to the estate.")
    assert [(p.predicate, p.theme, p.polarity) for p in partial] == [("restore_in_full", "supply", -1)]
    # a negated manner that is not completeness still says nothing of the act
    assert not props("The reservoir was not deliberately drained, the inquiry said.")


def test_a_class_trigger_set_aside_leaves_the_act_to_the_parse() -> None:
    text = (
        "LISBON, May 3 - The harbour authority said power to the ferry terminal had been restored. "
        '"It is not true that power has been fully restored," the dockers union said.'
    )
    found = statement_claims(text, "Dispute over ferry terminal")
    denied = [c for c in found if c.sentence.startswith('"It is not true')]
    assert denied, [(c.key, c.sentence) for c in found]
    assert all(c.polarity == -1 and c.certainty == "denied" for c in denied), denied


def test_a_finding_not_made_denies_what_it_would_have_found() -> None:
    for sentence in (
        "The inquiry has not concluded that the regatta was rigged, the club said.",
        "Auditors did not find that the grant money was diverted.",
    ):
        p = [x for x in props(sentence) if x.predicate in ("rig", "divert")][0]
        assert (p.polarity, p.denied) == (-1, True), sentence
    found = [x for x in props("The inquiry concluded that the regatta was rigged.") if x.predicate == "rig"]
    assert [(p.polarity, p.denied) for p in found] == [(1, False)]
    # what someone did not say is no denial of it
    said = [x for x in props("The coach did not say that the regatta was rigged.") if x.predicate == "rig"]
    assert all(p.polarity == 1 for p in said)


def test_an_act_going_on_is_the_act_going_ahead() -> None:
    assert family("continue") == family("go_on") == family("carry_on") == "go_ahead"
    p = one("The union said the walkout was continuing.", "continue")
    assert (family(p.predicate), p.theme, p.polarity) == ("go_ahead", "strike", 1)
    p = one("The ferry company said the stoppage had been called off.", "call_off")
    assert p.theme == "strike"  # one thing, in either word


def test_theme_families_are_near_synonyms_only() -> None:
    from streams.core.themes import THEME_FAMILIES, theme_family

    assert theme_family("epidemic") == theme_family("outbreak")
    assert theme_family("accord") == theme_family("agreement") == "deal"
    assert theme_family("licence") == "licence"  # a noun in no family is itself
    heads = list(THEME_FAMILIES)
    members = [w for words in THEME_FAMILIES.values() for w in words]
    assert len(set(heads + members)) == len(heads) + len(members)  # no noun in two families


def test_a_passive_that_keeps_its_object_is_about_the_thing_given() -> None:
    p = one("The growers have not been paid the compensation promised by the state.", "pay")
    assert (p.theme, p.polarity) == ("compensation", -1)
    p = one("The state has paid compensation to every grower.", "pay")
    assert (p.theme, p.polarity) == ("compensation", 1)
    p = one("None of the growers has been paid, the union said.", "pay")
    assert (p.theme, p.polarity) == ("people", -1)  # (no object kept: the persons paid)


def test_a_thing_granted_or_refused_names_its_recipient() -> None:
    (p,) = [
        x for x in props("The former mayor Ana Ruiz was granted bail on Tuesday.") if x.predicate == "grant"
    ]
    assert (p.theme, p.polarity, p.owners) == ("bail", 1, ("ana", "ruiz"))
    (p,) = [
        x
        for x in props(
            "A city magistrate on Thursday refused bail to Tomas Kell, ruling that he posed a flight risk."
        )
        if x.predicate == "grant"
    ]
    assert (p.theme, p.polarity, p.owners) == ("bail", -1, ("tomas", "kell"))
    (p,) = props("Trader denied bail in fraud case", headline=True)
    assert (p.polarity, p.owners) == (-1, ("trader",))


def test_a_thing_said_or_declared_over_has_ended() -> None:
    assert [
        (p.predicate, p.theme, p.polarity) for p in props("The dock strike is not over, the union said.")
    ] == [("end", "strike", -1)]
    assert [
        (p.predicate, p.theme, p.polarity) for p in props("The ministry declared the epidemic over.")
    ] == [("end", "outbreak", 1)]
    found = props("Officials on Friday declared over an outbreak of cholera in the port city.")
    assert ("end", "outbreak", 1) in [(p.predicate, p.theme, p.polarity) for p in found]
    assert not props("The drone was over the border when it was seen.")  # a place, not an end


def test_a_subject_noun_the_parser_reads_as_a_clause_is_still_the_theme() -> None:
    p = one(
        "The agency said on Friday that the Lassa fever outbreak in Nzerekore had not ended, after a new "
        "case was confirmed in the region.",
        "end",
    )
    assert (p.theme, p.polarity) == ("outbreak", -1)


def test_a_thing_still_in_a_state_denies_the_acts_that_would_end_it() -> None:
    def acts(sentence: str) -> set[tuple[str, str, int]]:
        return {(p.predicate, p.theme, p.polarity) for p in props(sentence)}

    assert ("lift", "ban", -1) in acts("The export ban remains in force, the ministry said.")
    assert acts("The footbridge is still closed to pedestrians.") == {("reopen", "footbridge", -1)}
    assert ("resume", "flight", -1) in acts("Flights to the island remain suspended.")
    assert ("resign", "people", -1) in acts("The club's coach remains in post.")
    assert ("release", "people", -1) in acts("The driver remains in custody.")
    # a hedged, negated or plain staying denies nothing
    assert not acts("The ban may remain in force until June.")
    assert not acts("The museum remains a popular attraction.")
    assert not acts("The bridge is closed to traffic.")  # (no "still": a state, not a denial of a change)


def test_which_thing_an_act_is_done_to_is_its_kind_not_its_owner() -> None:
    (p,) = [
        x for x in props("The agency lifted a ban on harvesting clams on Wednesday.") if x.predicate == "lift"
    ]
    assert "clam" in p.kinds
    found = [x for x in props("A ban on harvesting mussels remains in force.") if x.predicate == "lift"]
    assert found and "mussel" in found[0].kinds
    # whose it is and which it is are two questions: "Harbor Rail's ban" has an owner and no kind
    (q,) = [x for x in props("The court lifted Harbor Rail's merger ban.") if x.predicate == "lift"]
    assert (q.owners, q.kinds) == (("harbor", "rail"), ("merger",))


def test_a_claim_called_wrong_or_false_after_it_is_denied() -> None:
    """A clause that a later predicate calls untrue is denied, whatever verb says so ("appears to be
    wrong", "proved false", "turned out to be unfounded"), for an act and for a listed outcome."""
    (p,) = [
        x
        for x in props("Claims that the port authority suspended the tender turned out to be unfounded.")
        if x.predicate == "suspend"
    ]
    assert (p.theme, p.polarity, p.denied) == ("contract", -1, True)  # (a tender is a contract)
    (q,) = [
        x
        for x in props("The claim that the insurer cancelled the policies appears to be wrong.")
        if x.predicate == "cancel"
    ]
    assert (q.theme, q.polarity) == ("policy", -1)
    said = [
        x
        for x in props("The claim that the insurer cancelled the policies appears to be growing.")
        if x.predicate == "cancel"
    ]
    assert said and said[0].polarity == 1
    listed = statement_claims("Reports that the curator resigned turned out to be wrong.", "Museum")
    assert [(c.key, c.polarity) for c in listed if c.features.read_as is None] == [("statement:resigned", -1)]
    # (the act is kept in its own words too, marked as the class's reading)
    assert [(c.key, c.polarity, c.features.read_as) for c in listed if c.features.read_as] == [
        ("statement:open:resign", -1, "resigned")
    ]


def test_a_goal_met_or_missed_is_one_act() -> None:
    assert family("achieve") == family("meet") == "meet"
    said = statement_claims("The carrier missed its punctuality target in March, the regulator said.", "Rail")
    assert [(c.key, c.polarity) for c in said if c.key == "statement:open:meet"] == [
        ("statement:open:meet", -1)
    ]


def test_a_thing_suffering_an_act_is_the_act_done_to_it() -> None:
    """ "The hull suffered no damage" says the hull was not damaged, as "the hull was damaged" says it was;
    a person's injury stays a thing found ("has not suffered a tear" meets "a scan showed a tear")."""
    (p,) = [x for x in props("The ferry's hull is intact and suffered no damage.") if x.predicate == "damage"]
    assert (p.theme, p.polarity) == ("hull", -1)
    (q,) = [x for x in props("Its hull was damaged in the collision.") if x.predicate == "damage"]
    assert (q.theme, q.polarity) == ("hull", 1)
    assert one("The goalkeeper has not suffered a ligament injury.", "exist").theme == "injury"


def test_a_deal_reached_through_auxiliaries_is_an_agreement() -> None:
    said = statement_claims("The union said that a pay deal had been reached with the employers.", "Port")
    assert ("statement:agreement", 1) in [(c.key, c.polarity) for c in said]


def test_a_gerund_denied_or_admitted_is_the_act_and_nobody_is_a_person() -> None:
    """ "Denied dismissing any workers" denies the act; "admitted misleading investors" asserts it; "nobody
    has been dismissed" denies it of any person; "dismissed 14 workers" is an act on persons, "dismissed the
    reports" a denial that states no act."""
    denied = one("The carrier has denied dismissing any drivers over the strike.", "dismiss")
    assert (denied.theme, denied.polarity, denied.denied) == ("people", -1, True)
    assert one("The bank admitted misleading its investors.", "mislead").polarity == 1
    nobody = one('"Nobody has been dismissed for taking part in the strike," a spokesman said.', "dismiss")
    assert (nobody.theme, nobody.person, nobody.polarity) == ("people", "person", -1)
    assert one("The carrier had dismissed 14 drivers at its depot.", "dismiss").polarity == 1
    assert not [p for p in props("The ministry dismissed the reports as false.") if p.predicate == "dismiss"]
    assert not [
        p for p in props("The carrier wants to avoid dismissing drivers.") if p.predicate == "dismiss"
    ]


def test_there_is_or_there_is_no_thing() -> None:
    """ "There was no release of gas" denies that a release happened (a release is also a measure's word, so
    it stays a thing); "there was a release" asserts it; a count, a judgement ("no evidence") and "no
    further" cracks are no such claim."""
    assert [
        (p.predicate, p.theme, p.polarity) for p in props("There was no release of gas at any time.")
    ] == [("exist", "release", -1)]
    assert [(p.predicate, p.theme, p.polarity) for p in props("There was a release of ammonia.")] == [
        ("exist", "release", 1)
    ]
    assert [(p.predicate, p.theme, p.polarity) for p in props("There was no tornado in the town.")] == [
        ("exist", "tornado", -1)
    ]
    assert props("There is no evidence of wrongdoing.") == []
    assert props("There were 23 workers in the gallery.") == []
    assert props("There were no further cracks in the dam.") == []


def test_a_noun_of_an_act_states_the_act() -> None:
    """ "There has been no devaluation" denies that anyone devalued, as "the bank did not devalue" does;
    "no vote took place", "no vote was held" deny a vote; each thing of a list is denied; "no deaths" is a
    count, not a statement."""

    def read(text: str) -> list[tuple[str, str, int]]:
        return [(p.predicate, p.theme, p.polarity) for p in props(text)]

    assert read("There has been no devaluation today.") == [("devalue", "devalue", -1)]
    assert read("There was no devaluation of the peso.") == [("devalue", "peso", -1)]
    assert read("No vote took place on Monday.") == [("vote", "vote", -1)]
    assert read("No vote was held at the meeting.") == [("vote", "vote", -1)]
    assert read("The vote was held on Friday.") == [("vote", "vote", 1)]
    assert read("There was no fault, no break and no loss of power on the line.") == [
        ("fault", "fault", -1),
        ("break", "break", -1),
        ("exist", "loss", -1),
    ]
    # "no" reaches a bare noun of the list, never across "but"
    assert ("damage", "damage", 1) in read("There were no injuries but some damage to the roof.")
    assert read("Our scans show a break in the cable.") == [("break", "break", 1)]
    assert read("There were no deaths.") == [("exist", "death", -1)]


def test_a_listed_class_read_from_the_verb_in_any_tense() -> None:
    assert class_of_act("resign", "The coach said he did not resign.") == ("resigned", 1)
    assert class_of_act("step_down", "She stepped down.") == ("resigned", 1)
    assert class_of_act("reopen", "The border crossing reopened.") == ("closure", -1)
    assert class_of_act("close", "The talks closed.") is None  # (no thing the class is about)
    denied = statement_claims("The coach said he did not resign from the club.", "Club")
    assert [(c.key, c.polarity) for c in denied] == [("statement:resigned", -1)]
    # an act on a pronoun states no open act of its own
    assert [c.key for c in statement_claims("The union said it did not withdraw.", "Union")] == []
    # a sentence whose class words and verbs state one class both ways is a summary
    both = statement_claims("The club said she stepped down, but the coach said she did not resign.", "Club")
    assert [c for c in both if c.key == "statement:resigned"] == []


def test_verbs_that_break_off_an_activity_deny_that_it_goes_on() -> None:
    said = {
        text: [(c.key, c.features.themes, c.polarity) for c in statement_claims(text, "Rescue")]
        for text in (
            "Rescuers suspended the search overnight, the miners' union said.",
            "At no point has the search been stopped, the company said.",
            "The search was halted on Tuesday, relatives said.",
        )
    }
    assert list(said.values()) == [
        [("statement:open:resume", ["search"], -1)],
        [("statement:open:resume", ["search"], 1)],
        [("statement:open:resume", ["search"], -1)],
    ]


def test_an_act_takes_no_period_from_a_clause_describing_another_noun() -> None:
    text = (
        "There was a spill, said the head of a watch group which has monitored the coast since 2015. "
        "In the 2022 attack, the city confirmed that data had been stolen."
    )
    got = {c.key: c.time_scope for c in statement_claims(text, "Spill")}
    assert got["statement:open:exist"] is None
    assert got["statement:open:steal"] == "2022"


def _class_claims(text: str, title: str) -> list[Claim]:
    return [c for c in statement_claims(text, title) if not c.key.startswith("statement:open:")]


def test_a_listed_class_stated_as_what_will_happen_is_marked_future() -> None:
    (c,) = _class_claims("The ministry said the hospital ward will be closed next week.", "Ward")
    assert (c.key, c.polarity, c.features.future) == ("statement:closure", 1, True)
    (d,) = _class_claims("The ministry said the hospital ward was closed on Monday.", "Ward")
    assert (d.key, d.features.future) == ("statement:closure", False)


def test_a_quality_and_its_opposite_are_one_act() -> None:
    """ "The run was open" against "the run was closed" (the act of closing, done or not), "valid" against
    "invalid", "effective" against "not effective": one act, the opposite or the negation stating it not
    so. Not a quality of truth (the denial readers read "the report is false"), nor "still closed" (a state
    denying a change), nor a condition."""

    def said(text: str, key: str) -> list[tuple[int, list[str]]]:
        return [(c.polarity, c.features.themes) for c in statement_claims(text, "Report") if c.key == key]

    close = "statement:open:close"
    assert said("The Brenva run was open to skiers on Saturday, the patrollers said.", close) == [
        (-1, ["run"])
    ]
    assert said("The Brenva run was closed on Saturday, the resort said.", close) == [(1, ["run"])]
    valid = said("The quarry's licence is valid, its owner said.", "statement:open:be_valid")
    invalid = said("The quarry's licence is invalid, the ministry said.", "statement:open:be_valid")
    assert valid == [(1, ["licence"])] and invalid == [(-1, ["licence"])]
    good = said("Safeguarding at the school is effective, the head said.", "statement:open:be_effective")
    bad = said(
        "Safeguarding at the school is not effective, the inspectors said.", "statement:open:be_effective"
    )
    assert [p for p, _ in good] == [1] and [p for p, _ in bad] == [-1]
    assert [
        c for c in statement_claims("The report is false, the ministry said.", "R") if "be_" in c.key
    ] == []
    assert [p for p in props("The bridge is still closed.") if p.predicate.startswith("be_")] == []
    assert [
        p for p in props("If the bridge is open, traffic will divert.") if p.predicate.startswith("be_")
    ] == []


def test_no_longer_negates_the_clause() -> None:
    """ "Is no longer valid", "is no longer accredited": the state held once and holds no more, so now it is
    not so; "no longer open" is closed."""

    def said(text: str, key: str) -> list[int]:
        return [c.polarity for c in statement_claims(text, "Report") if c.key == key]

    assert said(
        "The clinic's licence is no longer valid, the regulator said.", "statement:open:be_valid"
    ) == [-1]
    assert said("The clinic's licence is valid, its owner said.", "statement:open:be_valid") == [1]
    assert said("The ward is no longer open, the trust said.", "statement:open:close") == [1]
    assert said("The plant is no longer accredited, the board said.", "statement:open:accredit") == [-1]


def test_a_future_that_waits_on_a_condition_is_no_act() -> None:
    """ "Will reopen as soon as we can staff it", "will resume once repairs end": no date is stated, so no
    act is said to happen (nor is the condition itself); "will reopen on Monday" is a forecast."""
    assert props("The unit will reopen as soon as we can staff it safely.") == []
    assert props("The unit will reopen once the repairs are complete.") == []
    (monday,) = props("The unit will reopen on Monday.")
    assert (monday.predicate, monday.polarity, monday.future) == ("reopen", 1, True)
    assert props("The mine will reopen if the inspectors agree.") == []


def test_a_pronoun_of_a_reported_clause_stands_for_its_speaker() -> None:
    """ "The charity said it had not been suspended": the act is on the charity (a noun of the pronoun's
    number speaking); with no such speaker the pronoun names nothing (an empty theme)."""
    (charity,) = props("The charity Brightwater Aid said on Tuesday that it had not been suspended.")
    assert (charity.predicate, charity.theme, charity.polarity) == ("suspend", "charity", -1)
    assert [p.theme for p in props("Reporters said it had not been suspended.")] == [""]  # (no "it")


def test_a_state_that_remains_is_read_past_the_lead() -> None:
    """Past the lead, only sentences that may deny an act are parsed; one saying a thing remains or is still
    in a state does ("the notice remains in effect": not lifted), wherever it stands."""
    text = (
        "The utility said the boil-water notice had been lifted. Crews flushed the mains overnight. "
        "Schools handed out bottled water. Residents queued at two stations. "
        '"The notice remains in effect for Eastside," the health officer said.'
    )
    found = [(c.key, c.polarity) for c in statement_claims(text, "Water") if c.sentence_index == 4]
    assert ("statement:open:lift", -1) in found


def test_no_longer_than_is_a_bound_and_a_past_once_is_no_condition() -> None:
    """ "Will last no longer than 10 days" negates nothing; "once the fire was out, firefighters found ..."
    states what happened."""
    from streams.core.negation import negated

    (doc,) = parse.parse(["The trial will last no longer than 10 days."])
    assert doc is not None
    assert not negated(next(t for t in doc if t.lower_ == "last"))
    (doc,) = parse.parse(["Once the fire was extinguished, firefighters searched the building."])
    assert doc is not None
    from streams.core.clauses import conditional

    assert not conditional(next(t for t in doc if t.lower_ == "extinguished"))


def test_an_act_a_class_reads_is_kept_in_its_own_words_too() -> None:
    """ "The agency denied suspending the vaccine batch" is read by the listed class (`suspended`) and kept as
    the open act too, marked (`read_as`), so that another report's "has suspended the use of the batch" in
    its own words still meets it; the article's open acts are told which classes it states."""
    said = statement_claims("The health agency denied that it had suspended the vaccine batch.", "Vaccine")
    marked = [(c.key, c.polarity, c.features.read_as) for c in said if c.key.startswith("statement:open:")]
    assert marked == [("statement:open:resume", 1, "suspended")]
    assert all(c.features.classes == ["suspended"] for c in said if c.key.startswith("statement:open:"))


def test_what_another_speaker_says_in_a_framing_clause_is_not_the_speakers() -> None:
    """ "No gas had entered, hours after the Turkish side announced that deliveries had resumed": the
    resumption is the Turkish side's account, not the operator's."""
    said = statement_claims(
        "The operator said no gas had entered the country, hours after the Turkish side announced that "
        "deliveries had resumed.",
        "Gas",
    )
    assert "statement:open:resume" not in {c.key for c in said}


def test_a_denial_does_not_reach_what_the_denier_says_itself() -> None:
    """ "Denied that it had agreed to sell, saying no deal had been signed": the "saying" clause is the
    company's own assertion (no deal signed), not under its denial."""
    said = statement_claims(
        "Kestrel Mobile denied that it had agreed to sell its operations, saying no deal had been "
        "signed with any company.",
        "Mobile",
    )
    assert {c.polarity for c in said if c.key == "statement:open:sign"} == {-1}


def test_a_future_waiting_until_a_condition_states_no_act() -> None:
    """ "No school will reopen until it has been inspected": a condition for reopening, not a denial that
    schools reopened."""
    said = statement_claims(
        "No school will reopen until it has been inspected, the director said.", "Schools"
    )
    assert [c for c in said if c.key in ("statement:open:reopen", "statement:closure")] == []


def test_a_time_that_says_whose_a_noun_is_does_not_date_the_act() -> None:
    """ "Denied that it had paid a ransom to the group behind last month's cyberattack": February is the
    attack's month, not the payment's (which the denial leaves undated)."""
    said = statement_claims(
        "The company denied that it had paid a ransom to the group behind last month's cyberattack.", "Hack"
    )
    assert [c.time_scope for c in said if c.key == "statement:open:pay"] == [None]
    # but the act's own subject or object keeps its time: "last year's festival was not cancelled"
    last = statement_claims("Last year's festival was not cancelled, the organisers said.", "Festival")
    assert all(c.time_scope for c in last if c.key.startswith("statement:"))
