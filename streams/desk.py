"""`claimwatch desk`: the review page. Follows the alerts topic (or a replay's output file), shows the
alerts grouped by story with the two claims side by side, and publishes each verdict to the feedback
topic (keyed by alert id). Verdicts are read back from that topic at start, so they survive a restart;
mute rules are kept in the state directory.

Web stack: aiohttp's server and Jinja2 templates (autoescaped), rendered on the server; no script on the
page. Kafka: kafka-python, a reader thread for the topics and one producer. It binds 127.0.0.1 by default;
any other address needs an access token (CLAIMWATCH_DESK_TOKEN). A form post from another origin is
refused.
"""

from __future__ import annotations

import asyncio
import hmac
import ipaddress
import json
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlencode, urlsplit

from aiohttp import web
from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import ValidationError

from schemas import DISMISS_REASONS, AlertV2, Feedback

from .deskstate import MUTE_FIELDS, STATUSES, DeskState, Filters, Mute, parts
from .exceptions import ClaimwatchError, ConfigError
from .render import speaker_line, when
from .security import kafka_python_options
from .settings import Settings

log = logging.getLogger(__name__)

TOKEN_COOKIE = "claimwatch_desk_token"
SNOOZE_HOURS = (1, 4, 24, 72)


class DeskError(ClaimwatchError):
    """The review page could not start (broker, topic, file)."""


def check_bind(settings: Settings) -> None:
    """A non-loopback address needs a token."""
    host = settings.desk_host
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and not settings.desk_token:
        raise ConfigError(
            f"the desk would serve {host} without an access token: set CLAIMWATCH_DESK_TOKEN "
            "(--desk-token, 16 or more characters) or bind 127.0.0.1"
        )


class Reader(threading.Thread):
    """Reads the feedback topic (and the alerts topic unless alerts come from a file) from the beginning
    and goes on following them. `caught_up` is set once the feedback topic was read to its end offsets at
    start, so the first page already shows every earlier verdict."""

    def __init__(self, settings: Settings, state: DeskState, alerts_from_topic: bool) -> None:
        super().__init__(name="desk-reader", daemon=True)
        self.settings = settings
        self.state = state
        self.alerts_from_topic = alerts_from_topic
        self.caught_up = threading.Event()
        self.halt = threading.Event()
        self.error: str | None = None

    def run(self) -> None:
        from kafka import KafkaConsumer, TopicPartition

        try:
            consumer = KafkaConsumer(
                bootstrap_servers=self.settings.bootstrap_servers,
                group_id=None,
                enable_auto_commit=False,
                client_id="claimwatch-desk",
                **kafka_python_options(self.settings),
            )
        except Exception as exc:  # reported by start(), which waits for caught_up
            self.error = f"no Kafka broker reachable at {self.settings.broker}: {exc}"
            self.caught_up.set()
            return
        try:
            topics = [self.settings.topic_feedback]
            if self.alerts_from_topic:
                topics.append(self.settings.topic_alerts)
            tps = []
            for topic in topics:
                parts_ = consumer.partitions_for_topic(topic)
                if not parts_:
                    self.error = f"topic {topic!r} not found; run `claimwatch topics create` first"
                    self.caught_up.set()
                    return
                tps += [TopicPartition(topic, p) for p in sorted(parts_)]
            consumer.assign(tps)
            consumer.seek_to_beginning(*tps)
            feedback = [tp for tp in tps if tp.topic == self.settings.topic_feedback]
            ends = consumer.end_offsets(feedback)
            while not self.halt.is_set():
                for tp, records in consumer.poll(timeout_ms=200).items():
                    for record in records:
                        self.apply(tp.topic, record)
                if not self.caught_up.is_set() and all(consumer.position(tp) >= ends[tp] for tp in feedback):
                    self.caught_up.set()
        except Exception as exc:
            self.error = f"reading the topics failed: {exc}"
            self.caught_up.set()
            log.exception("desk: reading the topics failed")
        finally:
            consumer.close()

    def apply(self, topic: str, record: Any) -> None:
        try:
            if topic == self.settings.topic_feedback:
                self.state.add_feedback(Feedback.model_validate_json(record.value))
            else:
                self.state.add_alert(AlertV2.model_validate_json(record.value))
        except ValidationError as exc:
            log.warning(
                "desk: skipping unreadable record %s[%s]@%s: %s",
                topic,
                record.partition,
                record.offset,
                exc.errors()[0]["msg"],
            )


