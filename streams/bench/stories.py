"""Story templates for the generated stream: the core paragraphs of each article of one story.

A story is one event (a flood, a protest, a battle for a village, a budget, a blackout, a strike) told by
2-6 articles from different outlets over hours or days. Figures evolve the way news figures do (death tolls
and arrest counts rise, the same background figure is repeated). A *conflicting* story also carries one
planted contradiction: two claimants giving incompatible figures for the same measure, or one side asserting
an outcome the other denies. Written for this benchmark; no text is taken from the evaluation set.

Each topic function returns a list of `Core`s, one per article, in publication order.
"""

# ruff: noqa: E501  (prose templates: a sentence per line reads better than one cut at column 110)

from __future__ import annotations

import random
from dataclasses import dataclass, field

from .names import CURRENCIES, MONTHS, OUTLETS, WEEKDAYS, Places, person, word

_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
    11: "eleven",
    12: "twelve",
    20: "twenty",
    24: "two dozen",
    30: "thirty",
    40: "forty",
    50: "fifty",
}


@dataclass
class Core:
    hours: float  # after the story's start
    outlet: str
    title: str
    paragraphs: list[str]
    planted: str | None = None  # the contradiction this article completes, if any


@dataclass
class Plan:
    topic: str
    conflict: str | None  # kind of planted contradiction, None for a quiet story
    cores: list[Core] = field(default_factory=list)


def n(x: int) -> str:
    """A count as a newspaper writes it: words for some small numbers, thousands separators otherwise."""
    return f"{x:,}"


def maybe_word(rng: random.Random, x: int) -> str:
    return _WORDS[x] if x in _WORDS and rng.random() < 0.6 else n(x)


def hedge(rng: random.Random, x: int, exactish: bool = False) -> str:
    h = rng.choice(
        ("at least ", "about ", "more than ", "nearly ", "some ", "around ", "")
        if not exactish
        else ("at least ", "about ", "")
    )
    return h + maybe_word(rng, x)


