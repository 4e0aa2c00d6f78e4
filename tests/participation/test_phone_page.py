"""The participant page in a real browser: Debian's chromium, headless, through
chromedriver, on a phone-sized screen, against the real participant server on a real
SQLite workshop.

Nothing here is skipped: without chromium and its driver the tests fail (CI installs
them with scripts/install-system-packages.sh)."""

from __future__ import annotations

import shutil
import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from workshop_app.db.database import Database
from workshop_app.models import CastBy, VoteMethod
from workshop_app.participation.server import ParticipantServer
from workshop_app.services import phones
from workshop_app.services.attendees import (
    AttendeeDraft,
    add_attendee,
    check_in,
    list_attendees,
)
from workshop_app.services.ideas import (
    IdeaDraft,
    add_idea,
    delete_idea,
    list_ideas,
    move_idea,
    update_idea,
)
from workshop_app.services.voting import RoundDraft, create_round, list_ballots, open_round
from workshop_app.services.workshops import (
    add_issue,
    create_workshop,
    list_issues,
    list_sectors,
)
from workshop_app.ui import settings
from workshop_app.ui.app import load_fonts
from workshop_app.ui.context import Changes, WorkshopContext
from workshop_app.ui.main_window import MainWindow

PHONE = {"width": 360, "height": 740}
WAIT = 15.0  # seconds: a 2-core machine shared with other work


# --- the browser -------------------------------------------------------------------------


def _chrome() -> webdriver.Chrome:
    browser = shutil.which("chromium")
    driver = shutil.which("chromedriver")
    assert browser and driver, (
        "the participant page is tested in chromium with chromedriver: install the Debian "
        "packages chromium and chromium-driver (scripts/install-system-packages.sh)"
    )
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in (
        "--headless=new",
        "--no-sandbox",  # the tests run as root in CI
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=th-TH",
        "--no-first-run",
        "--disable-extensions",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    chrome = webdriver.Chrome(service=Service(driver), options=options)
    # A small Android phone: its screen, its touch input, its user agent. Set through the
    # DevTools protocol, and without "mobile" (the page's viewport tag sets the same
    # width): with chromedriver's mobileEmulation or "mobile", headless chromium places
    # clicks off by the page's scroll, and a plain window is never narrower than 500 px.
    chrome.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {**PHONE, "deviceScaleFactor": 2, "mobile": False}
    )
    chrome.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    chrome.execute_cdp_cmd(
        "Emulation.setUserAgentOverride",
        {
            "userAgent": "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36",
            "acceptLanguage": "th-TH,th",
        },
    )
    return chrome


@pytest.fixture(scope="module")
def chrome() -> Iterator[webdriver.Chrome]:
    browser = _chrome()
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


@pytest.fixture
def browser(chrome: webdriver.Chrome) -> Iterator[webdriver.Chrome]:
    """The module's browser, with no page script replaced and an empty screen."""
    yield chrome
    chrome.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    for script in getattr(chrome, "_added_scripts", []):
        chrome.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script})
    chrome._added_scripts = []  # type: ignore[attr-defined]
    chrome.get("about:blank")


# --- the workshop and its server ---------------------------------------------------------


@dataclass
class Venue:
    db: Database
    workshop_id: str
    issue_id: str
    issue_number: int
    sectors: dict[str, str]  # name -> id
    people: dict[str, str]  # "first last" -> attendee id
    board: list[str]  # the ids of the cards on the board at the start
    server: ParticipantServer
    port: int

    def start(self) -> None:
        self.server = ParticipantServer(
            self.db.session, self.workshop_id, host="127.0.0.1", port=self.port
        )
        self.server.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def link(self, name: str) -> str:
        with self.db.transaction() as session:
            return phones.phone_link(session, self.workshop_id, self.people[name], self.url).url

    def write(self, action: Callable[[Any], Any]) -> Any:
        with self.db.transaction() as session:
            result = action(session)
        self.server.notify_changed()
        return result


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


CARDS = (
    "ทำถนนเลียบแม่น้ำปิงเป็นเส้นทางจักรยานเชื่อมวัดเก่า",
    "ตั้งศูนย์รับซื้อลำไยอบแห้งของสหกรณ์ในอำเภอป่าซาง",
    "อบรมยุวมัคคุเทศก์จากโรงเรียนในชุมชน",
    # Markup in a card is shown as the characters typed, never run.
    "<img src=x onerror=\"document.title='pwned'\">ผ้าไหมยกดอกลำพูน",
)


