"""Claimants: who a speaker phrase stands for, and when two claimants are one.

Reads: a speaker phrase as attribution found it ("army spokesman Brig. Gen. Nabil Abdallah", "the ministry's
spokeswoman"). Emits: the claimant (the organisation a person speaks for, else the person's surname) and
its kind, and whether two claimants are the same (`same_source`).
"""

from __future__ import annotations

import re

from schemas.claim import SpeakerKind

ANON = re.compile(
    r"\b(?:unnamed|anonymous|anonymity|asked not to be (?:named|identified)|who declined to be named|"
    r"speaking on condition|sources? (?:close to|familiar with)|officials? with (?:direct )?knowledge|"
    r"(?:person|people|sources?|officials?) (?:briefed on|familiar with|with knowledge of))\b",
    re.IGNORECASE,
)

ORG_HEADS = (
    "ministry|agency|army|police|government|railway|railways|service|union|company|operator|federation|"
    "commission|council|office|department|authority|secretariat|directorate|court|club|party|utility|"
    "distributor|institute|foundation|bureau|kremlin|military|administration|forces|group|board|brigade|"
    "association|committee|inspectorate|firm|corporation|bank|hospital|league|municipality|prefecture|"
    "press service|spokesman|spokeswoman|spokesperson|organisation|organization|embassy|presidency|"
    "secretary|mayor|governor|minister|president|chief|prosecutor|prosecutors|lawyers|residents|traders|"
    "teachers|doctors|workers|witnesses|officials|official|source|sources|statement|bulletin|data|"
    "report|trader|coalition|alliance|centre|center|utility|fire service|delegation|protection|"
    "management|headquarters|regulator|operator|commissioner|organi[sz]ers|campaigners|activists|"
    "protesters|demonstrators|rescuers|investigators|analysts|faction|movement|militia|guerrillas|rebels|"
    "insurgents|separatists"
)
_ORG = re.compile(rf"\b((?:[A-Za-z'’\-]+\s+){{0,4}}?(?:{ORG_HEADS}))\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    r"\b(?:spokesman|spokeswoman|spokesperson|spokesmen|chief|head|director|director-general|"
    r"minister|secretary|official|officials|coordinator|commander|leader|chairman|chairwoman|president|"
    r"treasurer|administrator|ceo|manager|representative|officer)\b",
    re.IGNORECASE,
)
#: words ranking a role ("general secretary", "deputy minister"): part of the role, not of the organisation
_ROLE_RANK = re.compile(
    r"\b(?:(?:deputy|senior|acting|assistant|vice)[\s-]+(?=(?:[A-Za-z]+\s+){0,2}?(?:ROLES)\b)|"
    r"(?:general|executive)[\s-]+(?=(?:ROLES)\b))".replace(
        "ROLES",
        "secretary|minister|director|manager|chief|spokesman|spokeswoman|spokesperson|president|commander|"
        "officer",
    ),
    re.IGNORECASE,
)
_TITLES = re.compile(
    r"\b(?:mr|mrs|ms|dr|prof|lieutenant[- ]colonel|lieutenant|colonel|general|brigadier general|brigadier|"
    r"major|captain|sergeant|governor|mayor|minister|president|director-general|senator)\.?\s+",
    re.IGNORECASE,
)
_STOP = {"the", "a", "an", "its", "his", "her", "their", "our", "of", "in", "on", "for", "and", "'s", "s"}


# generic heads that name the same kind of organisation
_SYNONYMS = {
    "operator": "company",
    "firm": "company",
    "carrier": "company",
    "maker": "company",
    "manufacturer": "company",
    "distributor": "company",
    "utility": "company",
    "corporation": "company",
    "spokesman": "",
    "spokeswoman": "",
    "spokesperson": "",
}


_WHEN = re.compile(
    r"\s+(?:on|last|this|late|early)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|"
    r"month|night|morning|evening|afternoon)\b.*$|\s+(?:yesterday|today|overnight)\b.*$",
    re.IGNORECASE,
)
#: a named body's role, in lower case after its possessive: "Lusomed's general counsel", "Acme's lawyers"
_POSSESSED_ROLE = re.compile(
    r"(?:the\s+)?((?:[^\W\d_][\w\-]*\s+){0,3}[^\W\d_][\w\-]*)'s?\s+(?:[a-z][a-z\-]*\s+){0,2}"
    r"(?:counsel|lawyers?|attorneys?|spokes(?:man|woman|person)|chief|head|director|manager|officer|"
    r"executive|chairman|chairwoman|president|secretary|treasurer|representative|official|coordinator)"
)
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "its", "their", "our", "his", "her", "another"})


