"""Seeded generator of realistic news-article streams, as Article JSON lines.

    python -m streams.bench.generate --articles 2000 --seed 7 > stream.jsonl
    python -m streams.bench.generate --articles 500 --conflict-share 0.5 --truth truth.jsonl > s.jsonl

Stories (disasters, protests, fighting, budgets and contracts, blackouts, strikes and talks) of 2-6 articles
each, from several invented outlets, spread over hours or days and interleaved by publication time. Each
article has 400-900 words: the core paragraphs of its story (figures with hedges, word numbers, vague
quantities, attributions and quotes), padded with the story's background paragraphs (context, history,
quotes, what happens next) that carry distractor figures: years, ages, dates, distances, percentages,
populations. A configurable share of stories carries one planted contradiction (two claimants giving
incompatible figures for the same event, or an outcome asserted by one side and denied by another).

Same --seed and arguments, same bytes. No text is copied from the evaluation set.
"""

# ruff: noqa: E501  (prose templates: a sentence per line reads better than one cut at column 110)

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from typing import IO, Any

from .names import DIRECTIONS, MONTHS, OCCUPATIONS, WEEKDAYS, Places, person, word
from .stories import TOPICS, maybe_word, n

EPOCH = datetime(2025, 1, 6, 6, 0, tzinfo=timezone.utc)

_QUOTES = (
    "Nobody from the government has come to see us, not once",
    "We have been asking for help for years and nothing changes",
    "I have lived here all my life and I have never seen anything like this",
    "People are tired and angry, and they want answers",
    "My children ask me every night when things will be normal again",
    "We were told to wait, so we waited, and now it is too late",
    "The young people have already left; only the old ones stay",
    "Prices have doubled since last winter and salaries have not moved",
)
_ANALYSIS = (
    "how little the authorities had invested in the region",
    "that trust in official figures was at a low",
    "a widening gap between the capital and the provinces",
    "that the government's room for manoeuvre was shrinking",
    "how quickly a local crisis could become a national one",
)
_INDUSTRY = ("farming", "fishing", "mining", "tourism", "textile manufacturing", "cross-border trade")
_PROMISES = (
    "rebuild the region's roads",
    "create jobs for young people",
    "fight corruption in local government",
    "modernise the power grid",
    "bring down food prices",
)