def roundish(rng: random.Random, lo: int, hi: int, step: int) -> int:
    return rng.randrange(lo // step, hi // step + 1) * step


def outlets(rng: random.Random, k: int) -> list[str]:
    """k outlets, consecutive ones distinct (a story is told by several outlets)."""
    out: list[str] = []
    while len(out) < k:
        o = rng.choice(OUTLETS)
        if not out or o != out[-1]:
            out.append(o)
    return out


def times(rng: random.Random, k: int, lo: float, hi: float) -> list[float]:
    t, out = 0.0, []
    for _ in range(k):
        out.append(round(t, 2))
        t += rng.uniform(lo, hi)
    return out


def dateline(rng: random.Random, p: Places, day: int, month: str, outlet: str) -> str:
    if rng.random() < 0.5:
        return ""
    return f"{p.town.upper()}, {month} {day} ({outlet}) - "


# ---------------------------------------------------------------- disasters
def disaster(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    kind, verb = rng.choice(
        (
            ("flood", "swept through"),
            ("earthquake", "struck"),
            ("landslide", "buried part of"),
            ("storm", "battered"),
            ("wildfire", "tore through"),
            ("cyclone", "hit"),
        )
    )
    head, spokes, doctor = person(rng), person(rng), person(rng)
    deaths = [rng.randint(3, 30)]
    for _ in range(k - 1):
        deaths.append(deaths[-1] + rng.randint(0, max(2, deaths[-1] // 2)))
    injured = [d * rng.randint(2, 5) for d in deaths]
    evac = roundish(rng, 1_000, 60_000, 500)
    houses = rng.randint(20, 900)
    plan = Plan("disaster", None)
    variant = rng.choice(("hospital", "ministry")) if conflict and k >= 2 else None
    hrs = times(rng, k, 3, 8) if variant == "hospital" else times(rng, k, 4, 20)
    plan.conflict = {"hospital": "numeric_same_time", "ministry": "numeric_decrease"}.get(variant or "")
    where = rng.randrange(1, k) if variant else -1
    outs = outlets(rng, k)
    for i in range(k):
        d, day = deaths[i], 3 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        titles = (
            f"{kind.capitalize()} in {p.province} kills at least {d}",
            f"Death toll from {p.town} {kind} rises to {d}",
            f"Rescuers search for survivors after {kind} hits {p.town}",
            f"{p.country} {kind}: thousands evacuated in {p.province} province",
        )
        paras = []
        lead = rng.choice(
            (
                f"At least {d} people were killed and {injured[i]} injured after a {kind} {verb} {p.town} in "
                f"{p.country}'s {p.province} province on {wd}, officials said.",
                f"The death toll from the {kind} that {verb} {p.province} province has risen to {d}, the head of the "
                f"provincial disaster agency, {head}, said on {wd}.",
                f"A {kind} {verb} the town of {p.town} in {p.country}'s {p.province} province on {wd}, killing at least "
                f"{d} people and injuring {injured[i]}, according to the provincial disaster agency.",
            )
        )
        paras.append(dateline(rng, p, day, month, outs[i]) + lead)
        paras.append(
            f"{head}, who heads the {p.province} disaster management agency, said {n(evac)} residents had "
            f"been evacuated from villages along the {p.river} river. {rng.choice(('Officials', 'He'))} "
            f"said {houses} houses had been destroyed."
        )
        paras.append(
            "“"
            + rng.choice(
                (
                    "Our teams are working through the night, but some areas can only be reached by boat.",
                    "We expect the number of victims to rise as we reach the outlying villages.",
                    "The roads are blocked in many places and the rain has not stopped.",
                    "We are asking everyone who lives near the river to move to higher ground now.",
                )
            )
            + f"” {head} told reporters in {p.town}."
        )
        paras.append(
            f"Rescue teams were searching for {rng.choice(('a dozen', 'several', 'dozens of', 'at least 6'))} "
            f"people still missing in {p.villages[0]}, where {rng.choice(('scores of', 'many', 'dozens of'))} "
            f"homes were buried under mud and debris."
        )
        planted = None
        if i == where and variant == "hospital":
            hi = deaths[i - 1] * rng.randint(3, 5)
            paras.insert(
                1,
                f"{doctor}, director of the main hospital in {p.town}, told {outs[i]} that {hi} people "
                f"had died, far more than the figure given by the provincial authorities.",
            )
            planted = "numeric_same_time"
        elif i == where and variant == "ministry":
            lo = max(1, deaths[i - 1] // 3)
            paras.insert(
                1,
                f"{spokes}, a spokesperson for the interior ministry, said on {wd} that {lo} people "
                f"had died in the {kind}, and accused local officials of exaggerating the toll.",
            )
            planted = "numeric_decrease"
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


# ---------------------------------------------------------------- protests
CAUSES = (
    "a rise in fuel prices",
    "planned pension reforms",
    "the disputed result of last month's election",
    "a new tax on mobile payments",
    "the closure of a steel plant",
    "corruption allegations against ministers",
    "cuts to university funding",
    "a proposed media law",
)


def protest(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    cause = rng.choice(CAUSES)
    police = roundish(rng, 3_000, 40_000, 500)
    organisers = police * rng.randint(4, 9) if conflict else int(police * 0.9) // 100 * 100
    arrests = [rng.randint(5, 60)]
    for _ in range(k - 1):
        arrests.append(arrests[-1] + rng.randint(0, 25))
    officers = rng.randint(3, 40)
    movement = rng.choice(
        (
            f"{word(rng)} Citizens' Alliance",
            f"{word(rng)} Movement",
            f"Coalition for a Free {p.country}",
            f"{p.province} Workers' Front",
            f"{word(rng)} Youth Network",
        )
    )
    plan = Plan("protest", "numeric_turnout" if conflict else None)
    hrs = times(rng, k, 2, 14)
    outs = outlets(rng, k)
    where = rng.randrange(0, k) if conflict else -1
    for i in range(k):
        day = 5 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        paras = [
            dateline(rng, p, day, month, outs[i])
            + rng.choice(
                (
                    f"{'Tens of thousands' if conflict else 'Thousands'} of people marched through central {p.capital} on "
                    f"{wd} to protest against {cause}, in one of the largest demonstrations in the {p.country} capital in "
                    f"years.",
                    f"Protesters filled {p.square} in {p.capital} on {wd}, chanting slogans against {cause} as riot police "
                    f"blocked the roads leading to parliament.",
                )
            )
        ]
        paras.append(f"Police said {hedge(rng, police, True)} people took part in the rally on {p.square}.")
        planted = None
        if i == where:
            paras.append(
                f"The {movement}, which organised the protest, said {n(organisers)} people had joined the "
                f"march, and accused the authorities of playing down the turnout."
            )
            planted = "numeric_turnout"
        elif not conflict and rng.random() < 0.5:
            paras.append(
                f"The {movement}, which organised the protest, said at least {n(organisers)} people had "
                f"joined the march."
            )
        paras.append(
            f"The interior ministry said {arrests[i]} people had been arrested after clashes with riot "
            f"police near {p.square}, and {officers} officers were hurt."
        )
        paras.append(
            f"“{rng.choice(('We are here because we cannot pay our bills any more', 'They did not listen to us, so we came back', 'This is about our children and what they will inherit'))},” "
            f"said {person(rng)}, {rng.randint(19, 78)}, a {rng.choice(('nurse', 'teacher', 'student', 'bus driver', 'pensioner'))} "
            f"who travelled from {p.town} for the march."
        )
        titles = (
            f"Thousands march in {p.capital} against {cause.split(' ', 2)[-1]}",
            f"Police and protesters clash in {p.capital}; {arrests[i]} arrested",
            f"{p.country} protest organisers vow more rallies after {p.capital} march",
        )
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


# ---------------------------------------------------------------- armed conflict
def fighting(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    group = f"{word(rng)} {rng.choice(('Liberation Front', 'rebels', 'People’s Army', 'militia'))}"
    village = p.villages[1]
    gspokes, civ = person(rng), rng.randint(2, 25)
    plan = Plan("fighting", "statement_control" if conflict else None)
    hrs = times(rng, k, 3, 18)
    outs = outlets(rng, k)
    claim_at = rng.randrange(0, k - 1) if k >= 2 else 0
    deny_at = rng.randrange(claim_at + 1, k) if conflict and k >= 2 else -1
    for i in range(k):
        day = 2 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        civ_i = civ + i * rng.randint(0, 3)
        paras = [
            dateline(rng, p, day, month, outs[i])
            + f"Fighting continued around the village of {village} in {p.country}'s {p.province} province on {wd}, "
            f"where government troops and {group} fighters have been battling for the main road to {p.town}."
        ]
        planted = None
        if i == claim_at:
            paras.append(
                f"The defence ministry said on {wd} that its troops had captured {village} and were clearing "
                f"the area of remaining fighters."
            )
        if i == deny_at:
            paras.append(
                f"{gspokes}, a spokesman for the {group}, said the assault on {village} had been repelled "
                f"and that his fighters were still in the village."
            )
            planted = "statement_control"
        elif i > claim_at and not conflict:
            paras.append(f"The {group} did not respond to a request for comment.")
        paras.append(
            f"At least {civ_i} civilians have been killed by shelling in {p.town} since the offensive "
            f"began, the regional health department said."
        )
        paras.append(
            f"Residents who fled to {p.villages[2]} described {rng.choice(('days', 'nights', 'hours'))} of "
            f"artillery fire. “{rng.choice(('We left with nothing but our documents', 'The shelling never stops at night', 'Nobody told us where to go'))},” "
            f"said {person(rng)}, {rng.randint(25, 80)}."
        )
        titles = (
            f"{p.country} army says it has taken {village} from {group}",
            f"Fighting rages around {village} in {p.province}",
            f"{group} says it repelled attack on {village}"
            if i == deny_at
            else f"Civilians flee {p.town} as fighting nears",
        )
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


# ---------------------------------------------------------------- economy
def economy(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    cur = rng.choice(CURRENCIES)
    quarter = rng.choice(("first", "second", "third", "fourth"))
    deficit = round(rng.uniform(1.2, 9.0), 1)
    audit = round(deficit * rng.uniform(1.6, 2.6), 1)
    forecast = round(deficit * rng.uniform(0.7, 1.3), 1)
    company = f"{word(rng)} {rng.choice(('Construction', 'Holdings', 'Infrastructure', 'Engineering'))}"
    thing = rng.choice(
        ("a ring road", "a desalination plant", "two hospitals", "a railway link to the coast")
    )
    value = rng.randint(120, 950)
    opp = person(rng)
    variant = rng.choice(("deficit", "contract"))
    plan = Plan("economy", f"numeric_{variant}" if conflict else None)
    hrs = times(rng, k, 6, 30)
    outs = outlets(rng, k)
    where = rng.randrange(1, k) if conflict and k >= 2 else -1
    for i in range(k):
        day = 8 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        paras, planted = [], None
        if variant == "deficit":
            paras.append(
                f"{p.country}'s budget deficit widened to {deficit} billion {cur} in the {quarter} quarter, "
                f"the finance ministry said on {wd}, as spending on energy subsidies rose."
            )
            paras.append(
                rng.choice(
                    (
                        f"Economists polled by {outs[0]} had forecast a deficit of about {forecast} billion {cur}.",
                        f"Most analysts had forecast a shortfall of about {forecast} billion {cur}, "
                        f"according to a survey by the {word(rng)} Bank.",
                    )
                )
            )
            if i == where:
                paras.append(
                    f"The national audit office said in a report published on {wd} that the deficit in the "
                    f"{quarter} quarter had reached {audit} billion {cur} once spending by state companies "
                    f"was counted."
                )
                planted = "numeric_deficit"
            titles = (
                f"{p.country} budget deficit widens to {deficit} billion {cur} in {quarter} quarter",
                f"{p.country} finance ministry defends spending as deficit grows",
            )
        else:
            paras.append(
                f"{company} said on {wd} it had signed a contract worth {value} million {cur} with the "
                f"{p.province} provincial government to build {thing}."
            )
            if i == where:
                paras.append(
                    f"{opp}, an opposition member of the provincial assembly, said the contract was worth "
                    f"{value * rng.randint(2, 4)} million {cur} and demanded an inquiry."
                )
                planted = "numeric_contract"
            titles = (
                f"{company} wins {p.province} contract for {thing}",
                f"{p.province} signs deal with {company} for {thing}",
            )
        paras.append(
            f"Inflation stood at {round(rng.uniform(2, 14), 1)} percent in {month}, and the central bank "
            f"has kept its main rate at {round(rng.uniform(3, 18), 2)} percent since {rng.randint(2019, 2024)}."
        )
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


# ---------------------------------------------------------------- outages
def outage(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    cause = rng.choice(
        (
            "a storm brought down transmission lines",
            "a fire at a substation",
            "a heatwave overloaded the grid",
            "a suspected cyberattack on the grid operator",
        )
    )
    utility = f"{p.province} Electricity Company"
    customers = roundish(rng, 8_000, 200_000, 1_000)
    mayor = person(rng)
    variant = rng.choice(("numeric", "restored"))
    plan = Plan(
        "outage",
        f"{'numeric_outage' if variant == 'numeric' else 'statement_restored'}" if conflict else None,
    )
    hrs = times(rng, k, 2, 5) if conflict else times(rng, k, 13, 30)
    outs = outlets(rng, k)
    where = rng.randrange(1, k) if conflict and k >= 2 else -1
    for i in range(k):
        day = 4 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        paras, planted = [], None
        if i == 0:
            paras.append(
                dateline(rng, p, day, month, outs[i])
                + f"About {n(customers)} customers were without power in {p.capital} on {wd} after {cause}, "
                f"{utility} said."
            )
        else:
            paras.append(
                dateline(rng, p, day, month, outs[i])
                + f"Crews worked through the night in {p.capital} after {cause}, {utility} said on {wd}."
            )
        if i == where and variant == "numeric":
            paras.append(
                f"The mayor of {p.capital}, {mayor}, said more than {n(customers * rng.randint(3, 5))} "
                f"customers had no electricity, and criticised the company for what she called "
                f"misleading figures."
            )
            planted = "numeric_outage"
        if variant == "restored" and conflict and i == where - 1:
            paras.append(
                f"{utility} said power had been restored to all districts of {p.capital} by {wd} evening."
            )
        if i == where and variant == "restored":
            paras.append(
                f"Residents of {p.district} said they were still without power on {wd} night, and {mayor}, "
                f"the mayor, said the supply in {p.district} remained cut off."
            )
            planted = "statement_restored"
        paras.append(
            f"Hospitals switched to backup generators, and traffic lights were out across the city centre, "
            f"causing long queues on the roads into {p.capital}."
        )
        titles = (
            f"Blackout hits {p.capital} after {cause.split(' ', 2)[1]}",
            f"{p.capital} residents face cold night without power",
            f"{utility} under pressure as {p.capital} outage drags on",
        )
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


# ---------------------------------------------------------------- strikes and talks
def strike(rng: random.Random, p: Places, k: int, conflict: bool, month: str) -> Plan:
    trade, employer = rng.choice(
        (
            ("teachers", "the education ministry"),
            ("rail workers", "the state railway"),
            ("nurses", "the health ministry"),
            ("dock workers", "the port authority"),
        )
    )
    union = f"{p.country} Union of {trade.title()}"
    leader, spokes = person(rng), person(rng)
    union_figure = roundish(rng, 5_000, 80_000, 1_000)
    variant = rng.choice(("numeric", "talks"))
    plan = Plan(
        "strike", f"{'numeric_strike' if variant == 'numeric' else 'statement_talks'}" if conflict else None
    )
    hrs = times(rng, k, 4, 20)
    outs = outlets(rng, k)
    where = rng.randrange(1, k) if conflict and k >= 2 else -1
    for i in range(k):
        day = 6 + int(hrs[i] // 24)
        wd = WEEKDAYS[day % 7]
        paras, planted = (
            [
                dateline(rng, p, day, month, outs[i])
                + f"{trade.capitalize()} across {p.country} stayed away from work on {wd} in a strike over pay, "
                f"the {rng.choice(('first', 'second', 'third'))} national stoppage this year."
            ],
            None,
        )
        paras.append(f"The {union} said more than {n(union_figure)} {trade} had gone on strike.")
        if i == where and variant == "numeric":
            paras.append(
                f"{spokes}, a spokesperson for {employer}, said only {n(union_figure // rng.randint(4, 8))} "
                f"{trade} took part in the strike."
            )
            planted = "numeric_strike"
        if variant == "talks" and conflict and i == where - 1:
            paras.append(
                f"{spokes}, a spokesperson for {employer}, said the talks with the union were making "
                f"progress and would resume on {WEEKDAYS[(day + 2) % 7]}."
            )
        if i == where and variant == "talks":
            paras.append(
                f"{leader}, the union's general secretary, said the talks with {employer} had collapsed "
                f"on {wd} evening."
            )
            planted = "statement_talks"
        paras.append(
            f"The union is demanding a pay rise of {rng.randint(8, 25)} percent, saying wages have lost "
            f"value since {rng.randint(2015, 2022)}."
        )
        titles = (
            f"{trade.capitalize()} strike across {p.country} over pay",
            f"{p.country} {trade} walk out; union vows more action",
            f"Strike by {trade} disrupts {p.capital}",
        )
        plan.cores.append(Core(hrs[i], outs[i], rng.choice(titles), paras, planted))
    return plan


TOPICS = {
    "disaster": disaster,
    "protest": protest,
    "fighting": fighting,
    "economy": economy,
    "outage": outage,
    "strike": strike,
}
MONTH_NAMES = MONTHS
