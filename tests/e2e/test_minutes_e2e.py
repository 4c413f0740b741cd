"""Workflows 4 and 5 in the real app: the quarterly presidium meeting (attendance from the roster,
an absence with its reason, two agenda items, one vote short of a majority of all members, the
quarter without a meeting already flagged, a scan attached) and a voter reception day (a member
excused with the reason) where one opinion becomes a suggestion, the form then going back to the
activity; then the duty record of a deputy who was at both shows both."""

import datetime as dt
import json
import os
import re
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, el, shot, text_of, type_into, wait


def cli(db, *args):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *args], capture_output=True, text=True, check=True).stdout


def go(d, hash_path):
    d.execute_script("window.location.hash = arguments[0]", hash_path)


def type_number(d, test_id, n):
    e = wait(lambda: el(d, test_id).find_element(By.CSS_SELECTOR, "input"), f"{test_id} input")
    e.send_keys(Keys.CONTROL, "a")
    e.send_keys(Keys.BACKSPACE)
    e.send_keys(str(n))
    e.send_keys(Keys.TAB)


def add_agenda(d, index):
    """Clicks 添加议题 until agenda `index` shows: the TAB out of the last vote box scrolls the
    page to 备注, and a click landing during that scroll is lost (seen once in CI)."""
    for _ in range(3):
        if d.find_elements(By.CSS_SELECTOR, f'[data-test="agenda-title-{index}"]'):
            return
        click(d, "agenda-add")
        try:
            el(d, f"agenda-title-{index}", timeout=3)
            return
        except AssertionError:
            pass
    raise AssertionError(f"agenda {index} was not added")


def rows(d, test_id):
    return [r for r in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]') if r.is_displayed()]


