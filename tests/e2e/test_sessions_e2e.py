"""The sessions book (人代会) in the real app, on the demo: a session opening today (the demo's are
all in the past) registered at the keyboard — two deputies marked 请假 with their reasons and one
缺席, each found by typing pinyin initials and Enter; an agenda item with its votes; a competitive
by-election of one 副乡镇长 out of two candidates — then its page says 出席/应到 and who was elected
(the core counts a majority of ALL deputies). The home page flags the demo's deputy absent twice
without approval, and its 登记终止代表资格 opens that deputy's 登记变动 prefilled (nothing saved);
an excused deputy's duty record counts the session; the session's book previews in the print panel."""

import datetime as dt
import json
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, el, shot, text_of, type_into, wait


def cli(db, *args):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *args], capture_output=True, text=True, check=True).stdout


def go(d, hash_path):
    d.execute_script("window.location.hash = arguments[0]", hash_path)


def rows(d, test_id):
    return [r for r in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]') if r.is_displayed()]


def type_number(d, test_id, n):
    e = wait(lambda: el(d, test_id).find_element(By.CSS_SELECTOR, "input"), f"{test_id} input")
    e.send_keys(Keys.CONTROL, "a")
    e.send_keys(Keys.BACKSPACE)
    e.send_keys(str(n))
    e.send_keys(Keys.TAB)


def active_test_id(d):
    return d.switch_to.active_element.get_attribute("data-test") or ""


def count(d):
    """The live count line of the form: (expected, present, excused, absent)."""
    line = el(d, "session-count")
    return tuple(int(line.get_attribute(f"data-{k}")) for k in ("expected", "present", "excused", "absent"))


def mark_by_initials(d, deputy):
    """Types the deputy's pinyin initials into 标记请假/缺席 and presses Enter, as the clerk does:
    the first match is taken (these deputies' initials find only them)."""
    box = el(d, "session-mark").find_element(By.CSS_SELECTOR, "input")
    box.click()
    box.send_keys(deputy["initials"])

    def first_offered():
        options = [o for o in d.find_elements(By.CSS_SELECTOR, ".popper-session-mark .el-select-dropdown__item") if o.is_displayed()]
        return options and options[0].text.strip().startswith(deputy["name"])
    wait(first_offered, f"{deputy['name']} offered first for “{deputy['initials']}”")
    box.send_keys(Keys.ENTER)
    wait(lambda: any(r.get_attribute("data-id") == str(deputy["id"]) for r in rows(d, "exception-row")),
         f"{deputy['name']} among the exceptions")


def unique_by_initials(db, members, skip):
    """Deputies expected today whose initials, searched as the form searches, find only them."""
    roster = {x["id"]: x for x in json.loads(cli(db, "deputies", "list", "--json"))}
    out = []
    for m in members:
        x = roster.get(m["deputy_id"])
        if not x or x["id"] in skip or not x["initials"]:
            continue
        found = json.loads(cli(db, "deputies", "list", "--search", x["initials"], "--json"))
        if [f["id"] for f in found] == [x["id"]]:
            out.append(x)
        if len(out) == 3:
            return out
    raise AssertionError("the demo should have three deputies whose initials find only them")


