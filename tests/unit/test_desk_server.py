"""The review page's server and state without a broker: aiohttp's test server over a DeskState, verdicts
collected where the desk would publish them; the feedback record's rules and the feedback report."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import ValidationError

from schemas import AlertV2, Feedback
from streams.alerting import to_v2
from streams.core.guard import parse_article
from streams.desk import check_bind, make_app
from streams.deskstate import DeskState, Filters, Mute
from streams.exceptions import ConfigError
from streams.feedback import last_verdicts, report, tally
from streams.runtime import make_pipeline
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / ".." / "shared" / "seeds" / "kursk-article.jsonl"
TOKEN = "t0k3n-for-the-desk-tests"


def rally(aid: str, source: str, when: str, figure: str, who: str) -> bytes:
    text = f"TARVONA, May 3 - {who} said {figure} people took part in the march in Tarvona on Saturday."
    doc = {
        "id": aid,
        "source": source,
        "published_at": when,
        "title": f"March in Tarvona ({source})",
        "text": text,
    }
    return json.dumps({**doc, "url": f"https://news.example/{aid}"}).encode()


@pytest.fixture(scope="module")
def alerts() -> list[AlertV2]:
    pipeline = make_pipeline(Settings())
    raws = [
        SEED.read_bytes().strip(),
        rally("rally-1", "Tarvona Post", "2025-05-03T10:00:00Z", "about 240,000", "Police"),
        rally("rally-2", "Wire", "2025-05-03T12:00:00Z", "1.2 million", "The organisers"),
    ]
    out = [to_v2(a) for raw in raws for a in pipeline.process_article(parse_article(raw), 0.0)]
    assert sorted(a.kind for a in out) == ["numeric_conflict", "statement_conflict"]
    return out


def state_of(alerts: list[AlertV2], tmp_path: Path) -> DeskState:
    state = DeskState(mutes_path=tmp_path / "mutes.json")
    for a in alerts:
        state.add_alert(a)
    return state


def ids_on(html: str) -> list[str]:
    return re.findall(r'data-alert-id="([0-9a-f]+)"', html)


def by_kind(alerts: list[AlertV2], kind: str) -> AlertV2:
    (alert,) = [a for a in alerts if a.kind == kind]
    return alert


async def client(state: DeskState, published: list[Feedback], token: str = "") -> TestClient:
    c = TestClient(TestServer(make_app(state, published.append, token)))
    await c.start_server()
    return c


async def test_page_groups_alerts_by_story_newest_first_and_filters(alerts, tmp_path) -> None:
    c = await client(state_of(alerts, tmp_path), [])
    try:
        html = await (await c.get("/")).text()
        stories = re.findall(r'<section class="story" data-story-id="[0-9a-f]+">\s*<h2>(\w+)', html)
        assert stories == ["Tarvona", "Kursk"]  # the rally (2025) is newer than the seed (2024)
        numeric = by_kind(alerts, "numeric_conflict")
        assert ids_on(await (await c.get("/?kind=numeric_conflict")).text()) == [numeric.alert_id]
        assert ids_on(await (await c.get("/?q=kremlin")).text()) == [
            by_kind(alerts, "statement_conflict").alert_id
        ]
        assert ids_on(await (await c.get("/?outlet=wire")).text()) == [numeric.alert_id]
        assert ids_on(await (await c.get("/?min_confidence=0.99")).text()) == []
        assert "<mark>1.2 million</mark>" in html and 'href="https://news.example/rally-2"' in html
        doc = await (await c.get("/alerts.json?rule=numeric_mismatch.v1")).json()
        assert [s["label"] for s in doc["stories"]] == ["Tarvona"]
    finally:
        await c.close()


async def test_dismiss_publishes_a_verdict_and_moves_the_alert_out_of_the_open_view(alerts, tmp_path) -> None:
    published: list[Feedback] = []
    state = state_of(alerts, tmp_path)
    c = await client(state, published)
    seed = by_kind(alerts, "statement_conflict")
    try:
        resp = await c.post(
            f"/alerts/{seed.alert_id}/verdict",
            data={
                "verdict": "dismiss",
                "reason": "misattributed",
                "note": "the quote is the ministry's",
                "back": "/?kind=statement_conflict",
            },
            headers={"Origin": f"http://{c.host}:{c.port}"},
            allow_redirects=False,
        )
        assert resp.status == 303
        assert resp.headers["Location"] == f"/?kind=statement_conflict&done=dismiss+{seed.alert_id}"
        [verdict] = published
        assert (verdict.alert_id, verdict.verdict, verdict.reason, verdict.rule, verdict.note) == (
            seed.alert_id,
            "dismiss",
            "misattributed",
            "outcome_polarity.v1",
            "the quote is the ministry's",
        )
        assert seed.alert_id not in ids_on(await (await c.get("/")).text())
        dismissed = await (await c.get("/?status=dismissed")).text()
        assert ids_on(dismissed) == [seed.alert_id] and "dismiss: misattributed" in dismissed
        resp = await c.post(
            f"/alerts/{seed.alert_id}/verdict",
            data={"verdict": "snooze", "hours": "4"},
            allow_redirects=False,
        )
        assert resp.status == 303 and published[-1].snooze_until is not None
        assert state.status(seed.alert_id, datetime.now(timezone.utc)) == "snoozed"
        later = datetime.now(timezone.utc) + timedelta(hours=5)
        assert state.status(seed.alert_id, later) == "open"
        assert (await c.post("/alerts/nope/verdict", data={"verdict": "confirm"})).status == 404
        assert (await c.post(f"/alerts/{seed.alert_id}/verdict", data={"verdict": "maybe"})).status == 400
    finally:
        await c.close()


async def test_a_form_from_another_origin_is_refused(alerts, tmp_path) -> None:
    published: list[Feedback] = []
    c = await client(state_of(alerts, tmp_path), published)
    try:
        resp = await c.post(
            f"/alerts/{alerts[0].alert_id}/verdict",
            data={"verdict": "confirm"},
            headers={"Origin": "https://elsewhere.example"},
        )
        assert resp.status == 403 and published == []
    finally:
        await c.close()


async def test_an_access_token_is_required_when_set(alerts, tmp_path) -> None:
    c = await client(state_of(alerts, tmp_path), [], token=TOKEN)
    try:
        assert (await c.get("/")).status == 401
        assert (await c.get("/?token=wrong-token-of-some-length")).status == 401
        assert (await c.get("/healthz")).status == 200
        resp = await c.get(f"/?kind=numeric_conflict&token={TOKEN}", allow_redirects=False)
        assert resp.status == 303 and resp.headers["Location"] == "/?kind=numeric_conflict"
        assert "HttpOnly" in resp.headers["Set-Cookie"] and "SameSite=Strict" in resp.headers["Set-Cookie"]
        assert (await c.get("/")).status == 200  # the cookie set above
        c.session.cookie_jar.clear()
        assert (await c.get("/", headers={"Authorization": f"Bearer {TOKEN}"})).status == 200
    finally:
        await c.close()


async def test_mute_rules_hide_alerts_and_are_kept(alerts, tmp_path) -> None:
    state = state_of(alerts, tmp_path)
    c = await client(state, [])
    try:
        resp = await c.post("/mutes", data={"field": "outlet", "value": "afp"}, allow_redirects=False)
        assert resp.status == 303
        html = await (await c.get("/")).text()
        assert ids_on(html) == [by_kind(alerts, "numeric_conflict").alert_id]
        assert "1 hidden by mute rules" in html
        assert DeskState(mutes_path=tmp_path / "mutes.json").mutes == [Mute("outlet", "afp")]
        await c.post("/mutes", data={"field": "outlet", "value": "afp", "remove": "1"})
        assert len(ids_on(await (await c.get("/")).text())) == 2
        assert (await c.post("/mutes", data={"field": "speaker", "value": "x"})).status == 400
    finally:
        await c.close()


def test_story_and_rule_mutes(alerts) -> None:
    numeric = by_kind(alerts, "numeric_conflict")
    assert Mute("story", numeric.story_id).hides(numeric)
    assert Mute("rule", "numeric_mismatch.v1").hides(numeric)
    assert not Mute("rule", "numeric_mismatch.v1").hides(by_kind(alerts, "statement_conflict"))


def test_filters_from_a_query_string() -> None:
    f = Filters.parse({"min_confidence": "abc", "status": "bogus", "kind": " numeric_conflict "})
    assert (f.min_confidence, f.status, f.kind) == (0.0, "open", "numeric_conflict")
    assert Filters.parse({"min_confidence": "7"}).min_confidence == 1.0
    assert Filters(kind="numeric_conflict", min_confidence=0.5).query() == {
        "kind": "numeric_conflict",
        "min_confidence": "0.5",
    }


def test_only_the_loopback_goes_without_a_token() -> None:
    check_bind(Settings())
    check_bind(Settings(desk_host="::1"))
    with pytest.raises(ConfigError, match="CLAIMWATCH_DESK_TOKEN"):
        check_bind(Settings(desk_host="0.0.0.0"))
    check_bind(Settings(desk_host="0.0.0.0", desk_token=TOKEN))
    with pytest.raises(ValidationError, match="16 characters"):
        Settings(desk_token="short")


def verdict(
    alert_id: str, what: str, reason: str | None = None, rule: str = "numeric_mismatch.v1", **kw
) -> Feedback:
    return Feedback(
        alert_id=alert_id,
        verdict=what,
        reason=reason,
        decided_at=datetime(2025, 5, 3, tzinfo=timezone.utc),
        rule=rule,
        kind="numeric_conflict",
        story_id="s",
        confidence=kw.pop("confidence", 0.75),
        **kw,
    )


def test_a_reason_goes_with_dismiss_only() -> None:
    with pytest.raises(ValidationError, match="reason goes with dismiss"):
        verdict("a", "dismiss")
    with pytest.raises(ValidationError, match="reason goes with dismiss"):
        verdict("a", "confirm", "other")
    with pytest.raises(ValidationError, match="snooze_until goes with snooze"):
        verdict("a", "confirm", snooze_until=datetime(2025, 5, 4, tzinfo=timezone.utc))


def test_feedback_report_counts_the_last_verdict_per_alert() -> None:
    records = [
        verdict("a", "dismiss", "other").model_dump_json().encode(),
        verdict("a", "confirm").model_dump_json().encode(),  # changed their mind: this one counts
        verdict("b", "dismiss", "different_measure").model_dump_json().encode(),
        verdict("c", "confirm", confidence=0.95).model_dump_json().encode(),
        verdict("d", "dismiss", "not_same_event", rule="outcome_polarity.v1").model_dump_json().encode(),
        verdict("e", "snooze").model_dump_json().encode(),
        b"not a verdict",
        None,  # a tombstone
    ]
    latest, bad = last_verdicts(records)
    assert [f.alert_id for f in latest] == ["a", "b", "c", "d", "e"] and bad == 1
    rep = tally(latest, bad)
    assert (rep.rules["numeric_mismatch.v1"].precision, rep.rules["outcome_polarity.v1"].precision) == (
        0.667,
        0.0,
    )
    assert rep.overall.precision == 0.5 and rep.overall.snoozed == 1
    assert dict(rep.reasons) == {"different_measure": 1, "not_same_event": 1}
    assert rep.bands["0.9-1.0"].confirmed == 1
    text = report(rep)
    assert text.startswith(
        "feedback-report: 5 alerts judged: 2 confirmed, 2 dismissed, 1 snoozed; precision 0.50"
    )
    assert re.search(r"numeric_mismatch\.v1\s+2\s+1\s+1\s+0\.67", text)
    assert re.search(r"not the same event\s+1\s+50%\s+\(outcome_polarity\.v1 1\)", text)
    doc = json.loads(report(rep, "json"))
    assert doc["rules"]["outcome_polarity.v1"]["precision"] == 0.0 and doc["unreadable"] == 1
