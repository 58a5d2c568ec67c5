"""Grammatical word classes the parse is read with: verbs of saying, denying, planning, change and
setting a quantity; modal and future auxiliaries; quantity, plan and time nouns. Not topical: nothing here
decides which measures exist.
"""

from __future__ import annotations

from typing import Literal

Modality = Literal["fact", "plan", "forecast", "hypothetical", "capacity"]


Relation = Literal[
    "none",
    "part",
    "whole",
    "subcount",
    "proportion",
    "modifier",
    "ago",
    "comparison",
    "circumstance",
    "agent",
]


#: verbs that report speech or a finding; their subject is the speaker
REPORTING = frozenset(
    """say tell announce state claim insist add confirm report estimate explain warn note acknowledge admit
    allege argue assert maintain contend write tweet post declare indicate reveal disclose stress suggest
    deny reject dispute dismiss refute counter reply respond quote cite put reckon calculate tally record
    count register show find conclude list log document""".split()
)


#: verbs of keeping a count: their subject is the body or the place that counted ("Andalusia recorded 410")
COUNTING = frozenset("record register tally log count list document".split())
#: verbs of speech only: what they govern is said, never counted by them (unlike "recorded 40 cases",
#: "registered 9,800 refugees", "found 2 tonnes", which are acts of counting, estimating or finding)
SPEECH = REPORTING - COUNTING - frozenset("estimate put reckon calculate show find".split())


#: verbs whose clause or object is the content someone denies
DENYING = frozenset("deny reject dismiss refute dispute contest rebut debunk contradict".split())


#: verbs that, with a thing as their object, refuse it: "denied him bail", "refused the permit" -- the act
#: is its grant, not given; with a claim as their object they deny what is said ("denied the reports")
REFUSING = frozenset("deny refuse reject".split())
#: verbs whose object is found to exist, or is suffered: "scans revealed a tear", "has not suffered a tear"
EVIDENTIAL = frozenset("reveal show find detect confirm uncover discover identify suffer sustain".split())
#: nouns of what befalls a thing, with the verb that says it was done to it: "suffered no damage" is "was
#: not damaged", "sustained an injury" is "was injured" (a derivation table, noun -> verb lemma)
SUFFERED_ACTS = {
    "damage": "damage",
    "harm": "harm",
    "injury": "injure",
    "loss": "lose",
    "delay": "delay",
    "disruption": "disrupt",
    "breach": "breach",
    "attack": "attack",
    "cut": "cut",
    "setback": "set_back",
}
#: what one denies having done or been, not a thing one refuses to give: "denied responsibility"
DENIED_ROLES = frozenset(
    """responsibility involvement wrongdoing accusation charge allegation link role knowledge existence
    report claim statement suggestion rumour rumor news account assertion version story""".split()
)
#: words that call the clause they describe untrue: "reports that ... are false"
UNTRUE = frozenset(
    """false untrue baseless fabricated fabricate invented invent wrong incorrect inaccurate groundless
    unfounded""".split()
)


#: verbs and nouns of intention and expectation: what they govern has not happened
PLANNING = frozenset(
    """plan aim intend want seek hope propose target expect forecast predict project anticipate threaten vow
    pledge promise offer prepare try attempt need must able urge demand ask order request""".split()
)


PLAN_NOUNS = frozenset(
    "plan target goal aim proposal bid offer promise pledge forecast projection ambition capacity".split()
)


FUTURE_AUX = frozenset({"will", "shall", "'ll"})


HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "must", "'d"})


ABILITY_AUX = frozenset({"can", "ca"})


#: nouns that name a quantity of something else: "the number of vessels", "the death toll"
QUANTITY_NOUNS = frozenset(
    "number total toll tally count figure estimate amount sum level rate share proportion".split()
)


#: verbs of change whose subject is the quantity: "the toll rose to 41"
CHANGE_VERBS = frozenset(
    """rise climb reach increase grow jump soar surge fall drop decline decrease dip slip shrink hit top
    stand remain exceed double triple accelerate quicken slow ease edge slide plunge tumble rebound widen
    narrow swell balloon dwindle halve range hover total amount number peak settle""".split()
)


#: verbs that say what an act or thing extends to: "the recall covers 412,000 units", "the strike involved
#: 3,000 workers" -- the count is of the subject's act (a recall of units), not of the verb
EXTENT_VERBS = frozenset("involve cover concern encompass comprise".split())


#: verbs that set a quantity on their object: "police put the turnout at 240,000"
SETTING_VERBS = frozenset("put place estimate set peg fix revise raise lower cut".split())


PERCENT_WORDS = frozenset({"percent", "cent", "%", "pc", "per"})


TIME_NOUNS = frozenset("second minute hour day week month year decade century".split())


CAPACITY_VERBS = frozenset("build design accommodate seat hold fit house".split())


#: nouns whose "that" clause is what someone said: "the claim that the site would be closed"
REPORT_NOUNS = frozenset("claim report statement assertion suggestion allegation rumour rumor news".split())
#: verbs that name no act of their own, or a mental state, a saying or an attempt: never a proposition
NO_ACT = frozenset(
    """be have do get make give go come take keep let seem appear become look know think believe expect
    see hear feel want need like wish hope plan intend comment respond return elaborate decline refuse
    fail try begin start stop happen occur mean include call ask urge demand require allow
    help remain stay leave put set tell speak talk add receive face""".split()
)
#: heads of a theme that name nothing in particular
VAGUE_THEMES = frozenset(
    """thing anything something nothing everything one none all any some way time day week month year
    lot kind part side case matter issue question statement comment report claim detail information
    what which who it""".split()
)
#: adverbs of frequency: "families often pay ransoms" is a habit, not an event
HABITUAL = frozenset(
    "often usually routinely regularly sometimes generally typically frequently rarely always".split()
)
#: verbs of saying whose object is only ever what is said ("said the figure", "told reporters")
SAY_ONLY = frozenset(
    """say tell add state claim insist explain warn note stress reply respond quote cite suggest argue assert
    allege contend write tweet reckon""".split()
)
#: nouns that name what was found or said, which a verb of reporting passes on: "announced the findings"
CONTENT_NOUNS = frozenset("finding result figure data number conclusion outcome".split())
#: adverbs of completeness: "not fully restored" denies only that the act is complete
IN_FULL = frozenset("fully completely entirely totally wholly".split())