def test_meeting_and_voter_reception_reach_the_duty_record(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    today = dt.date.today().isoformat()
    draft = json.loads(cli(db, "meetings", "draft", today))
    gaps = json.loads(cli(db, "meetings", "gaps", "--json"))
    assert gaps, "the demo leaves one quarter without a meeting"

    # ---- the quarterly presidium meeting (workflow 5): flagged on the home page already ----
    assert gaps[0]["label"] in text_of(d, "dashboard-meeting-gaps")
    click(d, "nav-meetings")
    assert gaps[0]["label"] in text_of(d, "meeting-gaps"), "the quarter without a meeting is flagged"
    shot(d, artifacts, "minutes-01-meetings-gap")
    click(d, "meeting-new")
    assert draft["number"] in text_of(d, "meeting-number-preview")
    wait(lambda: len(rows(d, "member-row")) == len(draft["members"]), "the presidium of today")
    away = draft["members"][-1]
    chair = next(m for m in draft["members"] if m["deputy_id"] == draft["presider_id"])
    click(d, f"absent-{away['deputy_id']}")
    type_into(d, f"absent-reason-{away['deputy_id']}", "因公外出请假")
    expected = len(draft["members"])
    assert el(d, "meeting-attendance-summary").get_attribute("data-present") == str(expected - 1)
    type_into(d, "field-place", "镇人大主席团会议室")
    type_into(d, "agenda-title-0", "研究第四季度代表小组活动安排")
    type_into(d, "agenda-decision-0", "同意各小组开展接待选民日活动")
    click(d, "agenda-voted-0")
    type_number(d, "agenda-for-0", expected - 1)
    type_number(d, "agenda-against-0", 0)
    type_number(d, "agenda-abstain-0", 0)
    add_agenda(d, 1)
    type_into(d, "agenda-title-1", "讨论调整民生实事项目")
    click(d, "agenda-voted-1")
    # Votes for: not more than half of ALL members; shown while typing, not blocking.
    short = expected // 2
    type_number(d, "agenda-for-1", short)
    type_number(d, "agenda-against-1", 1)
    type_number(d, "agenda-abstain-1", expected - 1 - short - 1)
    el(d, "agenda-hint-1")
    shot(d, artifacts, "minutes-02-meeting-form")
    click(d, "meeting-save")
    title = el(d, "meeting-title")
    meeting_id = wait(lambda: el(d, "meeting-title").get_attribute("data-id"), "the meeting's page")
    assert draft["number"] in title.text
    assert "议题2" in text_of(d, "meeting-checks")
    passed = [e.get_attribute("data-value") for e in d.find_elements(By.CSS_SELECTOR, '[data-test="meeting-agenda-passed"]') if e.is_displayed()]
    assert passed == ["true", "false"], passed
    presence = {r.get_attribute("data-id"): r.text for r in rows(d, "meeting-member-row")}
    assert "因公外出请假" in presence[str(away["deputy_id"])]

    # The signed minutes scan: the native file dialog cannot be driven, so the page's own
    # command is called with the file's path, as the dialog would; the page then lists it.
    scan = tmp_path / "会议纪要签字页.pdf"
    scan.write_bytes(b"%PDF-1.4\n% signed minutes\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n")
    d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__TAURI_INTERNALS__.invoke('attachment_add', {entity: 'presidium_meeting', entityId: Number(arguments[0]), path: arguments[1]})"
        ".then(() => done(true), e => done(JSON.stringify(e)));",
        meeting_id, str(scan))
    scan.unlink()  # the stick is pulled out: the app keeps its own copy
    go(d, "#/meetings")
    el(d, "meeting-link")
    go(d, f"#/meetings/{meeting_id}")
    wait(lambda: any("会议纪要签字页.pdf" in r.text for r in rows(d, "attachment-name")), "the attachment listed")
    shot(d, artifacts, "minutes-03-meeting-page")
    stored = json.loads(cli(db, "attachments", "list", "presidium_meeting", meeting_id, "--json"))
    assert [a["name"] for a in stored] == ["会议纪要签字页.pdf"]
    assert os.path.exists(cli(db, "attachments", "path", str(stored[0]["id"])).strip())

    # ---- a voter reception day (workflow 4), by the chair's group ----
    member = json.loads(cli(db, "deputies", "show", str(chair["deputy_id"]), "--json"))
    person = member.get("deputy", member)
    group_name = person["group_name"]
    go(d, "#/activities/new")
    choose(d, "field-group_id", group_name)
    choose(d, "field-kind", "接待选民")
    type_into(d, "field-theme", "接待选民日")
    wait(lambda: rows(d, "attendance-row"), "the group's members")
    others = [r.get_attribute("data-id") for r in rows(d, "attendance-row") if r.get_attribute("data-id") != str(chair["deputy_id"])]
    click(d, f"attendance-{others[0]}-excused")
    type_into(d, f"leave-reason-{others[0]}", "外出务工")
    click(d, "opinion-add")
    type_into(d, "opinion-source-0", "河口村村民")
    type_into(d, "opinion-content-0", "村口至小学的道路坑洼严重，雨天学生上学不便，希望尽快修补")
    click(d, "opinion-add")
    type_into(d, "opinion-content-1", "希望增加镇区至县城的公交班次")
    shot(d, artifacts, "minutes-04-activity-form")
    click(d, "activity-save")
    activity_id = wait(lambda: el(d, "activity-title").get_attribute("data-id"), "the activity's page")
    activity_number = text_of(d, "activity-title")
    assert "请假 1 人" in text_of(d, "activity-attendance")
    assert "（外出务工）" in text_of(d, "activity-excused"), "the excused member with the reason"

    wait(lambda: rows(d, "opinion-to-suggestion")[0].click() or True, "转为建议")
    el(d, "from-opinion")
    wait(lambda: "道路" in el(d, "suggestion-field-subject").get_attribute("value"), "the subject prefilled from the opinion")
    shot(d, artifacts, "minutes-05-suggestion-from-opinion")
    click(d, "suggestion-save")
    # saved from the activity's opinion, the form goes back to the activity
    back = re.compile(rf"activities/{activity_id}(?:$|[/?])")
    wait(lambda: back.search(d.current_url), "back on the activity's page")
    link = el(d, "opinion-suggestion-link")
    assert link.text.strip(), "the activity names the suggestion"
    assert len(rows(d, "opinion-to-suggestion")) == 1, "the other opinion is still open"
    click(d, "opinion-suggestion-link")
    wait(lambda: "suggestions/" in d.current_url and "new" not in d.current_url, "the new suggestion's page")
    assert activity_number.strip() in text_of(d, "opinion-source")
    shot(d, artifacts, "minutes-06-suggestion-source")

    # ---- the chair's duty record shows both ----
    go(d, f"#/deputies/{chair['deputy_id']}")
    el(d, "duty-record")
    wait(lambda: any(r.get_attribute("data-id") == meeting_id for r in rows(d, "duty-record-meeting-row")),
         "the meeting in the duty record")
    wait(lambda: any(r.get_attribute("data-id") == activity_id for r in rows(d, "duty-record-activity-row")),
         "the reception in the duty record")
    year = str(dt.date.today().year)
    row = next(r for r in rows(d, "duty-record-year") if r.get_attribute("data-year") == year)
    receptions = row.find_element(By.CSS_SELECTOR, '[data-col="voter_receptions"]').text.strip()
    assert int(receptions) >= 1, receptions
    d.execute_script("arguments[0].scrollIntoView()", el(d, "duty-record-meetings"))
    shot(d, artifacts, "minutes-07-duty-record")