def test_a_session_at_the_keyboard_its_results_the_absent_twice_flag_duty_record_and_book(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    today = dt.date.today().isoformat()
    draft = json.loads(cli(db, "sessions", "draft", today))
    checks = json.loads(cli(db, "sessions", "checks", "--json"))
    assert checks["absent_twice"], "the demo has a deputy absent twice without approval"
    truant = checks["absent_twice"][0]
    members = draft["members"]
    expected = len(members)
    assert expected > 12, "enough deputies for the candidate's majority of all of them below"
    excused1, excused2, absent = unique_by_initials(db, members, {truant["deputy"]["id"]})

    # ---- 登记人代会 at the keyboard --------------------------------------------------------------
    click(d, "nav-sessions")
    el(d, "sessions-table")
    wait(lambda: rows(d, "session-row"), "the demo's sessions listed")
    shot(d, artifacts, "sessions-01-list")
    click(d, "session-new")
    wait(lambda: draft["number"] in text_of(d, "session-number-preview"), "the number the session will get")
    wait(lambda: count(d) == (expected, expected, 0, 0), "every deputy present to start with")
    assert len(rows(d, "session-member")) == expected

    # 请假 (the default mark): the focus goes to the reason; Enter there returns to the box
    for deputy, reason in ((excused1, "因病住院"), (excused2, "外出务工")):
        mark_by_initials(d, deputy)
        wait(lambda: active_test_id(d) == f"exception-reason-{deputy['id']}", "the focus in the reason")
        d.switch_to.active_element.send_keys(reason)
        d.switch_to.active_element.send_keys(Keys.ENTER)
        wait(lambda: d.execute_script("return !!document.activeElement.closest('[data-test=\"session-mark\"]')"),
             "the focus back in 标记请假/缺席")
    # 缺席: without approval, no reason asked
    click(d, "session-mark-absent")
    mark_by_initials(d, absent)
    marks = {r.get_attribute("data-id"): r.get_attribute("data-attendance") for r in rows(d, "exception-row")}
    assert marks == {str(excused1["id"]): "excused", str(excused2["id"]): "excused", str(absent["id"]): "absent"}, marks
    present = expected - 3
    assert count(d) == (expected, present, 2, 1)
    type_into(d, "field-place", "镇政府三楼大会议室")

    # an agenda item with its votes
    click(d, "items-add")
    type_into(d, "item-title-0", "审查和批准财政预算调整方案")
    click(d, "item-voted-0")
    type_number(d, "item-for-0", present - 1)
    type_number(d, "item-against-0", 1)
    type_number(d, "item-abstain-0", 0)

    # a competitive by-election: one 副乡镇长 out of two candidates
    click(d, "election-add")
    choose(d, "election-post-0", "副乡镇长")
    click(d, "election-competitive-0-true")
    click(d, "election-by_election-0")
    type_number(d, "election-places-0", 1)
    type_number(d, "election-issued-0", present)
    type_number(d, "election-returned-0", present)
    type_number(d, "election-valid-0", present - 1)
    type_number(d, "election-invalid-0", 1)
    type_into(d, "candidate-name-0-0", "周建国")
    type_number(d, "candidate-votes-0-0", present - 3)
    click(d, "candidate-add-0")
    type_into(d, "candidate-name-0-1", "吴晓明")
    type_number(d, "candidate-votes-0-1", 2)
    shot(d, artifacts, "sessions-02-form")
    click(d, "session-save")

    # ---- the session's page: 出席/应到 and who was elected -------------------------------------------
    session_id = wait(lambda: el(d, "session-title").get_attribute("data-id"), "the session's page")
    assert text_of(d, "session-title") == draft["number"]
    summary = el(d, "session-attendance-summary")
    assert summary.get_attribute("data-expected") == str(expected)
    assert summary.get_attribute("data-present") == str(present)
    assert f"应到 {expected} 人，出席 {present} 人，请假 2 人，缺席 1 人" in summary.text
    assert "因病住院" in text_of(d, "session-excused") and "外出务工" in text_of(d, "session-excused")
    assert absent["name"] in text_of(d, "session-absent")
    elected = [c.text.strip() for c in rows(d, "session-candidate") if c.get_attribute("data-elected") == "true"]
    assert elected == ["周建国"], elected
    assert rows(d, "session-candidate-elected"), "当选 shown"
    assert "差额" in text_of(d, "session-election-title") and "补选" in text_of(d, "session-election-title")
    passed = [t.get_attribute("data-value") for t in rows(d, "session-item-passed")]
    assert passed == ["true"], passed
    shot(d, artifacts, "sessions-03-page")
    stored = json.loads(cli(db, "sessions", "show", session_id, "--json"))["session"]
    assert (stored["expected"], stored["present"], stored["excused"], stored["absent"]) == (expected, present, 2, 1)
    assert [c["name"] for c in stored["elections"][0]["candidates"] if c["elected"]] == ["周建国"]

    # ---- the home page flags the deputy absent twice; 登记终止代表资格 only opens the form -----------
    click(d, "nav-home")
    flag = wait(lambda: next((f for f in rows(d, "absent-twice") if f.get_attribute("data-id") == str(truant["deputy"]["id"])), None),
                "the demo's deputy absent twice flagged on the home page")
    assert "未经批准两次不出席人代会" in flag.text and truant["deputy"]["name"] in flag.text
    shot(d, artifacts, "sessions-04-home-absent-twice")
    # The toast of the save may still cover the page for a moment: retried until the click lands.
    wait(lambda: flag.find_element(By.CSS_SELECTOR, '[data-test="absent-twice-terminate"]').click() or True,
         "click 登记终止代表资格")
    wait(lambda: f"/deputies/{truant['deputy']['id']}" in d.current_url, "the deputy's page")
    reason = wait(lambda: el(d, "event-reason"), "登记变动 opened")
    wait(lambda: "未经批准两次不出席人代会" in reason.get_attribute("value"), "the reason prefilled")
    assert truant["sessions"][0]["number"] in reason.get_attribute("value")
    shot(d, artifacts, "sessions-05-termination-prefilled")
    reason.send_keys(Keys.ESCAPE)  # nothing is recorded unless the clerk saves
    events = json.loads(cli(db, "deputies", "show", str(truant["deputy"]["id"]), "--json"))["events"]
    assert not any(e["kind"] == "termination" and not e["voided"] for e in events)

    # ---- an excused deputy's duty record counts the session ---------------------------------------
    go(d, f"#/deputies/{excused1['id']}")
    el(d, "duty-record")
    row = wait(lambda: next((r for r in rows(d, "duty-record-session-row") if r.get_attribute("data-id") == session_id), None),
               "the session in the duty record")
    tag = row.find_element(By.CSS_SELECTOR, '[data-test="duty-record-session-attendance"]')
    assert tag.get_attribute("data-value") == "excused"
    assert "因病住院" in row.text
    year = str(dt.date.today().year)
    year_row = next(r for r in rows(d, "duty-record-year") if r.get_attribute("data-year") == year)
    assert "请假" in year_row.find_element(By.CSS_SELECTOR, '[data-col="sessions"]').text
    d.execute_script("arguments[0].scrollIntoView()", el(d, "duty-record-sessions"))
    shot(d, artifacts, "sessions-06-duty-record")

    # ---- the session's book in the print panel -----------------------------------------------------
    go(d, f"#/sessions/{session_id}")
    wait(lambda: el(d, "session-title").get_attribute("data-id") == session_id, "the session's page again")
    click(d, "session-print")
    dialog = el(d, "session-print-dialog")
    wait(lambda: "人民代表大会会议记录簿" in dialog.find_element(By.CSS_SELECTOR, ".el-dialog__title").text, "the book's title")
    wait(lambda: text_of(d, "preview-page-label").replace(" ", "").startswith("第1页"), "the first page previewed", timeout=30)
    page = el(d, "preview-page")
    img = wait(lambda: page.find_element(By.CSS_SELECTOR, "img"), "the page image")
    wait(lambda: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img), "the page image loaded")
    shot(d, artifacts, "sessions-07-print")