@pytest.fixture
def venue(db: Database) -> Iterator[Venue]:
    with db.transaction() as session:
        workshop_id = create_workshop(
            session,
            "ประชุมเชิงปฏิบัติการทบทวนแผนพัฒนาจังหวัดลำพูน พ.ศ. 2571–2575",
            province="ลำพูน",
            venue="หอประชุมศาลากลางจังหวัดลำพูน",
        )
        sectors = {s.name: s.id for s in list_sectors(session, workshop_id)}
        sector_ids = list(sectors.values())
        people = {}
        for number, (first, last) in enumerate(
            (
                ("ธีรวัฒน์", "อินต๊ะวงศ์"),
                ("ศิริพร", "ปัญญาคำ"),
                ("อนุรักษ์", "วงศ์ไชยา"),
                ("มาลัย", "ศรีบุญเรือง"),
            )
        ):
            draft = AttendeeDraft(first, sector_ids[number % len(sector_ids)], last)
            people[f"{first} {last}"] = add_attendee(session, workshop_id, draft)
            check_in(session, people[f"{first} {last}"])  # at the desk: allowed to vote
        issue_id = add_issue(session, workshop_id, "การท่องเที่ยวเชิงวัฒนธรรมล้านนา")
        add_issue(session, workshop_id, "เกษตรมูลค่าสูงและลำไยคุณภาพ")
        board = [
            add_idea(session, workshop_id, issue_id, IdeaDraft(text, sector_id=sector_ids[0]))
            for text in CARDS
        ]
        phones.set_phone_issue(session, workshop_id, issue_id)
        number = next(i.number for i in list_issues(session, workshop_id) if i.id == issue_id)
    port = _free_port()
    server = ParticipantServer(db.session, workshop_id, host="127.0.0.1", port=port)
    server.start()
    place = Venue(db, workshop_id, issue_id, number, sectors, people, board, server, port)
    yield place
    place.server.stop()


# --- page helpers ------------------------------------------------------------------------


def _with_qt_events(check: Callable[[], Any]) -> Any:
    """``check()``, after Qt handled its events: with the GUI in the test, its timers (the
    facilitator's writes reach the phones 150 ms later) run while the browser is awaited,
    as in the running app."""
    app = QApplication.instance()
    if app is not None:
        app.processEvents()
    return check()


def wait_for(browser: webdriver.Chrome, check: Callable[[], Any], what: str) -> Any:
    try:
        # The page redraws a part when a new state arrives: an element read meanwhile is
        # read again.
        waiting = WebDriverWait(
            browser, WAIT, poll_frequency=0.1, ignored_exceptions=[StaleElementReferenceException]
        )
        return waiting.until(lambda _d: _with_qt_events(check))
    except TimeoutException:
        logs = [entry["message"] for entry in browser.get_log("browser")]
        raise AssertionError(f"waited {WAIT} s for {what}; browser said {logs}") from None


def mode(browser: webdriver.Chrome) -> str:
    return str(browser.execute_script("return document.getElementById('connection').dataset.mode"))


def wait_mode(browser: webdriver.Chrome, *wanted: str) -> None:
    wait_for(browser, lambda: mode(browser) in wanted, f"the connection to be {wanted}")


def find(browser: webdriver.Chrome, css: str) -> WebElement:
    return browser.find_element(By.CSS_SELECTOR, css)


def card(browser: webdriver.Chrome, idea_id: str) -> WebElement:
    return find(browser, f'#ballot-cards li[data-id="{idea_id}"]')


def tap(browser: webdriver.Chrome, element: WebElement) -> None:
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def tap_in_card(browser: webdriver.Chrome, idea_id: str, css: str) -> None:
    """Tap a button of a ballot card, found again if a new state redrew the ballot
    between finding and tapping."""
    for attempt in range(3):
        try:
            tap(browser, card(browser, idea_id).find_element(By.CSS_SELECTOR, css))
            return
        except StaleElementReferenceException:
            if attempt == 2:
                raise


def notice(browser: webdriver.Chrome, element_id: str) -> tuple[str, str]:
    """The kind and text of a notice, read at once (the page may redraw it meanwhile)."""
    kind, text = browser.execute_script(
        "var n = document.getElementById(arguments[0]);"
        "return n && !n.hidden ? [n.getAttribute('data-kind'), n.textContent] : ['', ''];",
        element_id,
    )
    return str(kind), str(text)


def ballot_notice(browser: webdriver.Chrome) -> tuple[str, str]:
    return notice(browser, "ballot-notice")


def join_by_card(browser: webdriver.Chrome, venue: Venue, name: str) -> str:
    link = venue.link(name)
    browser.get(link)
    wait_mode(browser, "live")
    return link