class FileFollower(threading.Thread):
    """Alerts from a JSONL file (`claimwatch replay` output): read at start, then lines appended."""

    def __init__(self, path: Path, state: DeskState) -> None:
        super().__init__(name="desk-file", daemon=True)
        self.path = path
        self.state = state
        self.halt = threading.Event()
        self.fh: IO[str] = path.open(encoding="utf-8")
        self.read_available()

    def read_available(self) -> int:
        n = 0
        while line := self.fh.readline():
            if not line.endswith("\n"):  # a line being written: read it whole next time
                self.fh.seek(self.fh.tell() - len(line.encode("utf-8")))
                break
            if not line.strip():
                continue
            try:
                self.state.add_alert(AlertV2.model_validate_json(line))
                n += 1
            except ValidationError as exc:
                log.warning(
                    "desk: skipping a line of %s that is no alert v2: %s", self.path, exc.errors()[0]["msg"]
                )
        return n

    def run(self) -> None:
        while not self.halt.wait(1.0):
            self.read_available()


class Publisher:
    """Verdicts to the feedback topic, keyed by alert id, acknowledged by every in-sync replica."""

    def __init__(self, settings: Settings) -> None:
        from kafka import KafkaProducer

        self.topic = settings.topic_feedback
        self.producer = KafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            acks="all",
            client_id="claimwatch-desk",
            **kafka_python_options(settings),
        )

    def publish(self, verdict: Feedback) -> None:
        future = self.producer.send(
            self.topic, key=verdict.alert_id.encode(), value=verdict.model_dump_json().encode()
        )
        future.get(timeout=30)

    def close(self) -> None:
        self.producer.close(timeout=5)


def _env() -> Environment:
    env = Environment(loader=PackageLoader("streams", "templates"), autoescape=select_autoescape(["html"]))
    env.globals.update(
        parts=parts,
        speaker_line=speaker_line,
        when=when,
        reasons=DISMISS_REASONS,
        snooze_hours=SNOOZE_HOURS,
        statuses=STATUSES,
        mute_fields=MUTE_FIELDS,
        urlencode=urlencode,
    )
    return env


def _same_origin(request: web.Request) -> bool:
    origin = request.headers.get("Origin") or request.headers.get("Referer")
    if not origin or origin == "null":
        return origin is None
    return urlsplit(origin).netloc == request.host