def _background(rng: random.Random, p: Places, topic: str) -> list[str]:
    """The story's background paragraphs, figures fixed once per story (articles repeat them verbatim)."""
    y = lambda lo=1990, hi=2023: rng.randint(lo, hi)  # noqa: E731
    pres, opp, analyst, official = person(rng), person(rng), person(rng), person(rng)
    paras = [
        f"{p.town} lies about {rng.randint(12, 480)} km {rng.choice(DIRECTIONS)} of {p.capital}, the capital, and "
        f"is home to some {n(rng.randint(8, 400) * 1000)} people, most of whom depend on "
        f"{rng.choice(_INDUSTRY)} or work at the {p.town} port.",
        f"The {p.province} region has a long history of {rng.choice(('neglect', 'unrest', 'floods', 'disputes with the capital'))}. "
        f"In {y()}, {rng.choice(('a similar crisis forced the regional governor to resign', 'parliament set up a commission that never published its findings', 'the army was deployed to the province for the first time', 'aid agencies warned that the area was poorly prepared'))}.",
        f"“{rng.choice(_QUOTES)},” said {person(rng)}, {rng.randint(19, 86)}, a {rng.choice(OCCUPATIONS)} from "
        f"{p.villages[3]}.",
        f"The government of President {pres}, who took office in {y(2015, 2024)}, has promised to "
        f"{rng.choice(_PROMISES)}, but critics say little has changed on the ground.",
        f"{analyst}, an analyst at the {word(rng)} Institute in {p.capital}, said the events showed "
        f"{rng.choice(_ANALYSIS)}. “{rng.choice(('This was predictable', 'The warning signs were there for years', 'Nobody should be surprised'))},” she added.",
        f"Inflation in {p.country} stood at {round(rng.uniform(2, 30), 1)} percent in "
        f"{rng.choice(MONTHS)}, according to the national statistics office, and unemployment among people under "
        f"{rng.choice((25, 30))} is close to {rng.randint(12, 40)} percent.",
        f"A further update is expected on {rng.choice(WEEKDAYS)}, and parliament is due to discuss the situation at "
        f"a session on {rng.choice(MONTHS)} {rng.randint(1, 28)}.",
        f"Reporters could not independently verify the accounts given by either side, and access to parts of "
        f"{p.province} has been restricted since {rng.choice(MONTHS)}.",
        f"Road links between {p.town} and {p.villages[2]} have been poor for decades; a bridge over the {p.river} "
        f"that was promised in {y(2000, 2020)} has still not been built, local officials said.",
        f"The region's economy depends heavily on {rng.choice(_INDUSTRY)}, which accounts for roughly a third of "
        f"local employment, according to a {y(2010, 2023)} government survey.",
        f"Opposition leader {opp} called for an independent inquiry, saying the authorities had ignored warnings "
        f"from experts as early as {y(2005, 2022)}.",
        f"{person(rng)}, whose family has lived in {p.villages[0]} for {maybe_word(rng, rng.randint(3, 5))} "
        f"generations, said the area had changed beyond recognition. “{rng.choice(_QUOTES)},” he said.",
        f"In a statement posted on social media late on {rng.choice(WEEKDAYS)}, {official}, the governor of "
        f"{p.province}, said the provincial government was “doing everything in its power” and asked residents to "
        f"follow official channels only.",
        f"The central bank in {p.capital} raised its main interest rate to {round(rng.uniform(3, 25), 2)} percent in "
        f"{rng.choice(MONTHS)}, its {rng.choice(('second', 'third', 'fourth'))} increase in a year, to defend the "
        f"currency.",
        f"Diplomats in {p.capital} said several foreign governments had asked for more information, and "
        f"{maybe_word(rng, rng.choice((2, 3, 4, 5)))} embassies advised their citizens to avoid travel to "
        f"{p.province}.",
        f"Local media reported that dozens of people had gathered outside the governor's office in {p.town} on "
        f"{rng.choice(WEEKDAYS)}, demanding more information from the authorities.",
        f"{p.country}, a country of about {rng.randint(3, 90)} million people, held its last general election in "
        f"{y(2019, 2024)}, when turnout was {rng.randint(41, 79)} percent.",
        f"Older residents recall the events of {y(1970, 2000)}, when {rng.choice(('the river changed course', 'the old mine closed', 'the border was closed for a year', 'the town was almost emptied'))}, "
        f"as the last time {p.town} made national headlines.",
        f"{person(rng)}, a {rng.choice(OCCUPATIONS)} in {p.town}, said she had spent most of the week trying to reach "
        f"relatives in {p.villages[1]}. “{rng.choice(_QUOTES)}. We call and call, and nobody answers. My mother is "
        f"{rng.randint(70, 93)} and she does not want to leave her house,” she said, standing outside a school that "
        f"has been turned into a shelter.",
        f"The last census, carried out in {y(2011, 2022)}, counted {n(rng.randint(40, 900) * 1000)} inhabitants in "
        f"{p.province} province, but local officials say the real figure is lower because many young people have "
        f"moved to {p.capital} or abroad in search of work over the past {maybe_word(rng, rng.choice((10, 20, 30)))} "
        f"years.",
        f"Officials in {p.capital} have repeatedly promised more money for the provinces. A development plan "
        f"announced in {y(2016, 2023)} set aside funds for new roads, clinics and schools in {p.province}, but an "
        f"audit published {rng.choice(('last year', 'two years later', 'in the spring'))} found that only a fraction "
        f"had been spent, and that several projects existed only on paper.",
        f"The {rng.choice(('European Union', 'African Union', 'United Nations', 'regional development bank'))} said "
        f"on {rng.choice(WEEKDAYS)} it was following events in {p.province} closely and stood ready to help. A "
        f"spokesperson for the organisation declined to say whether any request for assistance had been received "
        f"from {p.capital}.",
        f"Videos shared on social media, which could not be immediately verified, appeared to show crowds in the "
        f"streets of {p.town} and long queues outside shops. Some users accused the authorities of withholding "
        f"information; others urged calm and shared the numbers of emergency hotlines.",
        f"{p.town} was founded as a trading post on the {p.river} in the {rng.choice(('16th', '17th', '18th', '19th'))} "
        f"century and grew rapidly after a railway reached it in {y(1880, 1935)}. Its old market hall, built in "
        f"{y(1890, 1930)}, is one of the few buildings in the province listed as a national monument.",
        f"Analysts say the government, which faces elections in {y(2025, 2027)}, can ill afford another crisis. "
        f"“{rng.choice(('Every week of bad news costs them support', 'They have very little political capital left', 'The provinces decide elections here'))},” "
        f"said {person(rng)}, a political scientist at the University of {p.capital}, who has studied the region "
        f"for {maybe_word(rng, rng.choice((10, 12, 20)))} years.",
        f"Schools in parts of {p.province} were closed for the rest of the week, the education department said, and "
        f"{maybe_word(rng, rng.choice((2, 3, 4)))} regional airports cancelled or delayed some flights. Rail services "
        f"between {p.town} and {p.capital} were running with delays of up to {rng.randint(2, 6)} hours.",
        f"“{rng.choice(_QUOTES)},” said {person(rng)}, {rng.randint(20, 80)}, who runs a small café near the main "
        f"square in {p.town}. “{rng.choice(_QUOTES)}. We will manage somehow, we always do.”",
    ]
    if topic in ("disaster", "outage"):
        paras.append(
            f"The {p.country} Red Cross said it had deployed {rng.choice(('dozens of', 'several', 'two dozen'))} "
            f"volunteers and opened temporary shelters in schools and sports halls in {p.town}."
        )
    if topic in ("economy", "strike", "protest"):
        paras.append(
            f"Public sector wages in {p.country} rose by {round(rng.uniform(1, 9), 1)} percent last year, "
            f"well below inflation, according to figures from the finance ministry."
        )
    rng.shuffle(paras)
    return paras


