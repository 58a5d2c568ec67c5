"""Measure families: what a figure counts (deaths, evacuations, arrests, turnout, ...), one record each
with all its properties (the words that name it, whether it is a running total or a level, whether it
counts persons, ...). Linguistic categories, not phrases of any one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class Measure:
    """One measure family and all its properties: what extraction reads it from and how detection
    compares two of its figures."""

    name: str
    #: the words that name it near a figure (its predicate or noun)
    pattern: re.Pattern[str]
    #: a running total: rising later is an update, falling later is a conflict
    cumulative: bool
    #: a level that goes up or down over time (outages, missing): two figures meet only close in time
    state: bool = False
    #: a figure of the event as a whole (a magnitude, a spill, a derailment, people aboard): where one report
    #: places the event, its figure is still about the whole event, not a part
    event: bool = False
    #: counts places or objects itself (houses destroyed, districts affected): a count of containers is this
    #: measure, not another one ("cases found in 29 districts" counts districts, "cases:districts")
    of_containers: bool = False
    #: counts persons: a figure in another unit near its words is not its count ("$2 million" near "killed")
    persons: bool = False
    #: what its amounts are: "money" (a figure in a unit of quantity near its words is not its amount: "140
    #: barrels were released" is no payment, "bought 300 tonnes" no price) or "matter" (only a figure in a
    #: unit of quantity: "the Treasury released 1.1 billion" spilled nothing); None for either
    amount: str | None = None


def rx(s: str) -> re.Pattern[str]:
    # lower-case patterns matched against lower-cased text: an IGNORECASE scan of these alternations is
    # several times slower in CPython's re
    return re.compile(rf"\b(?:{s})\b")


MEASURES: tuple[Measure, ...] = (
    Measure(
        name="deaths",
        pattern=rx(
            r"killed|kill|kills|dead|died|die|deaths?|death toll|toll|lost (?:their|his|her) lives|"
            r"lives were lost|bodies|fatalit(?:y|ies)|perished|drowned|casualties|killing|claimed the lives|"
            r"left \S+ dead|lost their lives|were confirmed dead|fatally"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="injured",
        pattern=rx(r"injured|injuring|wounded|wounding|hurt|injuries|hospitali[sz]ed"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="missing",
        pattern=rx(r"missing|unaccounted for"),
        cumulative=False,
        state=True,
        persons=True,
    ),
    Measure(
        name="evacuated",
        pattern=rx(r"evacuated|evacuations?|evacuees|evacuate|evacuating"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="displaced",
        pattern=rx(
            r"displaced|fled|forced from their homes|forced to flee|uprooted|fleeing|relocated|in shelters"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="homeless",
        pattern=rx(r"homeless|left without (?:a )?homes?"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="arrested",
        pattern=rx(
            r"arrested|arrests?|detained|detentions?|held|in custody|rounded up|"
            r"arresting|taken into custody|apprehended"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="rescued",
        # those who survived a sinking or a collapse are those brought out alive: one count
        pattern=rx(r"rescued|survived|survivors?|pulled out alive"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="cases",
        pattern=rx(
            r"cases|infected|infections|tested positive|contracted|fallen ill|fell ill|falling ill|ill|sick|"
            r"sickened"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="destroyed",
        pattern=rx(
            r"destroyed|demolished|razed|flattened|gutted|burned down|burnt down|"
            r"washed away|collapsed|removed"
        ),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="damaged",
        pattern=rx(r"damaged"),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="burned_area",
        pattern=rx(r"burned|burnt|scorched|charred|consumed"),
        cumulative=True,
    ),
    Measure(
        name="affected",
        pattern=rx(r"affected|fitted with|equipped with|concerned"),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="outage",
        pattern=rx(
            r"without (?:power|electricity|gas|water|supply|heating)|no (?:power|electricity|gas|"
            r"water)|cut off|blackout|in the dark|lost (?:power|supply|electricity)|had no gas|power cuts?|"
            r"(?:power|electricity) (?:was|were) cut|knocked out power"
        ),
        cumulative=False,
        state=True,
    ),
    Measure(
        name="aboard",
        pattern=rx(
            r"on board|aboard|travelling on|traveling on|were on the|carrying|carried|boarded|"
            r"crowded (?:onto|into)|packed (?:onto|into)|crammed (?:onto|into)"
        ),
        cumulative=False,
        event=True,
        persons=True,
    ),
    Measure(
        name="magnitude",
        pattern=rx(r"magnitude|richter|measured"),
        cumulative=False,
        event=True,
    ),
    Measure(
        name="spilled",
        pattern=rx(
            r"spill|spills|spilled|spilling|leaked|leaking|escaped|gushed|seeped|poured into|"
            r"released|releases|release"
        ),
        cumulative=True,
        event=True,
        amount="matter",
    ),
    Measure(
        name="derailed",
        pattern=rx(
            r"derailed|left the (?:rails|tracks?)|came off the (?:rails|tracks?)|jumped the tracks?|"
            r"overturned"
        ),
        cumulative=False,  # how many carriages left the rails is a fact of the accident, not a running count
        event=True,
    ),
    Measure(
        name="inflation",
        pattern=rx(r"inflation|consumer prices|cpi|price growth|prices (?:rose|were|climbed|increased)"),
        cumulative=False,
    ),
    Measure(
        name="unemployment",
        pattern=rx(r"unemployment|jobless(?:ness)? rate|out of work"),
        cumulative=False,
    ),
    Measure(
        name="growth",
        pattern=rx(
            r"gdp (?:grew|growth|expanded|contracted|rose|fell)|economy grew|economic growth|grew by|"
            r"expanded by|contracted by|shrank by"
        ),
        cumulative=False,
    ),
    Measure(
        name="interest_rate",
        pattern=rx(
            r"interest rates?|policy rate|benchmark rate|repo rate|base rate|key rate|refinancing rate|"
            r"lending rate"
        ),
        cumulative=False,
    ),
    Measure(
        name="turnout",
        pattern=rx(
            r"turnout|joined|took part|taking part|participated|marched|walked off (?:the )?jobs?|"
            r"attended|rallied|demonstrators|protesters gathered|on strike|went on strike|gathered|"
            r"crowd|crowds|attendance|staged a walkout|walked out|stopped work|downed tools|stayed away|"
            r"took to the streets|taken to the streets|marchers|strikers|participation|"
            r"cast (?:their )?ballots|went to the polls"
        ),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="emigrated",
        pattern=rx(r"emigrated|emigration|left the country"),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="value",
        pattern=rx(
            r"worth|valued at|value of|cost|costs|price|priced at|budget of|acquire|acquired|acquiring|"
            r"buy|bought|buying|purchase|purchased|takeover|agreed to pay|will pay"
        ),
        cumulative=False,
        amount="money",
    ),
    Measure(
        name="debt",
        pattern=rx(r"debts?|owed|owes|deficit|liabilities|arrears|shortfall"),
        cumulative=False,
        amount="money",
    ),
    # money handed over (not what is owed): "the Treasury had already released 1.1 billion towards arrears"
    Measure(
        name="paid",
        pattern=rx(r"paid|disbursed|transferred|allocated|set aside|earmarked|released|handed over"),
        cumulative=True,
        amount="money",
    ),
    Measure(
        name="jobs",
        pattern=rx(r"jobs|layoffs|job cuts|redundancies|positions"),
        cumulative=False,
    ),
    Measure(
        name="fill_level",
        pattern=rx(r"full|capacity"),
        cumulative=False,
        state=True,
    ),
    Measure(
        name="underground",
        pattern=rx(
            r"underground|trapped|working (?:in|at) the (?:pit|mine|shaft|section|face)|were working in|"
            r"in the (?:flooded|affected|collapsed) (?:section|area|pit|mine|shaft|gallery)"
        ),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="output",
        pattern=rx(r"harvest|harvested|crop|yield|output|production|produced"),
        cumulative=False,
    ),
    Measure(
        name="arrivals",
        pattern=rx(
            r"arrived|arrivals|arriving|landed|came ashore|disembarked|who reached|had reached|have reached"
        ),
        cumulative=True,
    ),
    Measure(
        name="present",
        pattern=rx(
            r"still living|living|live in|lived in|remaining in|remain in|stranded|inhabitants|"
            r"population of|sheltering|inside|in the building|on the premises|trapped inside"
        ),
        cumulative=False,
        state=False,  # (people present are compared at any distance in time)
        persons=True,
    ),
)


MEASURE_BY_NAME: dict[str, Measure] = {m.name: m for m in MEASURES}


#: measures that count persons: a figure of some other thing never takes one from its verb alone ("gathered
#: half a million signatures" is no turnout, "killed 40 cattle" no death toll)
PERSON_MEASURES = frozenset(m.name for m in MEASURES if m.persons)


def union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


#: one scan that tells whether the words around a figure can name any measure family
ANY_MEASURE = union([m.pattern for m in MEASURES])