def normalise_claimant(phrase: str) -> tuple[str, SpeakerKind]:
    """Return (claimant, kind). Organisations win over the person speaking for them:
    'army spokesman Brigadier General Nabil Abdallah' -> ('army', 'organisation');
    'Colonel Abdelilah Amrani, the directorate's regional commander' -> ('directorate', 'organisation');
    'Danubius Gas Trading, the Romanian company named by ...' -> ('danubius gas trading', 'organisation')."""
    p = phrase.strip().strip("\"“”'‘’()").replace("’", "'")
    p = _WHEN.sub("", p)  # "Statistics Estonia on Monday": the time is not part of the name
    name, _, appos = p.partition(", ")
    if re.fullmatch(r"\d{1,3}", appos.strip()):
        appos = ""  # "Hichem Ben Slama, 57": an age, not a description
    if ANON.search(p):
        org = _org_of(p)
        return (org or "anonymous source", "anonymous")
    org = _org_of(name)
    if org:
        return org, "organisation"
    if appos and _ROLE_WORDS.search(appos):
        org = _org_of(appos)
        if org:
            return org, "organisation"
    own = _POSSESSED_ROLE.fullmatch(name.strip())
    if (
        own and own.group(1)[:1].isupper()
    ):  # "Lusomed's general counsel": a role at a named body, which it speaks for
        return own.group(1).lower(), "organisation"
    words = re.findall(r"[^\W\d_][\w'\-]+", _TITLES.sub("", name))
    words = [w for w in words if w.lower() not in _DETERMINERS]  # "An independent panel": no name "An"
    caps = [w for w in words if w[:1].isupper()]
    if re.fullmatch(
        r"(?:[A-Z][\w'\-]+\s+)+(?:for|of|and|on)\s+[A-Z][\w'\-]+(?:\s+[A-Z][\w'\-]+)*", name.strip()
    ):
        return " ".join(w.lower() for w in words), "organisation"  # "Transport for London": a named body
    if len(caps) >= 2 and (appos and not _ROLE_WORDS.search(appos) or re.match(r"the\s", name, re.I)):
        return " ".join(w.lower() for w in caps), "organisation"  # a named body ("the Red Cross", "X, a ...")
    if caps:
        return caps[-1].lower(), "person"
    return (" ".join(words[-2:]).lower() or "unknown"), "organisation"


def _org_of(p: str) -> str | None:
    """The organisation a speaker phrase names, as the words of all its organisation heads:
    "Kyiv's military administrator" -> "kyiv military";
    "the court's press service" -> "court press service";
    "the ethics committee of the athletics council" -> "ethics committee" (the body before "of" speaks)."""
    head, of, _parent = p.partition(" of ")
    if of and head.strip():
        own = _org_of(head)
        if own:
            return own
    p = _ROLE_RANK.sub("", p)  # "LFF general secretary": the rank is part of the role, not of the body
    words: list[str] = []
    for m in _ORG.finditer(p):
        head = m.group(1).lower().replace("'s", "")
        for w in re.findall(r"[a-z][a-z\-]+", head):
            if w in _STOP or _ROLE_WORDS.fullmatch(w):
                continue
            w = _SYNONYMS.get(w, w)
            if w and w not in words:
                words.append(w)
    if not words:
        return None
    return " ".join(words[-4:])


#: levels of government or jurisdiction: two bodies named at different levels are different claimants
#: ("the local election commission" is not "the national election commission")
_LEVELS = frozenset(
    {
        "local",
        "city",
        "municipal",
        "provincial",
        "regional",
        "county",
        "district",
        "state",
        "national",
        "federal",
    }
)


#: claimants that are a bare kind of body ("the company", "the carrier"): in a report about one named body,
#: that body
GENERIC_BODIES = frozenset(
    """company group club bank airline carrier firm operator maker manufacturer insurer lender retailer
    developer brand""".split()
)
#: roles of a person who speaks for the body a report is about when the phrase names no other
_BODY_ROLES = re.compile(
    r"\b(?:spokes(?:man|woman|person)|director|chief executive|ceo|cfo|chairman|chairwoman|treasurer|"
    r"managing partner|general manager)\b",
    re.IGNORECASE,
)


def for_protagonist(name: str, claimant: str, kind: str, protagonist: str | None) -> str:
    """The claimant of a speaker that only says what kind of body it is ("the carrier") or which role it
    holds ("finance director Helen Marlow"), in a report whose lead is about one named body: that body."""
    if protagonist is None:
        return claimant
    if kind == "organisation" and claimant in GENERIC_BODIES:
        return protagonist
    if kind == "person" and _BODY_ROLES.search(name):
        return protagonist
    return claimant


def same_claimant(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = set(a.split()), set(b.split())
    la, lb = wa & _LEVELS, wb & _LEVELS
    if la and lb and la != lb:
        return False
    ha, hb = a.split()[-1], b.split()[-1]
    if ha != hb and ha not in wb and hb not in wa:
        return False  # different heads: "kenya government" is not "kenya teachers union"
    ta = wa - {"state", "national", "government"}
    tb = wb - {"state", "national", "government"}
    if not ta or not tb or "anonymous" in ta or "anonymous" in tb:
        return False
    return ta <= tb or tb <= ta
