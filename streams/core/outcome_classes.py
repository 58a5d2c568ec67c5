"""Outcome classes: kinds of event whose assertion and denial conflict (control of a place, a ceasefire
holding, an appeal succeeding, supply restored, ...), one record each with all its properties (the words
that assert and deny it, the context it needs, how detection compares two statements of it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .families import rx, union


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """One outcome class and all its properties: the words that assert and deny it, and how detection
    compares two statements of it."""

    name: str
    positive: re.Pattern[str]
    negative: re.Pattern[str] | None
    context: re.Pattern[str] | None = None  # the sentence must mention this for the class to apply
    #: who must act: the nearest actor noun before the trigger must match ("troops opened fire", not
    #: "gunmen opened fire" in a sentence that mentions soldiers elsewhere)
    agent: re.Pattern[str] | None = None
    #: a state that changes (supply restored, operations, functioning): a later report is an update unless
    #: a claim fixes the moment
    changes: bool = False
    #: said of a thing (a crossing closes, a dam is damaged), not of an actor: two things named by two
    #: different subjects are two things
    of_thing: bool = False
    #: an act each party does for itself (signing, resigning): two different named subjects are two acts,
    #: both may be true ("the player has signed", "the club never signed")
    per_subject: bool = False
    #: its negative is the broken condition: one claimant reporting it and the repair later reports progress
    recovery: bool = False
    #: positive or negative trigger, in one scan (a sentence without either is skipped at once)
    trigger: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = [self.positive.pattern] + ([self.negative.pattern] if self.negative is not None else [])
        object.__setattr__(self, "trigger", re.compile("|".join(parts)))


#: nouns naming who acts in violent events; an Outcome's `agent` picks the ones it is about
ACTORS = re.compile(
    r"\b(?:troops|soldiers?|police(?:men)?|officers?|security forces|army|military|forces|gunmen|bandits|"
    r"attackers|assailants|militants|rebels|fighters|insurgents|jihadists|robbers|mob|kidnappers|"
    r"terrorists|militia(?:men)?)\b"
)


OUTCOMES: tuple[Outcome, ...] = (
    Outcome(
        name="control",
        positive=rx(
            r"captured|captures|capture|seized|seizes|taken (?:full )?control|took (?:full )?control|"
            r"takes control|regained|regain|retook|retaken|retake|recaptured|liberated|overran|"
            r"fell to(?!\s+(?:minus\s+|about\s+|around\s+|a |an )?[\d])|"
            r"gained ground|advanced|took the (?:town|village|city)|pulled back|withdrew|retreated|"
            r"entered (?:the )?(?:town|village|city)|losing|lost control"
        ),
        negative=rx(
            r"repelled|repulsed|beaten back|beat back|driven back|drove back|pushed back|halted|stopped|"
            r"thwarted|foiled|failed|remains? in (?:full )?control|under (?:the )?(?:full )?control of|"
            r"remains? under (?:our|their|its|[a-z]+'s) (?:full )?control|"
            r"not successful|unsuccessful|still holds?|still held|stabili[sz]ed|"
            r"(?:has|have|had) not (?:entered|taken|captured)|never (?:entered|took|captured)"
        ),
        context=rx(
            r"village|villages|town|city|territory|settlement|area|region|positions?|front|ground|"
            r"offensive|assault|attack|advances?|counteroffensive|operation"
        ),
    ),
    Outcome(
        name="ceasefire",
        positive=rx(r"holding|holds|held|is being respected|respected|observed|in place|largely calm"),
        negative=rx(r"broke|broken|breaking|breaks|violated|violating|violations?|breached|breach|collapsed"),
        context=rx(r"ceasefire|cease-fire|truce|armistice"),
    ),
    Outcome(
        name="talks",
        positive=rx(r"progressing|making progress|progress|going well|constructive|advancing|agreed on most"),
        negative=rx(r"collapsed|broke down|broken down|failed|stalled|walked out|ended without"),
        context=rx(r"talks|negotiations|dialogue|mediation"),
    ),
    Outcome(
        name="sanction_lifted",
        positive=rx(
            r"overturned|quashed|annulled|reversed|lifted|cleared to|cleared of|accepted the appeal|"
            r"free to play|"
            r"upheld (?:the|its|his|her) appeal|scrapped|cancelled the (?:ban|suspension|deduction|fine)"
        ),
        negative=rx(
            r"rejected|upheld|dismissed|remains? (?:provisionally )?(?:suspended|banned|in force)|"
            r"remained (?:provisionally )?(?:suspended|banned|in force)|confirmed the (?:ban|suspension|"
            r"conviction|sentence)"
        ),
        context=rx(
            r"appeal|conviction|verdict|sentence|ruling|suspension|suspended|ban|banned|deduction|sanction|"
            r"penalty|fine|doping|play|squad|compete|eligible"
        ),
    ),
    Outcome(
        name="approval",
        positive=rx(
            r"approved|approves|cleared|authori[sz]ed|granted|passed|ratified|endorsed|green light|compliant"
        ),
        negative=rx(r"rejected|blocked|blocks|denied|refused|vetoed|failed|turned down|did not pass"),
        context=rx(
            r"merger|takeover|acquisition|deal|bill|law|plan|project|budget|application|licen[cs]e|permit|"
            r"inspection|safety check|audit|request|proposal"
        ),
    ),
    Outcome(
        name="restored",
        positive=rx(r"restored|resumed|reconnected|back on|back to normal|fully operational"),
        negative=rx(
            r"without (?:power|electricity|water|gas|supply)|still dark|in the dark|remain(?:s|ed)? cut off|"
            r"no (?:power|electricity|water|gas)\b(?! contract| deal| agreement| supply contract)|"
            r"outage continues"
        ),
        context=rx(r"power|electricity|supply|water|gas|internet|service|feeders?|grid|outage|blackout|dark"),
        changes=True,
        of_thing=True,
        recovery=True,
    ),
    Outcome(
        name="resigned",
        positive=rx(r"resigned|resigns|stepped down|steps down|quit|resignation"),
        negative=None,
    ),
    Outcome(
        name="job_cuts",
        positive=rx(
            r"cut \S+ jobs|cut jobs|cutting \S+ jobs|job cuts|layoffs|lay off|laid off|redundancies|"
            r"will cut|to cut"
        ),
        negative=None,
        context=rx(r"jobs?|layoffs|workers|staff|redundanc\w+|positions"),
    ),
    Outcome(
        name="suspended",
        positive=rx(r"suspended|suspends|halted|stopped administering|withdrawn|pulled"),
        negative=rx(r"continuing as planned|continues as planned|continuing as normal|remain in use"),
        context=rx(r"vaccine|batch|doses|product|programme|program|service|flights?|production|use"),
        of_thing=True,
    ),
    Outcome(
        name="agreement",
        positive=rx(
            r"agreed|signed|"
            r"(?:deal|agreement|settlement) (?:(?:was|has|have|had|been|now|finally) ){0,3}reached|"
            r"reached (?:a|an) (?:deal|agreement)|joined|"
            r"join a coalition|struck a deal"
        ),
        negative=rx(
            r"no (?:deal|agreement)|nothing (?:has been|had been|was|will be) signed|"
            r"(?:has|have|had) not (?:signed|agreed)|not (?:been )?reached"
        ),
        context=rx(r"deal|agreement|contract|coalition|accord|pact|memorandum|signed|agreed"),
        per_subject=True,
    ),
    Outcome(
        name="closure",
        positive=rx(r"closed|shut|shut down|closure|stopped accepting|suspended admissions"),
        negative=rx(r"remains? open|reopened|operating normally|admitted \S+ (?:newborns|patients|babies)"),
        context=rx(
            r"unit|ward|hospital|school|plant|factory|mine|border|crossing|airport|port|office|clinic"
        ),
        of_thing=True,
    ),
    Outcome(
        name="operations_halted",
        positive=rx(r"halt|halted|standstill|paraly[sz]ed|came to a stop|shut down|brought \S+ to a halt"),
        negative=rx(r"operating normally|running normally|continu(?:e|es|ing) as normal|unaffected"),
        context=rx(r"operations|terminal|port|traffic|production|work"),
        changes=True,
        of_thing=True,
    ),
    Outcome(
        name="damaged",
        positive=rx(r"damaged|damage to|cracks?|cracked|destroyed"),
        negative=rx(r"undamaged|no damage|intact|unscathed|structurally sound"),
        context=rx(r"dam|bridge|building|plant|reactor|crest|structure|wall|road|tower|pipeline"),
        of_thing=True,
    ),
    Outcome(
        name="functioning",
        positive=rx(
            r"working normally|operating normally|functioning|operational|were working|was working|"
            r"worked (?:properly|normally)"
        ),
        negative=rx(
            r"out of service|not working|faulty|out of order|malfunction\w*|broken|had been out|"
            r"not worked|defective|disabled|switched off"
        ),
        context=rx(r"signals?|signalling|sensors?|detectors?|alarms?|systems?|equipment|brakes|devices?"),
        changes=True,
        of_thing=True,
        recovery=True,
    ),
    Outcome(
        name="cause_natural",
        positive=rx(r"lightning|natural causes|spontaneous"),
        negative=rx(
            r"human-caused|human caused|arson|deliberately set|started by people|man-made|caused by humans"
        ),
        context=rx(r"fire|blaze|wildfire|caused|sparked|started"),
    ),
    Outcome(
        name="offered",
        positive=rx(
            r"offer(?:ed)? (?:of )?(?:outside |external |independent )?"
            r"(?:help|facilitation|mediation|assistance)|"
            r"turned down (?:an|the) offer|rejected (?:an|the) offer|"
            r"refused (?:outside |external )?(?:help|assistance)"
        ),
        negative=None,
        context=None,
    ),
    Outcome(
        name="released",
        positive=rx(r"released|freed|set free|let go|walked free"),
        negative=rx(
            r"still (?:being )?(?:detained|held|in custody|behind bars)|"
            r"in the hands of (?:his|her|their) captors|"
            r"remains? (?:in custody|detained|behind bars|held)|"
            r"remained (?:in custody|detained|behind bars)"
        ),
        context=rx(
            r"detained|detention|custody|prison|jail|hostages?|captives?|prisoners?|arrested|abducted|kidnapped|"
            r"journalists?|activists?|detainees?|crew|sailors|aid workers?"
        ),
        of_thing=True,
    ),
    Outcome(
        name="convicted",
        positive=rx(r"convicted|found guilty|sentenced|guilty verdict"),
        negative=rx(r"acquitted|found not guilty|not guilty verdict|cleared of (?:all )?charges"),
        context=rx(r"court|trial|judge|jury|charges?|guilty|verdict|tribunal"),
    ),
    Outcome(
        name="cleared",  # of allegations: exonerated vs still under investigation
        positive=rx(
            r"cleared (?:him|her|them|me|us)|exonerated|absolved|found no wrongdoing|found no evidence"
        ),
        negative=rx(
            r"not been cleared|not cleared|still (?:under|being) investigat\w+|remains? under investigation|"
            r"still open|no decision|not (?:reached|taken|made) (?:any|a) decision"
        ),
        context=rx(
            r"ethics|investigation|inquiry|allegations?|charges?|probe|committee|panel|wrongdoing|misconduct"
        ),
    ),
    Outcome(
        name="forces_fired",  # security forces firing on people: admitted vs denied
        positive=rx(
            r"opened fire|open fire|fired on|fired at|shot at|shot dead|killed|were involved|was involved"
        ),
        negative=None,
        context=rx(r"troops|soldiers|police|policemen|officers|security forces|army|military"),
        agent=rx(r"troops|soldiers?|police(?:men)?|officers?|security forces|army|military|forces"),
    ),
    Outcome(
        name="contaminated",  # test findings: above the limit vs within it
        positive=rx(
            r"contained|contains|found (?:lead|traces|levels|high levels)|contaminated|contamination|"
            r"exceeded|exceeds|tested positive|"
            r"above the (?:legal |permitted |safe )?limit|unsafe levels|"
            r"times the (?:legal |permitted |safe )?limit"
        ),
        negative=rx(
            r"within the (?:legal |permitted |safe )?limits?|below the (?:legal |permitted |safe )?limits?|"
            r"safe to (?:eat|drink|use)|safe for consumption|free (?:of|from)|tested negative"
        ),
        context=rx(
            r"lead|mercury|arsenic|cadmium|bacteria|salmonella|listeria|e\. coli|contamina\w+|toxins?|"
            r"pesticides?|residues?|melamine|aflatoxins?|microplastics"
        ),
        of_thing=True,
    ),
    Outcome(
        name="caught",  # escaped people or animals: caught vs still at large
        positive=rx(
            r"recaptured|caught|captured|back in (?:its|their|the) (?:enclosure|cage|cell|prison)|"
            r"back with the pack"
        ),
        negative=rx(
            r"still at large|on the loose|still loose|remains? at large|remained at large|"
            r"(?:has|have|had) not (?:yet )?been (?:caught|found|recaptured)"
        ),
        context=rx(
            r"escaped|escape|fugitives?|wolf|wolves|bears?|lions?|tigers?|animals?|inmates?|prisoners?|"
            r"on the run"
        ),
    ),
    Outcome(
        name="leaked",
        positive=rx(r"leaked|leak|was shared|were shared|circulated"),
        negative=None,
        context=rx(r"paper|exam|examination|questions|documents?|data|files|emails|report|memo"),
    ),
    Outcome(
        name="ransom_paid",
        positive=rx(
            r"ransom (?:was|had been|has been|were) paid|paid (?:a |the )?ransom|paying (?:a |the )?ransom|"
            r"there was a payment|payment was made"
        ),
        negative=None,
        context=rx(r"ransom|payment|kidnap\w*|hostages?|abduct\w*|release"),
    ),
    Outcome(
        name="shot_down",  # an aircraft: downed vs not hit
        positive=rx(r"shot down|brought down|downed|hit by (?:a )?missile|struck by (?:a )?missile"),
        negative=rx(
            r"(?:was|had) not (?:been )?hit|landed safely|returned safely|crew (?:is|are|was|were) safe"
        ),
        context=rx(r"helicopters?|aircraft|planes?|jets?|drones?|airliner|fighter"),
        of_thing=True,
    ),
    Outcome(
        name="cancelled",
        positive=rx(r"cancell?ed|called off|postponed|scrapped|suspended indefinitely"),
        negative=rx(
            r"will go ahead|going ahead|went ahead|on schedule|as planned|will proceed|remains? scheduled"
        ),
        context=rx(
            r"event|match|election|summit|concert|vote|festival|flights?|meeting|race|game|ceremony|"
            r"conference|tournament|visit|marathon|parade|show|exams?|launch|hearing|auction|fair|rally"
        ),
        of_thing=True,
    ),
)


OUTCOME_BY_NAME: dict[str, Outcome] = {o.name: o for o in OUTCOMES}


#: one scan that tells whether a sentence can hold any outcome trigger at all (most cannot)
ANY_OUTCOME = union([p for o in OUTCOMES for p in (o.positive, o.negative) if p is not None])
