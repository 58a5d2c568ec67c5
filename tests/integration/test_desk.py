"""The review page end to end: `claimwatch desk` serving a replay of the dev set, loaded in Debian's
headless chromium (selenium, Debian's chromedriver), a verdict clicked and read back from the feedback
topic on the real broker, the verdict still there after the desk restarts, and `feedback-report` counting
it. The screenshot is written to var/desk/desk.png."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from schemas import AlertV2, Feedback

try:
    from .workerproc import CLAIMWATCH, ROOT, Names, read, send
except ImportError:
    from workerproc import CLAIMWATCH, ROOT, Names, read, send  # type: ignore[no-redef]

pytestmark = pytest.mark.kafka

DEV = ROOT / ".." / "shared" / "eval" / "dev" / "articles.jsonl"
CONSUMER_EXAMPLE = ROOT / "docs" / "examples" / "alerts_consumer.py"
SHOT = ROOT / "var" / "desk" / "desk.png"
KREMLIN = (
    "Last week, the Kremlin insisted that it had regained several villages from Ukrainian forces "
    "in the region."
)
KYIV = "Kyiv’s military administrator in Kursk said that those advances have now been halted."
SEED_URL = "https://news.example/kursk-counteroffensive-halted"


def browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.fail(
            "chromium and chromedriver are needed (Debian packages chromium, chromium-driver): "
            "deploy/check-tools.sh installs them",
            pytrace=False,
        )
    return chromium, driver


@pytest.fixture(scope="module")
def dev_alerts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("desk") / "alerts.jsonl"
    with out.open("wb") as fh:
        done = subprocess.run(
            [str(CLAIMWATCH), "replay", str(DEV)], stdout=fh, stderr=subprocess.PIPE, timeout=300, check=False
        )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    return out


@pytest.fixture
def browser() -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    chromium, driver = browser_paths()
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1360,1000"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service(executable_path=driver), options=options)
    try:
        yield browser
    finally:
        browser.quit()


class Desk:
    """One `claimwatch desk` subprocess on a free port, stopped with SIGTERM (then SIGKILL)."""

    def __init__(self, env: dict[str, str], alerts: Path, state_dir: Path, log: Path) -> None:
        self.log = log
        self.fh = log.open("wb")
        self.proc = subprocess.Popen(
            [str(CLAIMWATCH), "desk", "--alerts-file", str(alerts), "--state-dir", str(state_dir)],
            env={**env, "CLAIMWATCH_DESK_PORT": "0"},
            stdout=self.fh,
            stderr=subprocess.STDOUT,
        )
        self.url = self.wait_url()

    def wait_url(self, timeout: float = 90.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = re.findall(r"desk: serving (http://\S+/)", self.log.read_text(errors="replace"))
            if found:
                return found[-1]
            assert self.proc.poll() is None, f"the desk exited:\n{self.log.read_text()[-3000:]}"
            time.sleep(0.2)
        raise AssertionError(f"the desk did not start:\n{self.log.read_text()[-3000:]}")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=15)
        self.fh.close()


def seed_alert(path: Path) -> AlertV2:
    alerts = [AlertV2.model_validate_json(line) for line in path.read_text().splitlines()]
    (seed,) = [a for a in alerts if {c.article_id for c in a.claims} == {"seed-kursk-001"}]
    return seed


def test_desk_shows_the_seed_side_by_side_and_publishes_a_dismissal(
    kafka_bootstrap: str, names: Names, dev_alerts: Path, browser, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    env = names.env(kafka_bootstrap)
    created = subprocess.run(
        [str(CLAIMWATCH), "topics", "create"], env=env, capture_output=True, timeout=90, check=False
    )
    assert created.returncode == 0, created.stderr.decode()
    seed = seed_alert(dev_alerts)
    desk = Desk(env, dev_alerts, tmp_path / "state", tmp_path / "desk.log")
    try:
        browser.get(desk.url)
        card = browser.find_element(By.CSS_SELECTOR, f'article.alert[data-alert-id="{seed.alert_id}"]')
        story = card.find_element(By.XPATH, "ancestor::section[@class='story']")
        assert story.find_element(By.TAG_NAME, "h2").text.startswith("Kursk")
        earlier = card.find_element(By.CSS_SELECTOR, ".claim.earlier")
        later = card.find_element(By.CSS_SELECTOR, ".claim.later")
        assert earlier.find_element(By.CSS_SELECTOR, "blockquote").text == KREMLIN
        assert later.find_element(By.CSS_SELECTOR, "blockquote").text == KYIV
        assert earlier.find_element(By.TAG_NAME, "mark").text == "regained"
        assert later.find_element(By.TAG_NAME, "mark").text == "halted"
        # side by side: one row, the earlier claim left of the later one
        left, right = earlier.rect, later.rect
        assert abs(left["y"] - right["y"]) < 2 and left["x"] + left["width"] <= right["x"], (left, right)
        for side in (earlier, later):
            link = side.find_element(By.CSS_SELECTOR, "a.article-link")
            assert link.is_displayed() and link.get_attribute("href") == SEED_URL
            assert link.text == "Ukraine says Russian counteroffensive in Kursk halted"
        headings = [
            h.text.split(" ")[0] for h in browser.find_elements(By.CSS_SELECTOR, "section.story > h2")
        ]
        assert len(headings) > 10, "the dev set's alerts, grouped by story"
        browser.execute_script("arguments[0].scrollIntoView()", story)
        SHOT.parent.mkdir(parents=True, exist_ok=True)
        assert browser.save_screenshot(str(SHOT)) and SHOT.stat().st_size > 10_000

        Select(card.find_element(By.CSS_SELECTOR, "select[name=reason]")).select_by_value("not_same_event")
        card.find_element(By.CSS_SELECTOR, "button.dismiss").click()
        WebDriverWait(browser, 30).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".flash"))
        assert browser.find_element(By.CSS_SELECTOR, ".flash").text == f"Recorded: dismiss {seed.alert_id}"
        gone = browser.find_elements(By.CSS_SELECTOR, f'article[data-alert-id="{seed.alert_id}"]')
        assert not gone, "a dismissed alert leaves the open view"
    finally:
        desk.stop()

    records = read(kafka_bootstrap, names.feedback, lambda rs: bool(rs), timeout=30)
    [record] = records
    assert record.key == seed.alert_id.encode()
    verdict = Feedback.model_validate_json(record.value)
    assert (verdict.verdict, verdict.reason, verdict.rule, verdict.story_id) == (
        "dismiss",
        "not_same_event",
        "outcome_polarity.v1",
        seed.story_id,
    )

    # a restarted desk reads the verdict back from the topic
    desk = Desk(env, dev_alerts, tmp_path / "state", tmp_path / "desk-restarted.log")
    try:
        browser.get(desk.url + "?status=all&q=Kremlin")
        card = browser.find_element(By.CSS_SELECTOR, f'article.alert[data-alert-id="{seed.alert_id}"]')
        assert "status-dismissed" in card.get_attribute("class").split()
        assert card.find_element(By.CSS_SELECTOR, ".verdict").text == "dismiss: not the same event"
        browser.get(desk.url)
        assert not browser.find_elements(By.CSS_SELECTOR, f'article[data-alert-id="{seed.alert_id}"]')
    finally:
        desk.stop()

    report = subprocess.run(
        [str(CLAIMWATCH), "feedback-report", "--format", "json"],
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert report.returncode == 0, report.stderr.decode()
    doc = json.loads(report.stdout)
    assert doc["verdicts"] == 1 and doc["dismiss_reasons"] == {"not_same_event": 1}
    assert doc["rules"]["outcome_polarity.v1"] == {
        "confirmed": 0,
        "dismissed": 1,
        "snoozed": 0,
        "precision": 0.0,
    }


def test_the_documented_consumer_handles_a_redelivered_alert_once(
    kafka_bootstrap: str, names: Names, dev_alerts: Path
) -> None:
    env = names.env(kafka_bootstrap)
    created = subprocess.run(
        [str(CLAIMWATCH), "topics", "create"], env=env, capture_output=True, timeout=90, check=False
    )
    assert created.returncode == 0, created.stderr.decode()
    lines = dev_alerts.read_bytes().splitlines()
    alerts = [AlertV2.model_validate_json(line) for line in lines[:3]]
    assert len({a.alert_id for a in alerts}) == 3
    values = [lines[0], lines[1], lines[0], lines[2], lines[1]]  # two redeliveries
    keys = [AlertV2.model_validate_json(v).story_id.encode() for v in values]
    send(kafka_bootstrap, names.alerts, values, keys=keys)
    done = subprocess.run(
        [
            sys.executable,
            str(CONSUMER_EXAMPLE),
            "--broker",
            kafka_bootstrap,
            "--topic",
            names.alerts,
            "--idle-timeout",
            "5",
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    printed = done.stdout.decode().splitlines()
    assert sorted(printed) == sorted(
        f"{a.story_label}: {a.explanation} [{a.rule}, confidence {a.confidence:.2f}] "
        f"{a.claims[0].url} | {a.claims[1].url}"
        for a in alerts
    )
