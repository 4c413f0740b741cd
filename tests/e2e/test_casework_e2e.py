"""The casework scenes of issue 3 in the real app: a suggestion from a deputy with two co-signers
is registered, assigned, seen on the dashboard as due, answered, judged 不满意, re-handled and
closed, and the rates on the statistics page move by exactly that case; then a group visit about
the same road as an earlier petition is registered, the repeat is offered and linked, and its
acceptance-notice deadline is shown."""

import datetime as dt
import json
import os
import re
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, el, shot, text_of, type_into, wait


def cli(db, *args):
    out = subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *args], capture_output=True, text=True, check=True)
    return out.stdout


def go(d, hash_path):
    d.execute_script("window.location.hash = arguments[0]", hash_path)


def pick_deputy(d, test_id, deputy):
    """Types the deputy's pinyin initials into a deputy picker and clicks the option with the name."""
    click(d, test_id)
    box = el(d, test_id).find_element(By.CSS_SELECTOR, "input")
    box.send_keys(deputy["initials"])

    def option():
        for o in d.find_elements(By.CSS_SELECTOR, f".popper-{test_id} .el-select-dropdown__item"):
            if o.is_displayed() and deputy["name"] in o.text:
                o.click()
                return True
        return False
    wait(option, f"{deputy['name']} offered for “{deputy['initials']}”")
    box.send_keys(Keys.ESCAPE)


def step(d, action, fill=None):
    click(d, f"suggestion-action-{action}")
    el(d, "step-submit")
    if fill:
        fill()
    click(d, "step-submit")


def state_is(d, state):
    wait(lambda: el(d, "suggestion-state").get_attribute("data-state") == state, f"state {state}")


def rate(d, key):
    """(numerator, denominator) of a rate on the statistics page."""
    text = wait(lambda: re.search(r"（(\d+)/(\d+)）", text_of(d, f"cstats-s-{key}")), f"rate {key}")
    return int(text.group(1)), int(text.group(2))


def set_date(d, test_id, day):
    type_into(d, test_id, day.isoformat(), enter=True)