def make_app(state: DeskState, publish: Callable[[Feedback], None], token: str = "") -> web.Application:
    env = _env()
    page = env.get_template("desk.html")

    @web.middleware
    async def guard(
        request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        if token and request.path != "/healthz":
            given = request.query.get("token")
            if given is not None and hmac.compare_digest(given, token):
                rest = {k: v for k, v in request.query.items() if k != "token"}
                resp = web.HTTPSeeOther(request.path + ("?" + urlencode(rest) if rest else ""))
                resp.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="Strict")
                raise resp
            bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
            cookie = request.cookies.get(TOKEN_COOKIE, "")
            if not (hmac.compare_digest(bearer, token) or hmac.compare_digest(cookie, token)):
                raise web.HTTPUnauthorized(text="claimwatch desk: an access token is required (?token=...)\n")
        if request.method == "POST" and not _same_origin(request):
            raise web.HTTPForbidden(text="claimwatch desk: a form from another origin is refused\n")
        return await handler(request)

    async def index(request: web.Request) -> web.Response:
        filters = Filters.parse(dict(request.query))
        stories, muted = state.view(filters)
        html = page.render(
            stories=stories,
            muted=muted,
            filters=filters,
            back="/?" + urlencode(filters.query()),
            choices=state.choices(),
            mutes=list(state.mutes),
            total=len(state.alerts),
            flash=request.query.get("done", ""),
        )
        return web.Response(text=html, content_type="text/html")

    def back_to(form: Any, done: str = "") -> web.HTTPSeeOther:
        back = str(form.get("back") or "/")
        if not back.startswith("/") or back.startswith("//"):
            back = "/"
        if done:
            back += ("&" if "?" in back else "?") + urlencode({"done": done})
        return web.HTTPSeeOther(back)

    async def verdict(request: web.Request) -> web.Response:
        alert_id = request.match_info["alert_id"]
        form = await request.post()
        alert = state.alerts.get(alert_id)
        if alert is None:
            raise web.HTTPNotFound(text=f"no alert {alert_id}\n")
        what = str(form.get("verdict", ""))
        now = datetime.now(timezone.utc)
        fields: dict[str, Any] = {}
        if what == "dismiss":
            fields["reason"] = str(form.get("reason") or "other")
        elif what == "snooze":
            try:
                hours = int(str(form.get("hours") or 24))
            except ValueError:
                hours = 24
            fields["snooze_until"] = now + timedelta(hours=min(max(hours, 1), 24 * 30))
        try:
            record = Feedback(
                alert_id=alert_id,
                verdict=what,  # type: ignore[arg-type]
                note=str(form.get("note") or "")[:2000],
                decided_at=now,
                rule=alert.rule,
                kind=alert.kind,
                story_id=alert.story_id,
                confidence=alert.confidence,
                **fields,
            )
        except ValidationError as exc:
            raise web.HTTPBadRequest(text=f"bad verdict: {exc.errors()[0]['msg']}\n") from None
        await asyncio.get_running_loop().run_in_executor(None, publish, record)
        state.add_feedback(record)
        raise back_to(form, f"{what} {alert_id}")

    async def mute(request: web.Request) -> web.Response:
        form = await request.post()
        rule = Mute(str(form.get("field", "")), str(form.get("value", ""))[:500])
        if rule.field not in MUTE_FIELDS or not rule.value:
            raise web.HTTPBadRequest(text="a mute rule is an outlet, a story or a rule, with a value\n")
        if form.get("remove"):
            state.unmute(rule)
        else:
            state.mute(rule)
        raise back_to(form)

    async def alerts_json(request: web.Request) -> web.Response:
        stories, muted = state.view(Filters.parse(dict(request.query)))
        doc = {
            "muted": muted,
            "stories": [
                {
                    "story_id": s.story_id,
                    "label": s.label,
                    "alerts": [
                        {"status": c.status, "alert": c.alert.model_dump(mode="json")} for c in s.cards
                    ],
                }
                for s in stories
            ],
        }
        return web.json_response(doc, dumps=lambda d: json.dumps(d, ensure_ascii=False))

    async def healthz(request: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    app = web.Application(middlewares=[guard], client_max_size=64 * 1024)
    app.router.add_get("/", index)
    app.router.add_post("/alerts/{alert_id}/verdict", verdict)
    app.router.add_post("/mutes", mute)
    app.router.add_get("/alerts.json", alerts_json)
    app.router.add_get("/healthz", healthz)
    return app


async def serve(app: web.Application, host: str, port: int, err: IO[str], what: str) -> None:
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = runner.addresses[0][1] if runner.addresses else port
    shown = f"[{host}]" if ":" in host else host
    print(f"desk: serving http://{shown}:{bound}/ ({what})", file=err, flush=True)
    try:
        while True:
            await asyncio.sleep(3600)
    finally:
        await runner.cleanup()


def run_desk(settings: Settings, err: IO[str], alerts_file: str | None, state_dir: str) -> int:
    check_bind(settings)
    state = DeskState(mutes_path=Path(state_dir) / "mutes.json")
    follower = None
    if alerts_file:
        path = Path(alerts_file)
        if not path.is_file():
            raise ConfigError(f"alerts file not found: {alerts_file}")
        follower = FileFollower(path, state)
    reader = Reader(settings, state, alerts_from_topic=follower is None)
    reader.start()
    started = time.monotonic()
    while not reader.caught_up.wait(5.0):
        print(f"desk: reading earlier verdicts from {settings.topic_feedback} ...", file=err, flush=True)
        if time.monotonic() - started > 120:
            raise DeskError(f"the feedback topic {settings.topic_feedback!r} was not read within 120 s")
    if reader.error:
        raise DeskError(reader.error)
    if follower is not None:
        follower.start()
    publisher = Publisher(settings)
    source = f"alerts from {alerts_file}" if alerts_file else f"alerts from topic {settings.topic_alerts}"
    what = f"{source}; {len(state.verdicts)} earlier verdicts; verdicts to topic {settings.topic_feedback}"
    try:
        asyncio.run(
            serve(
                make_app(state, publisher.publish, settings.desk_token),
                settings.desk_host,
                settings.desk_port,
                err,
                what,
            )
        )
    finally:
        reader.halt.set()
        if follower is not None:
            follower.halt.set()
        publisher.close()
    return 0