def _words(text: str) -> int:
    return len(text.split())


def _story_articles(
    rng: random.Random, sid: int, start: datetime, conflict: bool
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    p = Places(rng)
    topic = rng.choice(tuple(TOPICS))
    k = rng.choice((2, 3, 3, 4, 4, 5, 6))
    month = MONTHS[start.month - 1]
    plan = TOPICS[topic](rng, p, k, conflict, month)
    background = _background(rng, p, topic)
    arts = []
    for j, core in enumerate(plan.cores):
        target = rng.randint(400, 900)
        paras = [x for x in core.paragraphs if x]
        pool = background[:]
        rng.shuffle(pool)
        body: list[str] = paras[:1]
        rest = paras[1:]
        # the core first (lead, then its figures), background woven in after the second paragraph
        while rest or (pool and _words(" ".join(body)) < target):
            if rest and (len(body) < 3 or rng.random() < 0.55 or not pool):
                body.append(rest.pop(0))
            elif pool:
                body.append(pool.pop())
            if _words(" ".join(body)) >= 900 and not rest:
                break
        published = start + timedelta(hours=core.hours, minutes=rng.randint(0, 59))
        aid = f"gen-{sid:05d}-{j + 1}"
        arts.append(
            {
                "id": aid,
                "source": core.outlet,
                "published_at": published.strftime("%Y-%m-%dT%H:%M:%SZ"),
                "title": core.title,
                "text": "\n\n".join(body),
                "url": f"https://news.example/{core.outlet.lower().replace(' ', '-')}/{aid}",
                "language": "en",
            }
        )
    truth = {
        "story": sid,
        "topic": topic,
        "conflict": plan.conflict,
        "articles": [a["id"] for a in arts],
        "planted_in": [a["id"] for a, c in zip(arts, plan.cores, strict=True) if c.planted],
        "places": {"country": p.country, "province": p.province, "town": p.town},
    }
    return arts, truth


def generate(
    articles: int,
    seed: int,
    conflict_share: float = 0.3,
    per_day: float = 240.0,
    truth: list[dict[str, Any]] | None = None,
) -> Iterator[dict[str, Any]]:
    """Yield `articles` articles in publication order (stories interleaved). `per_day` sets the stream's
    density: stories start uniformly over articles/per_day days."""
    rng = random.Random(seed)
    span_h = max(1.0, articles / per_day * 24)
    out: list[dict[str, Any]] = []
    sid = 0
    while len(out) < articles * 1.08 + 8:
        start = EPOCH + timedelta(hours=rng.uniform(0, span_h))
        arts, t = _story_articles(rng, sid, start, rng.random() < conflict_share)
        out.extend(arts)
        if truth is not None:
            truth.append(t)
        sid += 1
    out.sort(key=lambda a: (a["published_at"], a["id"]))
    kept = out[:articles]
    if truth is not None:
        ids = {a["id"] for a in kept}
        truth[:] = [
            dict(
                t,
                articles=[a for a in t["articles"] if a in ids],
                planted_in=[a for a in t["planted_in"] if a in ids],
            )
            for t in truth
        ]
        truth[:] = [t for t in truth if t["articles"]]
    yield from kept


def main(argv: list[str] | None = None, out: IO[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="claimwatch bench generate", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, required=True, help="number of articles to write")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same stream)")
    ap.add_argument(
        "--conflict-share", type=float, default=0.3, help="share of stories with a planted conflict"
    )
    ap.add_argument(
        "--per-day", type=float, default=240.0, help="articles per simulated day (stream density)"
    )
    ap.add_argument(
        "--truth", help="also write one JSON line per story: topic, planted conflict, article ids"
    )
    args = ap.parse_args(argv)
    out = out or sys.stdout
    truth: list[dict[str, Any]] | None = [] if args.truth else None
    for art in generate(args.articles, args.seed, args.conflict_share, args.per_day, truth):
        out.write(json.dumps(art, ensure_ascii=False) + "\n")
    if args.truth and truth is not None:
        with open(args.truth, "w", encoding="utf-8") as fh:
            for t in truth:
                fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