def screenshot(browser: webdriver.Chrome, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert browser.save_screenshot(str(path))
    return path


def marks_of(venue: Venue, round_id: str, attendee_id: str) -> dict[tuple[str, str | None], int]:
    with venue.db.session() as session:
        ballots = [b for b in list_ballots(session, round_id) if b.attendee_id == attendee_id]
    assert len(ballots) == 1, ballots  # a changed vote replaces the phone's ballot
    assert ballots[0].cast_by == CastBy.PHONE.value
    return {(m.idea_id, m.criterion_id): m.value for m in ballots[0].marks}


def open_vote(venue: Venue, method: VoteMethod, **settings: Any) -> str:
    def action(session: Any) -> str:
        draft = RoundDraft("เลือกแนวทางที่ควรทำก่อน", method.value, tuple(venue.board), **settings)
        round_id = create_round(session, venue.workshop_id, draft)
        open_round(session, round_id)
        return str(round_id)

    return str(venue.write(action))


# --- joining -----------------------------------------------------------------------------


def test_a_card_link_signs_in_and_leaves_the_address_bar(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    link = join_by_card(browser, venue, "ศิริพร ปัญญาคำ")
    token = link.split("#", 1)[1]
    # The token is kept by the phone and gone from the address bar and the history.
    assert browser.current_url == venue.url + "/"
    assert browser.execute_script("return location.hash") == ""
    stored = browser.execute_script("return localStorage.getItem('workshop-phone-token')")
    assert stored == token
    assert "ศิริพร ปัญญาคำ" in find(browser, "#me").text
    assert find(browser, "#issue-title").text == (
        f"ประเด็นที่ {venue.issue_number}: การท่องเที่ยวเชิงวัฒนธรรมล้านนา"
    )

    # The cards of the open issue, as text: the markup in one is shown, not run.
    texts = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#idea-list .idea-text")]
    assert sorted(texts) == sorted(CARDS)
    assert browser.find_elements(By.CSS_SELECTOR, "#idea-list img") == []
    assert browser.title != "pwned"

    # Opened again later without the link, the phone is still its owner's.
    browser.get(venue.url)
    wait_mode(browser, "live")
    assert "ศิริพร ปัญญาคำ" in find(browser, "#me").text


def test_the_facilitators_edits_reach_an_open_page(browser: webdriver.Chrome, venue: Venue) -> None:
    """Cards moved, deleted, retyped and added on the laptop arrive as patches of only
    those cards; the page shows the board in its order (newest first)."""
    join_by_card(browser, venue, "ศิริพร ปัญญาคำ")

    def shown() -> list[str]:
        return [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#idea-list .idea-text")]

    wait_for(browser, lambda: len(shown()) == len(CARDS), "the cards")
    first, second, third, fourth = venue.board
    added = "จัดตลาดนัดผ้าฝ้ายทอมือทุกวันอาทิตย์ที่ข่วงเมือง"

    def edit(session: Any) -> None:
        move_idea(session, fourth, venue.issue_id, first)  # to the top of the column
        delete_idea(session, second)
        update_idea(session, third, IdeaDraft("อบรมยุวมัคคุเทศก์สองภาษา", "proposal"))
        add_idea(session, venue.workshop_id, venue.issue_id, IdeaDraft(added, "proposal"))

    venue.write(edit)
    expected = [added, "อบรมยุวมัคคุเทศก์สองภาษา", CARDS[0], CARDS[3]]
    wait_for(browser, lambda: shown() == expected, f"the cards as {expected}")
    assert browser.title != "pwned"


def test_a_revoked_card_goes_back_to_the_join_form(browser: webdriver.Chrome, venue: Venue) -> None:
    link = join_by_card(browser, venue, "มาลัย ศรีบุญเรือง")
    # Revoked while the page is open: the server closes its socket, the page forgets the
    # token and says why.
    venue.write(lambda s: phones.revoke_phone_token(s, venue.people["มาลัย ศรีบุญเรือง"]))
    wait_for(
        browser,
        lambda: "ใช้ไม่ได้แล้ว" in notice(browser, "join-notice")[1],
        "the join form saying the card no longer works",
    )
    assert browser.execute_script("return localStorage.getItem('workshop-phone-token')") is None
    browser.refresh()
    wait_for(browser, lambda: browser.find_elements(By.ID, "join-form"), "the join form")
    # A phone that was off meanwhile learns it when it comes back.
    old_token = link.split("#", 1)[1]
    browser.execute_script("localStorage.setItem('workshop-phone-token', arguments[0])", old_token)
    browser.refresh()
    wait_for(
        browser,
        lambda: "ใช้ไม่ได้แล้ว" in notice(browser, "join-notice")[1],
        "the join form saying the card no longer works, after a reload",
    )


def test_a_walk_in_joins_with_the_projector_code(browser: webdriver.Chrome, venue: Venue) -> None:
    with venue.db.transaction() as session:
        code = phones.walk_in_code(session, venue.workshop_id)
    browser.get(venue.url)
    wait_for(browser, lambda: browser.find_elements(By.ID, "join-form"), "the join form")
    sector_names = [o.text for o in Select(find(browser, "#join-sector")).options[1:]]
    assert sector_names == list(venue.sectors)

    find(browser, "#join-first").send_keys("ประยุทธ")
    find(browser, "#join-last").send_keys("คำมูล")
    tap(browser, find(browser, "#join-button"))
    assert find(browser, "#join-notice").text == "กรุณากรอกรหัสเข้าร่วม 6 หลักที่แสดงบนจอ"

    wrong = "000000" if code != "000000" else "111111"
    find(browser, "#join-code").send_keys(wrong)
    sector = list(venue.sectors)[1]
    Select(find(browser, "#join-sector")).select_by_visible_text(sector)
    tap(browser, find(browser, "#join-button"))
    wait_for(
        browser,
        lambda: (
            find(browser, "#join-notice").is_displayed()
            and "รหัส" in find(browser, "#join-notice").text
        ),
        "the server's refusal of a wrong code, in Thai",
    )
    code_box = find(browser, "#join-code")
    code_box.clear()
    code_box.send_keys(code)
    tap(browser, find(browser, "#join-button"))
    wait_mode(browser, "live")
    assert "ประยุทธ คำมูล" in find(browser, "#me").text

    with venue.db.session() as session:
        walk_ins = [
            a for a in list_attendees(session, venue.workshop_id) if a.first_name == "ประยุทธ"
        ]
    assert len(walk_ins) == 1
    assert walk_ins[0].last_name == "คำมูล"
    assert walk_ins[0].sector_id == venue.sectors[sector]


# --- ideas -------------------------------------------------------------------------------


def send_idea(browser: webdriver.Chrome, kind_index: int, text: str) -> None:
    kinds = browser.find_elements(By.CSS_SELECTOR, "#idea-form .kind")
    tap(browser, kinds[kind_index])
    box = find(browser, "#idea-text")
    box.clear()
    box.send_keys(text)
    tap(browser, find(browser, "#idea-send"))


def idea_notice(browser: webdriver.Chrome) -> tuple[str, str]:
    return notice(browser, "idea-notice")


def test_an_idea_reaches_the_board_tagged_with_its_author(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    join_by_card(browser, venue, "อนุรักษ์ วงศ์ไชยา")
    tap(browser, find(browser, "#idea-send"))
    assert idea_notice(browser) == ("error", "กรุณาพิมพ์ความคิดก่อนส่ง")

    text = "จัดเทศกาลโคมยี่เป็งริมน้ำกวงให้เป็นงานประจำปีของจังหวัด"
    send_idea(browser, 1, text)
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
    assert idea_notice(browser)[1] == "ส่งแล้ว ขึ้นกระดานแล้ว"
    assert find(browser, "#idea-text").get_attribute("value") == ""

    with venue.db.session() as session:
        ideas = [
            i for i in list_ideas(session, venue.workshop_id, venue.issue_id) if i.text == text
        ]
        author = next(
            a
            for a in list_attendees(session, venue.workshop_id)
            if a.id == venue.people["อนุรักษ์ วงศ์ไชยา"]
        )
    assert len(ideas) == 1
    assert ideas[0].author_id == author.id
    assert ideas[0].sector_id == author.sector_id
    # It comes back to the phone as a card of its own.
    wait_for(
        browser,
        lambda: any(
            "ของท่าน" in e.text and text in e.text
            for e in browser.find_elements(By.CSS_SELECTOR, "#idea-list .idea")
        ),
        "the new card in the list, marked as the participant's",
    )


def test_with_moderation_an_idea_waits_for_the_facilitator(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    venue.write(lambda s: phones.set_phone_moderation(s, venue.workshop_id, True))
    join_by_card(browser, venue, "ธีรวัฒน์ อินต๊ะวงศ์")
    text = "เพิ่มรถรางนำเที่ยวรอบคูเมืองหริภุญชัย"
    send_idea(browser, 0, text)
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
    assert idea_notice(browser)[1] == "ส่งแล้ว รอผู้ดำเนินการประชุมอนุมัติขึ้นกระดาน"
    with venue.db.session() as session:
        waiting = [i for i in phones.pending_ideas(session, venue.workshop_id) if i.text == text]
        on_board = [i for i in list_ideas(session, venue.workshop_id) if i.text == text]
    assert len(waiting) == 1 and on_board == []
    item = wait_for(
        browser,
        lambda: [
            e for e in browser.find_elements(By.CSS_SELECTOR, "#idea-list .idea") if text in e.text
        ],
        "the waiting card in the participant's list",
    )[0]
    assert "รออนุมัติ" in item.text

    venue.write(lambda s: phones.accept_idea(s, waiting[0].id))
    wait_for(
        browser,
        lambda: any(
            text in e.text and "รออนุมัติ" not in e.text
            for e in browser.find_elements(By.CSS_SELECTOR, "#idea-list .idea")
        ),
        "the accepted card shown as on the board",
    )


# --- votes -------------------------------------------------------------------------------


def send_ballot(browser: webdriver.Chrome) -> None:
    tap(browser, find(browser, "#ballot-send"))
    wait_for(browser, lambda: ballot_notice(browser)[0] == "done", "the ballot's confirmation")
    assert ballot_notice(browser)[1] == "ส่งแล้ว ✓ แก้ไขได้จนกว่าจะปิดรอบ"


def test_dots_with_budget_and_cap(browser: webdriver.Chrome, venue: Venue) -> None:
    round_id = open_vote(venue, VoteMethod.DOTS, dots_per_voter=5, cap_per_idea=2)
    person = venue.people["ศิริพร ปัญญาคำ"]
    join_by_card(browser, venue, "ศิริพร ปัญญาคำ")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    assert find(browser, "#ballot-summary").text == "เหลือ 5 ดาว จาก 5"

    # Sending nothing is refused on the phone, in the ballot screen's words.
    tap(browser, find(browser, "#ballot-send"))
    assert find(browser, "#ballot-problem").text == "ยังไม่ได้ลงคะแนนให้ความคิดใดเลย"

    first, second, third, fourth = venue.board
    for idea, times in ((first, 2), (second, 2), (third, 1)):
        for _ in range(times):
            tap_in_card(browser, idea, "button[aria-label='เพิ่ม']")
    # The cap: no third dot on one card; the budget: none left for the fourth.
    assert (
        not card(browser, first)
        .find_element(By.CSS_SELECTOR, "button[aria-label='เพิ่ม']")
        .is_enabled()
    )
    assert (
        not card(browser, fourth)
        .find_element(By.CSS_SELECTOR, "button[aria-label='เพิ่ม']")
        .is_enabled()
    )
    assert find(browser, "#ballot-summary").text == "เหลือ 0 ดาว จาก 5"
    send_ballot(browser)
    assert marks_of(venue, round_id, person) == {
        (first, None): 2,
        (second, None): 2,
        (third, None): 1,
    }

    # Changed while the round is open: the phone's ballot is replaced, not doubled.
    tap_in_card(browser, third, "button[aria-label='ลด']")
    assert ballot_notice(browser) == ("changed", "แก้ไขแล้ว ยังไม่ได้ส่ง")
    tap_in_card(browser, fourth, "button[aria-label='เพิ่ม']")
    send_ballot(browser)
    assert marks_of(venue, round_id, person) == {
        (first, None): 2,
        (second, None): 2,
        (fourth, None): 1,
    }

    # Opened again, the phone shows the ballot it sent.
    browser.refresh()
    wait_mode(browser, "live")
    assert find(browser, "#ballot-summary").text == "เหลือ 0 ดาว จาก 5"
    assert card(browser, fourth).find_element(By.CSS_SELECTOR, ".count").text == "1"


def test_ranking_picks_the_top_places_in_order(browser: webdriver.Chrome, venue: Venue) -> None:
    round_id = open_vote(venue, VoteMethod.RANKING, rank_count=3)
    person = venue.people["อนุรักษ์ วงศ์ไชยา"]
    join_by_card(browser, venue, "อนุรักษ์ วงศ์ไชยา")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    first, second, third, fourth = venue.board

    def pick(idea: str) -> None:
        tap_in_card(browser, idea, "button.pick")

    def badge(idea: str) -> str:
        return str(card(browser, idea).find_element(By.CSS_SELECTOR, ".badge").text)

    for idea in (third, first, second):
        pick(idea)
    assert [badge(i) for i in (third, first, second)] == ["อันดับ 1", "อันดับ 2", "อันดับ 3"]
    assert find(browser, "#ballot-summary").text == "เลือกแล้ว 3 จาก 3 อันดับ"
    assert not card(browser, fourth).find_element(By.CSS_SELECTOR, "button.pick").is_enabled()
    pick(first)  # taken out: the one below moves up
    assert badge(second) == "อันดับ 2" and badge(first) == ""
    pick(fourth)
    assert badge(fourth) == "อันดับ 3"
    send_ballot(browser)
    assert marks_of(venue, round_id, person) == {
        (third, None): 1,
        (second, None): 2,
        (fourth, None): 3,
    }


def test_criteria_scores_every_criterion_of_a_scored_card(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    round_id = open_vote(
        venue,
        VoteMethod.CRITERIA,
        scale_max=4,
        criteria=(("ความเป็นไปได้", 1.0), ("ผลต่อเศรษฐกิจชุมชน", 1.0)),
    )
    person = venue.people["มาลัย ศรีบุญเรือง"]
    join_by_card(browser, venue, "มาลัย ศรีบุญเรือง")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    first, second = venue.board[:2]

    def score(idea: str, criterion: int, value: int) -> None:
        place = f"div.criterion:nth-of-type({criterion + 1})"
        tap_in_card(browser, idea, f"{place} button.score:nth-of-type({value + 1})")

    buttons = card(browser, first).find_elements(By.CSS_SELECTOR, ".criterion")[0]
    assert [b.text for b in buttons.find_elements(By.CSS_SELECTOR, "button")] == [
        "0",
        "1",
        "2",
        "3",
        "4",
    ]
    score(first, 0, 4)
    tap(browser, find(browser, "#ballot-send"))
    # Half a card's scores: refused before sending, and the card is pointed out.
    assert find(browser, "#ballot-problem").text == "ความคิดที่ให้คะแนนต้องได้คะแนนครบทุกเกณฑ์"
    assert "problem" in str(card(browser, first).get_attribute("class"))
    with venue.db.session() as session:
        assert list_ballots(session, round_id) == []

    score(first, 1, 3)
    score(second, 0, 0)
    score(second, 1, 2)
    send_ballot(browser)
    with venue.db.session() as session:
        criteria = {c.name: c.id for c in _criteria(session, round_id)}
    feasible, economy = criteria["ความเป็นไปได้"], criteria["ผลต่อเศรษฐกิจชุมชน"]
    assert marks_of(venue, round_id, person) == {
        (first, feasible): 4,
        (first, economy): 3,
        (second, feasible): 0,
        (second, economy): 2,
    }


def _criteria(session: Any, round_id: str) -> list[Any]:
    from workshop_app.models import VoteCriterion

    return list(session.query(VoteCriterion).filter(VoteCriterion.round_id == round_id))


def test_approval_says_yes_per_card(browser: webdriver.Chrome, venue: Venue) -> None:
    round_id = open_vote(venue, VoteMethod.APPROVAL)
    person = venue.people["ธีรวัฒน์ อินต๊ะวงศ์"]
    join_by_card(browser, venue, "ธีรวัฒน์ อินต๊ะวงศ์")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    _first, second, third, fourth = venue.board
    for idea in (second, fourth, third):
        tap_in_card(browser, idea, "button.approve")
    tap_in_card(browser, third, "button.approve")  # not after all
    assert card(browser, second).find_element(By.CSS_SELECTOR, "button.approve").text == "เห็นด้วย ✓"
    send_ballot(browser)
    assert marks_of(venue, round_id, person) == {(second, None): 1, (fourth, None): 1}


# --- losing the connection ---------------------------------------------------------------


def test_the_page_rejoins_by_itself_and_resends_what_waited(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    join_by_card(browser, venue, "ศิริพร ปัญญาคำ")
    venue.server.stop()
    wait_mode(browser, "offline")
    assert "ไม่มีสัญญาณ" in find(browser, "#connection").text

    # Typed while the Wi-Fi is down: kept, shown as not sent yet, sent on reconnecting.
    text = "ปรับปรุงป้ายบอกทางภาษาอังกฤษและจีนในเขตเมืองเก่า"
    send_idea(browser, 0, text)
    assert idea_notice(browser)[0] == "sending"
    unsent = find(browser, "#idea-list .idea-unsent")
    assert text in unsent.text and "ยังไม่ได้ส่ง" in unsent.text
    assert "รอส่ง 1 รายการ" in find(browser, "#connection").text

    venue.start()  # the laptop's server again, on the same address
    wait_mode(browser, "live")
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the waiting idea acknowledged")
    with venue.db.session() as session:
        copies = [i for i in list_ideas(session, venue.workshop_id) if i.text == text]
    assert len(copies) == 1
    assert browser.execute_script("return localStorage.getItem('workshop-phone-outbox')") is None


def test_a_submission_sent_twice_counts_once(browser: webdriver.Chrome, venue: Venue) -> None:
    """The answer to a ballot is lost on the way back (the Wi-Fi dropped): the phone sends
    it again with the same submission id, and the server applies it once."""
    round_id = open_vote(venue, VoteMethod.APPROVAL)
    join_by_card(browser, venue, "อนุรักษ์ วงศ์ไชยา")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    # Every message of the socket goes twice, as a resend after a lost answer would.
    browser.execute_script(
        "var send = WebSocket.prototype.send;"
        "WebSocket.prototype.send = function (data) {"
        "  send.call(this, data);"
        "  if (String(data).indexOf('\"hello\"') < 0) send.call(this, data);"
        "};"
    )
    tap_in_card(browser, venue.board[2], "button.approve")
    send_ballot(browser)
    text = "สร้างตลาดนัดวัฒนธรรมทุกวันเสาร์ที่ถนนรถแก้ว"
    send_idea(browser, 0, text)
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
    with venue.db.session() as session:
        ballots = list_ballots(session, round_id)
        copies = [i for i in list_ideas(session, venue.workshop_id) if i.text == text]
    assert len(ballots) == 1 and len(copies) == 1


def test_without_websockets_the_page_polls(browser: webdriver.Chrome, venue: Venue) -> None:
    # A network that lets plain HTTP through but not WebSockets (some proxies and old
    # routers): every socket closes before it opens.
    fake = """
        window.WebSocket = function () {
          var socket = this;
          socket.readyState = 0;
          setTimeout(function () {
            socket.readyState = 3;
            if (socket.onclose) socket.onclose({code: 1006});
          }, 50);
        };
        window.WebSocket.prototype.send = function () {};
        window.WebSocket.prototype.close = function () {};
    """
    added = browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": fake})
    browser._added_scripts = [added["identifier"]]  # type: ignore[attr-defined]
    join = venue.link("ธีรวัฒน์ อินต๊ะวงศ์")
    browser.get(join)
    wait_mode(browser, "polling")
    assert find(browser, "#connection").text == "เชื่อมต่อแล้ว (แบบสำรอง)"

    # Sent over HTTP.
    text = "ทำแผนที่ร้านอาหารพื้นเมืองแจกนักท่องเที่ยว"
    send_idea(browser, 2, text)
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
    # A change made at the laptop arrives through the waiting request.
    venue.write(
        lambda s: add_idea(s, venue.workshop_id, venue.issue_id, IdeaDraft("ฟื้นฟูกาดหละปูนทุกเย็นวันศุกร์"))
    )
    wait_for(
        browser,
        lambda: "ฟื้นฟูกาดหละปูนทุกเย็นวันศุกร์" in find(browser, "#idea-list").text,
        "the laptop's new card through polling",
    )


# --- the phone's screen ------------------------------------------------------------------


def no_sideways_scroll(browser: webdriver.Chrome) -> None:
    width = browser.execute_script("return document.documentElement.scrollWidth")
    assert width <= PHONE["width"], width


def small_targets(browser: webdriver.Chrome) -> list[str]:
    """Buttons and fields smaller than 44 CSS pixels (Apple's and Google's minimum)."""
    found = browser.execute_script(
        "var small = [];"
        "var nodes = document.querySelectorAll('button, input, select, textarea, .kind');"
        "for (var i = 0; i < nodes.length; i++) {"
        "  var box = nodes[i].getBoundingClientRect();"
        "  if (nodes[i].type === 'radio' || box.width === 0) continue;"
        "  if (box.height < 44 || box.width < 44) small.push(nodes[i].outerHTML.slice(0, 80));"
        "}"
        "return small;"
    )
    return list(found)


def test_on_a_small_phone_in_thai(browser: webdriver.Chrome, venue: Venue, tmp_path: Path) -> None:
    with venue.db.transaction() as session:
        phones.walk_in_code(session, venue.workshop_id)
    browser.get(venue.url)
    wait_for(browser, lambda: browser.find_elements(By.ID, "join-form"), "the join form")
    viewport = browser.execute_script("return [window.innerWidth, window.innerHeight]")
    assert viewport == [PHONE["width"], PHONE["height"]]
    assert browser.execute_script("return document.documentElement.lang") == "th"
    # Sarabun comes from the app (no internet at the venue), and is the one used.
    wait_for(
        browser,
        lambda: browser.execute_script("return document.fonts.status") == "loaded",
        "the web fonts",
    )
    assert browser.execute_script("return document.fonts.check('18px Sarabun', 'ก')")
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; })"
    )
    assert any(name.endswith("/fonts/Sarabun-Regular.ttf") for name in loaded), loaded
    assert all(name.startswith(venue.url) for name in loaded), loaded
    no_sideways_scroll(browser)
    assert small_targets(browser) == []
    screenshot(browser, tmp_path, "1-join")

    open_vote(venue, VoteMethod.DOTS, dots_per_voter=5, cap_per_idea=2)
    join_by_card(browser, venue, "อนุรักษ์ วงศ์ไชยา")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    no_sideways_scroll(browser)
    assert small_targets(browser) == []
    screenshot(browser, tmp_path, "2-ballot")
    tap_in_card(browser, venue.board[0], "button[aria-label='เพิ่ม']")
    send_ballot(browser)
    browser.execute_script(
        "document.getElementById('ballot-notice').scrollIntoView({block: 'center'})"
    )
    screenshot(browser, tmp_path, "3-ballot-sent")
    send_idea(browser, 0, "ส่งเสริมโฮมสเตย์บ้านหนองเงือกให้ได้มาตรฐาน")
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
    browser.execute_script(
        "document.getElementById('idea-notice').scrollIntoView({block: 'center'})"
    )
    screenshot(browser, tmp_path, "4-idea-sent")

    # The English switch, kept for the next visit.
    tap(browser, find(browser, "#language"))
    assert find(browser, "#language").text == "ไทย"
    assert find(browser, "#issue-title").text == (
        f"Issue {venue.issue_number}: การท่องเที่ยวเชิงวัฒนธรรมล้านนา"
    )
    assert find(browser, "#connection").text == "Connected"
    browser.refresh()
    wait_mode(browser, "live")
    assert find(browser, "#idea-send").text == "Send idea"
    browser.execute_script("window.scrollTo(0, 0)")
    screenshot(browser, tmp_path, "5-english")
    tap(browser, find(browser, "#language"))
    assert find(browser, "#idea-send").text == "ส่งความคิด"
    assert browser.execute_script("return localStorage.getItem('workshop-phone-lang')") == "th"


# --- with the facilitator's window -------------------------------------------------------


def test_an_idea_from_the_page_reaches_the_facilitators_board(
    qtbot: QtBot,
    db: Database,
    demo_workshop: str,
    browser: webdriver.Chrome,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The whole path: the server started by the GUI, the page in the browser, the card
    on the board's column (which the projector shows), and a card typed at the laptop
    back on the phone."""
    load_fonts()
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(settings, "settings_store", lambda: store)  # not the user's own
    context = WorkshopContext(db, demo_workshop, "th")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show_page(2)  # the brainstorm board
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.phones.start("127.0.0.1", _free_port())
        window.board.set_current(1)  # the facilitator is on issue 2: phones follow
        column = window.board.models[1]
        people = context.read(lambda s: list_attendees(s, demo_workshop))
        person = next(p for p in people if p.checked_in_at is not None and p.sector_id)
        link = context.run(
            lambda s: phones.phone_link(s, demo_workshop, person.id, window.phones.url),
            Changes.NONE,
        )
        assert link is not None
        browser.get(link.url)
        wait_mode(browser, "live")
        assert find(browser, "#issue-title").text.startswith("ประเด็นที่ 2: ")

        text = "ตั้งจุดจอดรถรับส่งนักท่องเที่ยวหน้าสถานีรถไฟหาดใหญ่"
        send_idea(browser, 0, text)
        wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea's confirmation")
        qtbot.waitUntil(lambda: text in [r.text for r in column.rows()], timeout=10_000)
        on_board = next(r for r in column.rows() if r.text == text)
        assert on_board.author_id == person.id and on_board.sector_id == person.sector_id

        typed = "ขยายเวลาเปิดตลาดน้ำคลองแห"
        context.run(
            lambda s: add_idea(s, demo_workshop, column.issue.id, IdeaDraft(typed)), Changes.IDEAS
        )
        wait_for(
            browser,
            lambda: typed in find(browser, "#idea-list").text,
            "the card typed at the laptop on the phone",
        )
    finally:
        window.phones.stop()


def test_a_refused_idea_comes_back_to_the_box(browser: webdriver.Chrome, venue: Venue) -> None:
    join_by_card(browser, venue, "มาลัย ศรีบุญเรือง")
    # The facilitator closes the issue to phones just as the idea is sent (written without
    # telling the server, so the page has not heard yet).
    with venue.db.transaction() as session:
        phones.set_phone_issue(session, venue.workshop_id, None)
    text = "จัดรถสองแถวรอบเมืองลำพูนราคาเดียวตลอดสาย"
    send_idea(browser, 0, text)
    wait_for(browser, lambda: idea_notice(browser)[0] == "error", "the server's refusal")
    assert idea_notice(browser)[1]  # the server's reason, in Thai
    assert find(browser, "#idea-text").get_attribute("value") == text
    with venue.db.session() as session:
        assert [i for i in list_ideas(session, venue.workshop_id) if i.text == text] == []


def test_an_unanswered_submission_is_sent_again(browser: webdriver.Chrome, venue: Venue) -> None:
    """The first sending of an idea is lost on the way (the Wi-Fi dropped a frame): with
    no answer, the page sends it again on the same connection, and it counts once."""
    join_by_card(browser, venue, "ธีรวัฒน์ อินต๊ะวงศ์")
    browser.execute_script(
        "var send = WebSocket.prototype.send; var lost = false;"
        "WebSocket.prototype.send = function (data) {"
        "  if (!lost && String(data).indexOf('\"idea\"') >= 0) { lost = true; return; }"
        "  send.call(this, data);"
        "};"
    )
    text = "ทำป้ายประวัติศาสตร์สองภาษาหน้าวัดพระธาตุหริภุญชัย"
    send_idea(browser, 0, text)
    assert idea_notice(browser)[0] == "sending"
    wait_for(browser, lambda: idea_notice(browser)[0] == "done", "the idea sent again")
    with venue.db.session() as session:
        assert len([i for i in list_ideas(session, venue.workshop_id) if i.text == text]) == 1


def test_a_connection_that_answers_nothing_is_replaced(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    """A socket that died without closing (the phone slept, the Wi-Fi moved it to another
    access point): the browser does not notice, but the server answers nothing. The page
    gives up on it and connects again, and the idea goes through the new one."""
    join_by_card(browser, venue, "อนุรักษ์ วงศ์ไชยา")
    browser.execute_script(
        "var send = WebSocket.prototype.send; var dead = null;"
        "WebSocket.prototype.send = function (data) {"
        "  if (dead === null) dead = this;"  # the socket open now
        "  if (this === dead) return;"  # swallows everything, as a dead link does
        "  send.call(this, data);"
        "};"
    )
    text = "เปิดศูนย์ข้อมูลท่องเที่ยวที่สถานีขนส่งลำพูน"
    send_idea(browser, 0, text)
    waiting = WebDriverWait(browser, 40, poll_frequency=0.2)
    waiting.until(lambda _d: idea_notice(browser)[0] == "done")
    with venue.db.session() as session:
        assert len([i for i in list_ideas(session, venue.workshop_id) if i.text == text]) == 1


def test_someone_not_checked_in_is_told_before_and_after_voting(
    browser: webdriver.Chrome, venue: Venue
) -> None:
    round_id = open_vote(venue, VoteMethod.APPROVAL)

    def invited(session: Any) -> str:
        # Invited, holding a card, not yet through the registration desk.
        sector = next(iter(venue.sectors.values()))
        return str(
            add_attendee(session, venue.workshop_id, AttendeeDraft("วันเพ็ญ", sector, "ใจปินตา"))
        )

    person = venue.write(invited)
    venue.people["วันเพ็ญ ใจปินตา"] = person
    join_by_card(browser, venue, "วันเพ็ญ ใจปินตา")
    wait_for(browser, lambda: browser.find_elements(By.ID, "ballot-cards"), "the ballot")
    assert "ยังไม่ได้ลงทะเบียนที่โต๊ะลงทะเบียน" in find(browser, "#not-checked-in").text
    tap_in_card(browser, venue.board[0], "button.approve")
    tap(browser, find(browser, "#ballot-send"))
    wait_for(browser, lambda: ballot_notice(browser)[0] == "error", "the server's refusal")
    assert "ยังไม่ได้ลงทะเบียน" in ballot_notice(browser)[1]
    with venue.db.session() as session:
        assert list_ballots(session, round_id) == []

    # Checked in at the desk: the note goes, and the same ballot goes through.
    venue.write(lambda s: check_in(s, person))
    wait_for(browser, lambda: not browser.find_elements(By.ID, "not-checked-in"), "the note gone")
    send_ballot(browser)
    assert marks_of(venue, round_id, person) == {(venue.board[0], None): 1}


def test_the_join_form_waits_for_the_laptop(browser: webdriver.Chrome, venue: Venue) -> None:
    """The page came, but the laptop's answer with the sectors did not (a weak signal):
    the form says so, and fills in the sectors once the laptop answers, keeping what was
    typed meanwhile."""
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/api/info"]})
    browser.get(venue.url)
    wait_for(
        browser,
        lambda: notice(browser, "join-notice")[1].startswith("ติดต่อเครื่องของผู้จัดประชุมไม่ได้"),
        "the form saying the laptop cannot be reached",
    )
    find(browser, "#join-first").send_keys("บุญศรี")
    browser.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    wait_for(
        browser,
        lambda: len(Select(find(browser, "#join-sector")).options) == len(venue.sectors) + 1,
        "the sectors, once the laptop answers",
    )
    assert notice(browser, "join-notice") == ("", "")
    assert find(browser, "#join-first").get_attribute("value") == "บุญศรี"
    assert find(browser, "#workshop-title").text.startswith("ประชุมเชิงปฏิบัติการทบทวนแผน")
