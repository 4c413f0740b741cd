"""The clerk's hands (issue 22, section Tests), in the real app on the demo township:

1. dates typed the way people write them (2026.3.5, 3月5日) are read and said back; 2026.13.5 is an
   error on the field, the typed text stays and the form does not save;
2. voiding a resignation gives the deputy's presidium post back;
3. a resignation dated before a suggestion the deputy leads shows the clash, and is saved only with
   a confirming reason, which the history keeps;
4. Ctrl+Enter saves from a select and from a date field whose text is not read yet;
5. a page opened from a scrolled page starts at the top.

What was saved is read back through the CLI (`taizhang-cli --db … --json`) on the app's own file.
"""

import datetime as dt
import json
import os
import subprocess
import time

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, click_tab, el, shot, text_of, type_into, wait


def cli(db, *args):
    out = subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *map(str, args)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def started(app):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township in the header")
    return d


def app_today(d) -> dt.date:
    """The app's today: the webview's clock, which the date fields read 3月5日 against."""
    y, m, day = d.execute_script("const n = new Date(); return [n.getFullYear(), n.getMonth() + 1, n.getDate()]")
    return dt.date(y, m, day)


def cn(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def value(d, test_id):
    return el(d, test_id).get_attribute("value")


def shown(d, test_id):
    """The visible element with this hook, or None (no waiting)."""
    return next((e for e in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]') if e.is_displayed()), None)


def calendar_open(d, test_id):
    return any(p.is_displayed() for p in d.find_elements(By.CSS_SELECTOR, f".popper-{test_id}"))


def type_date(d, test_id, text):
    """Types into a date box as a clerk does and leaves it with Tab (which reads it)."""
    type_into(d, test_id, text)
    el(d, test_id).send_keys(Keys.TAB)
    wait(lambda: not calendar_open(d, test_id),
         f"the calendar of {test_id} closed once Tab left the box (else it covers the fields below)", timeout=3)
    time.sleep(0.3)  # its fade-out, for a clean screenshot


def ctrl_enter(d):
    """Ctrl+Enter to whatever has the focus, as the keyboard sends it."""
    ActionChains(d).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()


def confirm_prompt(d, reason):
    """Answers an Element Plus prompt box (作废原因): types the reason, clicks the confirm button."""
    box = wait(lambda: next((b for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box input") if b.is_displayed()), None),
               "the reason prompt")
    box.send_keys(reason)
    wait(lambda: d.find_elements(By.CSS_SELECTOR, ".el-message-box__btns button")[1].click() or True, "confirm the prompt")


def main_scroll(d):
    return d.execute_script("return document.querySelector('[data-test=\"main-area\"]').scrollTop")


def scroll_to_bottom(d):
    """Scrolls the page down as a clerk does at the keyboard: a click on a blank spot of the page
    (the main area's top-left margin), then End. (WebKitWebDriver's wheel actions proved unreliable
    here: the same wheel moved the page one time and not the next.)"""
    main = el(d, "main-area")
    ActionChains(d).move_to_element_with_offset(main, -main.size["width"] // 2 + 4, -main.size["height"] // 2 + 4) \
        .click().send_keys(Keys.END).perform()
    wait(lambda: main_scroll(d) > 300, "the page scrolled well down")


def settled_scroll(d):
    """The main area's scrollTop once the new page has settled (past any late scroll restore)."""
    time.sleep(0.8)
    return main_scroll(d)


def open_deputy(d, deputy):
    """From the roster: search the deputy's initials and click the row with the name."""
    click(d, "nav-deputies")
    el(d, "roster-table")
    type_into(d, "roster-search", deputy["initials"], enter=True)

    def row():
        for r in d.find_elements(By.CSS_SELECTOR, '[data-test="deputy-row"]'):
            if r.is_displayed() and r.get_attribute("data-id") == str(deputy["id"]):
                r.find_element(By.CSS_SELECTOR, '[data-test="deputy-name"]').click()
                return True
        return False
    wait(row, f"{deputy['name']} in the roster for “{deputy['initials']}”")
    wait(lambda: text_of(d, "deputy-title") == deputy["name"], f"{deputy['name']}'s page")


def post_rows(d):
    """(职务, 任职日期, 结束日期) of the rows in the deputy's 主席团职务 tab."""
    click_tab(d, "主席团职务")

    def read():
        table = el(d, "post-table")
        # in sight, as the clerk scrolls to it (and for the screenshot)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", table)
        rows = []
        for r in table.find_elements(By.CSS_SELECTOR, "tr.el-table__row"):
            cells = [d.execute_script("return arguments[0].innerText", c).strip() for c in r.find_elements(By.CSS_SELECTOR, "td")]
            if not all(cells[:3]):
                return None  # the tab still sliding in: its cells read empty
            rows.append(tuple(cells[:3]))
        return rows or None
    return wait(read, "the 主席团职务 table shown")


def history_text(d):
    click_tab(d, "修改记录")
    return d.execute_script("return arguments[0].innerText", el(d, "history-table"))


def show_history_row(d, text):
    """Scrolls the 修改记录 row holding `text` into sight (for the screenshot)."""
    def in_sight():
        row = next((r for r in el(d, "history-table").find_elements(By.CSS_SELECTOR, "tr.el-table__row")
                    if text in d.execute_script("return arguments[0].innerText", r)), None)
        if row is None:
            return False
        return d.execute_script("arguments[0].scrollIntoView({block: 'center'});"
                                "const r = arguments[0].getBoundingClientRect();"
                                "return r.top >= 56 && r.bottom <= window.innerHeight", row)
    wait(in_sight, "the history row with the reason in sight")
    time.sleep(0.3)


# ---- 1 and 4: dates as people write them, Ctrl+Enter from a select and from a date ----------------

def test_dates_as_typed_and_ctrl_enter_from_pickers(app, artifacts, tmp_path):
    d = started(app)
    db = tmp_path / "taizhang.db"
    today = app_today(d)
    march5 = dt.date(2026, 3, 5)
    assert today >= march5, "the scene types 2026.3.5 as a received date, which must not be in the future"
    title = "关于做好年度代表述职工作的通知"

    click(d, "nav-documents")
    click(d, "document-add-received")
    wait(lambda: text_of(d, "document-form-title") == "登记收文", "the 登记收文 form")
    type_into(d, "document-field-issuer", "县人大常委会")
    type_into(d, "document-field-title", title)

    # 2026.13.5: no month 13. Ctrl+Enter straight from the box reads it first and stops the save.
    type_into(d, "document-field-date", "2026.13.5")
    ctrl_enter(d)
    err = wait(lambda: shown(d, "document-field-date-error"), "an error under the date")
    assert "月份" in err.text, f"the error names what is wrong (the month): {err.text}"
    assert value(d, "document-field-date") == "2026.13.5", \
        "the unreadable text stays in the box for the clerk to correct, never replaced by another date"
    time.sleep(1.0)
    assert "/documents/new" in d.current_url, "Ctrl+Enter with an unreadable date does not save the form"
    # Tab and 保存 as well: still an error, still the typed text, still no save.
    el(d, "document-field-date").send_keys(Keys.TAB)
    click(d, "document-save")
    time.sleep(1.5)
    assert "/documents/new" in d.current_url and shown(d, "document-form-title"), \
        "保存 with an unread date leaves the clerk on the form"
    assert value(d, "document-field-date") == "2026.13.5", "the refused save did not replace the typed text either"
    assert shown(d, "document-field-date-error"), "the reason is still shown under the date after 保存"
    assert cli(db, "documents", "list", "--search", title, "--json") == [], \
        "nothing reached the database while the date was unreadable"
    shot(d, artifacts, "hands-01-date-2026.13.5-error")

    # 2026.3.5 then Tab: written out as 2026-03-05, and the hint says what was understood.
    type_date(d, "document-field-date", "2026.3.5")
    wait(lambda: value(d, "document-field-date") == "2026-03-05", "the box showing 2026-03-05")
    hint = wait(lambda: shown(d, "document-field-date-hint"), "the hint under the date")
    assert hint.text.strip() == "已识别为 2026年3月5日", f"the hint says the date understood: {hint.text}"
    assert shown(d, "document-field-date-error") is None, "the error is gone once the date is read"
    shot(d, artifacts, "hands-02-date-2026.3.5-understood")
    click(d, "document-save")
    wait(lambda: el(d, "document-title").get_attribute("data-id"), "the new document's page")
    doc_id = el(d, "document-title").get_attribute("data-id")
    saved = cli(db, "documents", "show", doc_id, "--json")["document"]
    assert saved["title"] == title and saved["date"] == "2026-03-05", \
        f"the CLI reads the date as understood (2026-03-05), not today nor another date: {saved['date']}"

    # 3月5日 in the 传阅 dialog (its box holds today): read as 3 March of the app's year.
    march5_this_year = dt.date(today.year, 3, 5)
    click(d, "document-read-add")
    type_into(d, "read-field-reader", "镇人大主席")
    type_date(d, "read-field-read_on", "3月5日")
    wait(lambda: value(d, "read-field-read_on") == march5_this_year.isoformat(),
         f"3月5日 shown as {march5_this_year.isoformat()} (this year)")
    hint = wait(lambda: shown(d, "read-field-read_on-hint"), "the hint under 阅文日期")
    assert hint.text.strip() == f"已识别为 {cn(march5_this_year)}", \
        f"3月5日 is understood as this year's ({today.year}) 5 March, not today and not another year: {hint.text}"
    shot(d, artifacts, "hands-03-date-3月5日-understood")
    if march5 <= march5_this_year <= today:  # a reading lies between the document's date and today
        click(d, "read-save")
        wait(lambda: any("镇人大主席" in r.text for r in d.find_elements(By.CSS_SELECTOR, '[data-test="document-read-row"]')),
             "the reading listed")
        reads = [r for r in cli(db, "documents", "show", doc_id, "--json")["reads"] if r["reader"] == "镇人大主席"]
        assert [r["read_on"] for r in reads] == [march5_this_year.isoformat()], \
            f"the reading is stored on 3 March of this year, as the hint said: {reads}"

    # 4a. Ctrl+Enter from a date whose typed text is not read yet: read first, then saved.
    click(d, "document-archive")
    type_into(d, "archive-field-volume", "2026-文书-09")
    type_into(d, "archive-field-archived_on", "2026.3.6")
    assert d.switch_to.active_element == el(d, "archive-field-archived_on"), "the focus is in the date box"
    assert value(d, "archive-field-archived_on") == "2026.3.6", "the text is still unread when the keys are pressed"
    ctrl_enter(d)
    wait(lambda: el(d, "document-archived").get_attribute("data-archived") == "true", "the document archived")
    wait(lambda: not calendar_open(d, "archive-field-archived_on"), "the calendar gone with the dialog", timeout=3)
    time.sleep(0.4)  # the dialog's fade-out, for a clean screenshot
    assert "2026年3月6日" in text_of(d, "document-archived"), \
        f"Ctrl+Enter read 2026.3.6 before saving: {text_of(d, 'document-archived')}"
    assert cli(db, "documents", "show", doc_id, "--json")["document"]["archived_on"] == "2026-03-06", \
        "the CLI has the date typed in the box when Ctrl+Enter was pressed"
    shot(d, artifacts, "hands-04-ctrl-enter-from-date")

    # 4b. Ctrl+Enter with the focus in a select (层级): the form saves.
    title2 = "关于报送代表联络站活动情况的通知"
    click(d, "nav-documents")
    click(d, "document-add-received")
    wait(lambda: text_of(d, "document-form-title") == "登记收文", "the 登记收文 form again")
    type_into(d, "document-field-issuer", "县人大常委会办公室")
    type_into(d, "document-field-title", title2)
    choose(d, "document-field-issuer_level", "县级")
    select = el(d, "document-field-issuer_level")
    wait(lambda: d.execute_script("return arguments[0].contains(document.activeElement)", select),
         "the focus left in the 层级 select after picking")
    shot(d, artifacts, "hands-05-focus-in-select")
    ctrl_enter(d)
    wait(lambda: shown(d, "document-title") and el(d, "document-title").get_attribute("data-id") not in (None, "", doc_id),
         "the second document's page after Ctrl+Enter in the select")
    found = cli(db, "documents", "list", "--search", title2, "--json")
    assert len(found) == 1 and found[0]["issuer_level"] == "county", \
        f"Ctrl+Enter saved the entry once, with the level picked in the select: {found}"
    shot(d, artifacts, "hands-06-ctrl-enter-from-select-saved")


# ---- 2: voiding a resignation gives the post back -------------------------------------------------

def test_void_a_resignation_restores_the_post(app, artifacts, tmp_path):
    d = started(app)
    db = tmp_path / "taizhang.db"
    today = app_today(d)
    holders = [x for x in cli(db, "deputies", "list", "--status", "in_office", "--json") if x["presidium_post"]]
    assert holders, "the demo has deputies on the presidium"
    initials = [x["initials"] for x in cli(db, "deputies", "list", "--json")]
    deputy = next(x for x in holders if initials.count(x["initials"]) == 1)
    posts = cli(db, "deputies", "show", deputy["id"], "--json")["posts"]
    assert [p["end_date"] for p in posts] == [None], f"the chosen deputy holds one open post: {posts}"
    start = dt.date.fromisoformat(posts[0]["start_date"])

    open_deputy(d, deputy)
    rows = post_rows(d)
    assert len(rows) == 1 and rows[0][1] == cn(start) and rows[0][2] == "至今", f"the post is open before: {rows}"
    post_label = rows[0][0]

    click_tab(d, "状态变动")
    click(d, "event-add")
    choose(d, "event-kind", "辞职")
    assert value(d, "event-date") == today.isoformat(), "the date defaults to today, the resignation's date here"
    type_into(d, "event-reason", "因工作调动辞去代表职务")
    click(d, "event-save")
    wait(lambda: el(d, "deputy-status").get_attribute("data-status") == "ended", "status 终止 after the resignation")
    rows = post_rows(d)
    assert rows == [(post_label, cn(start), cn(today))], f"the resignation ended the post today: {rows}"
    shot(d, artifacts, "hands-07-resigned-post-ended")

    click_tab(d, "状态变动")
    click(d, "event-void")
    confirm_prompt(d, "误登记：该代表并未辞职")
    wait(lambda: any(e.get_attribute("data-voided") == "true" for e in d.find_elements(By.CSS_SELECTOR, '[data-test="event-item"]')),
         "the resignation marked 已作废")
    wait(lambda: el(d, "deputy-status").get_attribute("data-status") == "in_office",
         "status 在任 again: the voided resignation no longer counts")
    rows = post_rows(d)
    assert rows == [(post_label, cn(start), "至今")], f"voiding the resignation gave the post back, open (至今): {rows}"
    shot(d, artifacts, "hands-08-voided-post-restored")

    shown_cli = cli(db, "deputies", "show", deputy["id"], "--json")
    assert [(e["kind"], e["voided"]) for e in shown_cli["events"]] == [("resignation", True)], \
        f"the CLI keeps the resignation, voided: {shown_cli['events']}"
    assert [(p["id"], p["end_date"]) for p in shown_cli["posts"]] == [(posts[0]["id"], None)], \
        f"the CLI has the same post open again, not ended on the voided date: {shown_cli['posts']}"
    assert shown_cli["deputy"]["status"] == "in_office" and shown_cli["deputy"]["presidium_post"] == deputy["presidium_post"], \
        "the CLI has the deputy in office, on the presidium again"


# ---- 3: a back-dated resignation shows the clash and needs a reason -------------------------------

def test_backdated_resignation_clash_confirmed_with_a_reason(app, artifacts, tmp_path):
    d = started(app)
    db = tmp_path / "taizhang.db"
    in_office = {x["id"]: x for x in cli(db, "deputies", "list", "--status", "in_office", "--json")}
    initials = [x["initials"] for x in in_office.values()]
    # The latest suggestion led by a deputy in office with no status event (so a resignation the
    # day before it is in order but for the clash), and whose initials find only that deputy.
    led = sorted((s for s in cli(db, "suggestions", "list", "--json")
                  if not s["voided"] and s["lead_deputy"] and s["lead_deputy"]["id"] in in_office
                  and initials.count(in_office[s["lead_deputy"]["id"]]["initials"]) == 1),
                 key=lambda x: x["received_on"], reverse=True)
    s = next(x for x in led if not cli(db, "deputies", "show", x["lead_deputy"]["id"], "--json")["events"])
    deputy = in_office[s["lead_deputy"]["id"]]
    day = dt.date.fromisoformat(s["received_on"]) - dt.timedelta(days=1)
    assert day >= dt.date.fromisoformat(deputy["elected_on"]), "the resignation falls within the mandate"

    open_deputy(d, deputy)
    click(d, "event-add")
    choose(d, "event-kind", "辞职")
    type_date(d, "event-date", f"{day.year}.{day.month}.{day.day}")
    wait(lambda: value(d, "event-date") == day.isoformat(), f"the date read as {day.isoformat()}")
    type_into(d, "event-reason", "本人申请辞去代表职务")
    click(d, "event-save")
    alert = wait(lambda: shown(d, "event-clash-alert"), "the clash alert in the dialog")
    assert f"领衔代表建议{s['number']}（{cn(dt.date.fromisoformat(s['received_on']))}）" in alert.text, \
        f"the alert names the later suggestion the deputy leads, with its date: {alert.text}"
    assert f"辞职日期为{cn(day)}" in alert.text, f"the alert quotes the resignation's date: {alert.text}"
    assert cli(db, "deputies", "show", deputy["id"], "--json")["events"] == [], \
        "nothing is saved while the clash stands unconfirmed"
    assert el(d, "deputy-status").get_attribute("data-status") == "in_office", "the deputy is still in office"
    shot(d, artifacts, "hands-09-clash-alert")

    reason = "辞职申请当日已递交，该建议系此前提出、次日补登记"
    type_into(d, "event-confirm-reason", reason)
    click(d, "event-confirm-save")
    wait(lambda: el(d, "deputy-status").get_attribute("data-status") == "ended", "status 终止 once confirmed")
    events = cli(db, "deputies", "show", deputy["id"], "--json")["events"]
    assert [(e["kind"], e["date"]) for e in events] == [("resignation", day.isoformat())], \
        f"the resignation is saved with the date typed: {events}"

    wait(lambda: reason in history_text(d), "the confirming reason in 修改记录")
    assert s["number"] in history_text(d), "the history names the later record the reason stands against"
    show_history_row(d, reason)
    shot(d, artifacts, "hands-10-history-holds-the-reason")
    notes = [h.get("note") or "" for h in cli(db, "history", "--entity", "deputy", "--id", deputy["id"], "--json")]
    assert any(reason in n and s["number"] in n for n in notes), \
        f"the CLI history of the deputy keeps the reason with the clash it confirms: {notes}"


# ---- 5: a page opened from a scrolled page starts at the top --------------------------------------

def test_a_page_opened_from_a_scrolled_page_starts_at_the_top(app, artifacts):
    d = started(app)
    click(d, "nav-deputies")
    wait(lambda: len([r for r in d.find_elements(By.CSS_SELECTOR, '[data-test="deputy-row"]') if r.is_displayed()]) >= 10,
         "the roster listed")
    scroll_to_bottom(d)
    shot(d, artifacts, "hands-11-roster-scrolled")

    # Open a deputy from the lower part of the list.
    rows = [r for r in d.find_elements(By.CSS_SELECTOR, '[data-test="deputy-row"]') if r.is_displayed()]
    last = rows[-1]
    name = last.find_element(By.CSS_SELECTOR, '[data-test="deputy-name"]').text.strip()
    last.find_element(By.CSS_SELECTOR, '[data-test="deputy-name"]').click()
    wait(lambda: text_of(d, "deputy-title") == name, f"{name}'s page")
    top = settled_scroll(d)
    assert top == 0, f"the deputy page opened from the scrolled roster starts at the top, not at {top}px"
    shot(d, artifacts, "hands-12-deputy-page-at-top")

    # From the bottom of the (long) deputy page, 导出到U盘 from the menu: its title in sight.
    scroll_to_bottom(d)
    shot(d, artifacts, "hands-13-deputy-page-scrolled")
    click(d, "nav-export")
    title = wait(lambda: next((h for h in d.find_elements(By.CSS_SELECTOR, "h1.page-title")
                               if h.is_displayed() and h.text.strip() == "导出到U盘"), None), "the 导出到U盘 page")
    top = settled_scroll(d)
    assert top == 0, f"导出到U盘 opened from the scrolled deputy page starts at the top, not at {top}px"
    assert d.execute_script("return arguments[0].getBoundingClientRect().top >= "
                            "document.querySelector('[data-test=\"main-area\"]').getBoundingClientRect().top", title), \
        "its title is not cut off at the top"
    shot(d, artifacts, "hands-14-export-page-at-top")