def test_a_suggestion_through_dissatisfaction_to_closing_and_a_repeat_group_visit(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    deputies = json.loads(cli(db, "deputies", "list", "--status", "in_office", "--json"))
    initials = [x["initials"] for x in deputies]
    unique = [x for x in deputies if initials.count(x["initials"]) == 1]
    lead, co1, co2 = unique[0], unique[1], unique[2]

    today = dt.date.today()
    received, assigned = today - dt.timedelta(days=95), today - dt.timedelta(days=88)
    period = f"?from={received.replace(month=1, day=1).isoformat()}&to={today.isoformat()}"

    # Register: 闭会期间, lead and two co-signers picked by pinyin initials.
    click(d, "nav-suggestions")
    click(d, "suggestion-add")
    click(d, "suggestion-field-during_session-false")
    session = el(d, "suggestion-field-session_no").find_element(By.CSS_SELECTOR, "input")
    session.send_keys(Keys.CONTROL, "a")
    session.send_keys("6", Keys.TAB)
    pick_deputy(d, "suggestion-field-lead_deputy_id", lead)
    pick_deputy(d, "suggestion-field-co_signer_ids", co1)
    pick_deputy(d, "suggestion-field-co_signer_ids", co2)
    type_into(d, "suggestion-field-subject", "关于修缮河口村便民桥的建议")
    choose(d, "suggestion-field-category", "交通建设")
    set_date(d, "suggestion-field-received_on", received)
    shot(d, artifacts, "casework-01-register")
    click(d, "suggestion-save")
    sid = wait(lambda: el(d, "suggestion-saved-number").get_attribute("data-id"), "the new suggestion's id")
    click(d, "suggestion-saved-open")
    state_is(d, "registered")
    assert lead["name"] in text_of(d, "suggestion-lead")
    assert co1["name"] in text_of(d, "suggestion-cosigners") and co2["name"] in text_of(d, "suggestion-cosigners")

    # Assign with the date the presidium decided; the three-month reply deadline is days away.
    def assign_fill():
        set_date(d, "step-field-date", assigned)
        choose(d, "step-field-lead_unit_id", "镇建设管理办公室")
    step(d, "assign", assign_fill)
    state_is(d, "assigned")

    click(d, "nav-home")
    el(d, "dashboard-due-soon")
    number = wait(lambda: next((c for c in d.find_elements(By.CSS_SELECTOR, '[data-test="dashboard-due-soon"] [data-test="dashboard-item-number"]')
                                if c.get_attribute("data-id") == sid and c.get_attribute("data-book") == "suggestions"), None),
                  "the suggestion among 7日内到期")
    row = number.find_element(By.XPATH, "./ancestor::tr[1]")
    assert "剩余" in row.text or "今天到期" in row.text, row.text
    shot(d, artifacts, "casework-02-dashboard-due")

    go(d, f"#/casework-stats{period}")
    before = {k: rate(d, k) for k in ("reply_rate", "close_rate", "first_round_satisfaction", "final_satisfaction")}

    # Reply, 不满意, re-handle, reply, 满意, close.
    go(d, f"#/suggestions/{sid}")
    state_is(d, "assigned")

    def reply_fill():
        type_into(d, "step-field-signer", "镇长 李国平")
        click(d, "step-field-reply_category")
        wait(lambda: next((o.click() or True for o in d.find_elements(By.CSS_SELECTOR, ".popper-step-field-reply_category .el-select-dropdown__item")
                           if o.is_displayed()), False), "a reply category")
    step(d, "reply", reply_fill)
    state_is(d, "replied")
    step(d, "evaluate", lambda: (click(d, "step-field-attitude-satisfied"), click(d, "step-field-result-dissatisfied")))
    state_is(d, "evaluated")
    wait(lambda: "不满意" in text_of(d, "suggestion-final-result"), "不满意 shown")
    step(d, "rehandle", lambda: type_into(d, "step-field-reason", "桥面仍未修复，请重新办理"))
    state_is(d, "rehandling")
    shot(d, artifacts, "casework-03-rehandling")
    step(d, "reply", reply_fill)
    step(d, "evaluate", lambda: (click(d, "step-field-attitude-satisfied"), click(d, "step-field-result-satisfied")))
    state_is(d, "evaluated")
    step(d, "close")
    state_is(d, "closed")
    actions = [s.get_attribute("data-action") for s in d.find_elements(By.CSS_SELECTOR, '[data-test="suggestion-step"]')]
    assert sorted(actions) == sorted(["assign", "reply", "evaluate", "rehandle", "reply", "evaluate", "close"]), actions
    shot(d, artifacts, "casework-04-closed")

    go(d, f"#/casework-stats{period}")
    wait(lambda: rate(d, "close_rate") != before["close_rate"], "the statistics refreshed")
    after = {k: rate(d, k) for k in before}
    # It was already assigned (in the denominators) when the first figures were read.
    assert after["reply_rate"] == (before["reply_rate"][0] + 1, before["reply_rate"][1])
    assert after["close_rate"] == (before["close_rate"][0] + 1, before["close_rate"][1])
    # First round: counted, but not satisfied; final: satisfied.
    assert after["first_round_satisfaction"] == (before["first_round_satisfaction"][0], before["first_round_satisfaction"][1] + 1)
    assert after["final_satisfaction"] == (before["final_satisfaction"][0] + 1, before["final_satisfaction"][1] + 1)
    shot(d, artifacts, "casework-05-stats")

    # A group visit about the same road as a petition of last spring: the repeat is offered.
    click(d, "nav-petitions")
    click(d, "petition-add")
    click(d, "petition-field-channel-visit")
    type_into(d, "petition-field-petitioner_name", "钱德胜")
    type_into(d, "petition-field-phone", "13957100001")
    people = el(d, "petition-field-people_count").find_element(By.CSS_SELECTOR, "input")
    people.send_keys(Keys.CONTROL, "a")
    people.send_keys("7", Keys.TAB)
    el(d, "petition-group-visit-tag")
    type_into(d, "petition-field-request", "青山村到河口村的道路损坏严重，希望尽快修路")
    item = el(d, "petition-similar-item", timeout=20)
    assert "诉求相近" in item.text, item.text
    earlier = item.get_attribute("data-id")
    item.find_element(By.CSS_SELECTOR, '[data-test="petition-similar-link"]').click()
    wait(lambda: "1" in text_of(d, "petition-link-count"), "one petition to link")
    choose(d, "petition-field-category", "城乡建设")
    shot(d, artifacts, "casework-06-repeat-visit")
    click(d, "petition-save")
    due = el(d, "petition-saved-deadline")
    assert due.get_attribute("data-stage") == "accept_notice"
    expected = cli(db, "calendar", "due", "--from", today.isoformat(), "--days", "15").strip()
    assert due.get_attribute("data-due") == expected
    y, m, dd = (int(x) for x in expected.split("-"))
    assert text_of(d, "petition-saved-deadline-date") == f"{y}年{m}月{dd}日"
    shot(d, artifacts, "casework-07-notice-deadline")

    # On its page: linked to the earlier one; the list shows the petitioner masked.
    click(d, "petition-saved-open")
    links = [x.get_attribute("data-id") for x in d.find_elements(By.CSS_SELECTOR, '[data-test="petition-link-item"]')]
    wait(lambda: [x.get_attribute("data-id") for x in d.find_elements(By.CSS_SELECTOR, '[data-test="petition-link-item"]')] == [earlier] or None,
         f"linked to {earlier} (got {links})")
    assert text_of(d, "petition-petitioner") == "钱**"
    # Revealing needs a reason and says it was recorded.
    click(d, "petition-reveal")
    box = wait(lambda: next((b for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box input") if b.is_displayed()), None), "the reason prompt")
    box.send_keys("电话回访需要联系")
    wait(lambda: d.find_elements(By.CSS_SELECTOR, ".el-message-box__btns button")[1].click() or True, "confirm")
    wait(lambda: text_of(d, "petition-identity-name") == "钱德胜", "the name revealed")
    el(d, "petition-reveal-notice")
    shot(d, artifacts, "casework-08-revealed")
    history = json.loads(cli(db, "history", "--entity", "petition", "--json"))
    assert any(h["action"] == "reveal" and "电话回访需要联系" in h["note"] for h in history)
    click(d, "nav-petitions")
    wait(lambda: any(c.text.strip() == "钱**" for c in d.find_elements(By.CSS_SELECTOR, '[data-test="petition-petitioner"]')),
         "the masked name in the list")
    assert "钱德胜" not in d.find_element(By.CSS_SELECTOR, '[data-test="petitions-table"]').text

    # The office's rule profile and its rules, in 设置.
    click(d, "nav-settings")
    wait(lambda: "上海市" in d.find_element(By.TAG_NAME, "body").text, "the current profile shown")
    shot(d, artifacts, "casework-09-rule-profile")
