"""The clerk's roster work in the real app (issue 2): add a deputy through the form, find them
by pinyin initials, record a resignation, restart the app, and see the data and its history."""

import re

from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By

from ui import choose, click, click_tab, el, shot, text_of, type_into, wait


def row_names(d):
    """Names in the visible roster rows; [] while the table is re-rendering."""
    try:
        return [r.find_element(By.CSS_SELECTOR, '[data-test="deputy-name"]').text.strip()
                for r in d.find_elements(By.CSS_SELECTOR, '[data-test="deputy-row"]') if r.is_displayed()]
    except (NoSuchElementException, StaleElementReferenceException):
        return []


def search_roster(d, query, expect):
    """Types the query into the roster search and waits until exactly `expect` is listed."""
    click(d, "nav-deputies")
    el(d, "roster-table")
    type_into(d, "roster-search", query, enter=True)
    wait(lambda: row_names(d) == [expect], f"only {expect} listed for “{query}”")


def test_add_find_resign_restart(app, artifacts):
    d = app()
    # The demo township is seeded on first run.
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township in the header")
    total = int(wait(lambda: re.match(r"\d+", text_of(d, "home-total")), "home total").group())
    assert 50 <= total <= 70, f"demo has about 60 deputies in office, home shows {total}"
    shot(d, artifacts, "01-home")

    # Add a deputy through the form, with one mistake first: an ID number with a wrong check digit.
    click(d, "nav-deputies")
    click(d, "deputy-add")
    type_into(d, "field-name", "邹晓雯")
    choose(d, "field-sex", "女")
    choose(d, "field-political_status", "中共党员")
    choose(d, "field-occupation", "农民")
    type_into(d, "field-birth_date", "1982.07")
    type_into(d, "field-elected_on", "2023-09-12", enter=True)
    type_into(d, "field-id_number", "110105194912310021")
    click(d, "form-save")
    item = el(d, "field-id_number").find_element(By.XPATH, "./ancestor::*[contains(@class,'el-form-item')][1]")
    wait(lambda: "校验" in item.text, "the ID number error shown under its field")
    shot(d, artifacts, "02-form-inline-error")
    type_into(d, "field-id_number", "")
    click(d, "form-save")
    wait(lambda: text_of(d, "deputy-title") == "邹晓雯", "the new deputy's page")
    assert el(d, "deputy-status").get_attribute("data-status") == "in_office"

    # Find her by pinyin initials (zou xiao wen).
    search_roster(d, "zxw", "邹晓雯")
    shot(d, artifacts, "03-found-by-initials")
    wait(lambda: d.find_element(By.CSS_SELECTOR, '[data-test="deputy-row"] [data-test="deputy-name"]').click() or True,
         "click her row")
    wait(lambda: text_of(d, "deputy-title") == "邹晓雯", "her page from the list")

    # Record her resignation.
    click(d, "event-add")
    choose(d, "event-kind", "辞职")
    type_into(d, "event-date", "2024-05-06", enter=True)
    type_into(d, "event-reason", "因工作调动辞去代表职务")
    type_into(d, "event-notice_no", "青人大〔2024〕6号")
    click(d, "event-save")
    wait(lambda: el(d, "deputy-status").get_attribute("data-status") == "ended", "status 终止 after the resignation")
    shot(d, artifacts, "04-resigned")
    url = d.current_url

    # Restart the app: a new session launches it again on the same file.
    d.quit()
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the app again")
    d.get(url)
    wait(lambda: text_of(d, "deputy-title") == "邹晓雯", "her page after the restart")
    assert el(d, "deputy-status").get_attribute("data-status") == "ended"
    events = d.find_elements(By.CSS_SELECTOR, '[data-test="event-item"]')
    assert any(e.get_attribute("data-kind") == "resignation" for e in events)
    # The change history: created, then the resignation, with who did it.
    click_tab(d, "修改记录")
    def history_text():
        return d.execute_script("return arguments[0].innerText", el(d, "history-table"))
    wait(lambda: "登记辞职" in history_text() and "办公室" in history_text(), "the resignation in the history with the operator")
    assert "第二十届" in history_text(), "references are shown by name, not by id"
    shot(d, artifacts, "05-history-after-restart")
