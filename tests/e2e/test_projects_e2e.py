"""The 民生实事 book in the real app, on the demo (this year's candidates voted at this year's spring
session; this year's first project has a milestone past its plan): 首页 shows that late milestone
beside the overdue cases; on 民生实事, two candidates are registered for NEXT year (the list's year
select, then 新增候选项目 with 保存并继续新增), the year's vote is entered in the grid at this year's
latest session with the keyboard (Tab along a row) — 40 votes for one, 10 for the other — and the
core's result shows 入选 and 未入选 by place; the adopted one's page takes 立项 done today in its
milestone dialog and a progress report. The CLI reads the same data back."""

import datetime as dt
import json
import os
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, el, message, shot, text_of, type_into, wait


def cli(db, *args):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *args], capture_output=True, text=True, check=True).stdout


def rows(d, test_id):
    return [r for r in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]') if r.is_displayed()]


def number_input(d, test_id):
    return wait(lambda: el(d, test_id).find_element(By.CSS_SELECTOR, "input"), f"{test_id} input")


def type_number(d, test_id, n):
    e = number_input(d, test_id)
    # a toast of the last save may cover the box for a moment: retried until the click lands
    wait(lambda: e.click() or True, f"click {test_id}")
    e.send_keys(Keys.CONTROL, "a")
    e.send_keys(Keys.BACKSPACE)
    e.send_keys(str(n))
    e.send_keys(Keys.TAB)


def active_in(d, test_id):
    """The focused element sits inside [data-test=test_id] (an el-input-number's own input)."""
    return d.execute_script(
        "const a = document.activeElement; return !!(a && a.closest(arguments[0]));", f'[data-test="{test_id}"]')


def type_date(d, test_id, iso):
    type_into(d, test_id, iso)
    el(d, test_id).send_keys(Keys.TAB)


def test_late_milestone_on_home_next_years_candidates_voted_in_the_grid_and_followed(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    today = dt.date.today()
    year, nxt = today.year, today.year + 1

    ours = json.loads(cli(db, "projects", "list", "--year", str(year), "--json"))
    own = sorted((p for p in ours if p["year"] == year), key=lambda p: p["seq"])
    assert own, "the demo has this year's candidates"
    first = own[0]
    late = json.loads(cli(db, "projects", "late", "--json"))
    assert any(m["project_id"] == first["id"] for m in late), "this year's first project has a late milestone"
    assert not json.loads(cli(db, "projects", "list", "--year", str(nxt), "--json")), "nothing registered for next year yet"
    sessions = [s for s in json.loads(cli(db, "sessions", "list", "--year", str(year), "--json")) if not s["voided"]]
    assert sessions, "the demo held a session this year"
    latest = max(sessions, key=lambda s: (s["first_day"], s["id"]))

    # ---- 首页: the late milestone beside the overdue cases ---------------------------------------------
    click(d, "nav-home")
    card = el(d, "dashboard-late-milestones")
    assert "民生实事逾期节点" in card.text
    row = wait(lambda: next((r for r in rows(d, "late-milestone-row") if r.get_attribute("data-id") == str(first["id"])), None),
               "this year's first project among the late milestones")
    assert first["number"] in row.text and "逾期" in row.text, row.text
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", card)
    shot(d, artifacts, "projects-01-home-late")

    # ---- the list, then next year's candidates ---------------------------------------------------------
    click(d, "nav-projects")
    el(d, "projects-table")
    wait(lambda: any(r.get_attribute("data-id") == str(first["id"]) for r in rows(d, "project-row")), "this year's list")
    adopted_here = [c for c in rows(d, "project-vote-cell") if c.get_attribute("data-adopted") == "true"]
    assert adopted_here, "this year's adopted projects marked 入选"
    shot(d, artifacts, "projects-02-list")
    choose(d, "projects-year", f"{nxt}年")
    wait(lambda: f"year={nxt}" in d.current_url, "next year in the address")
    wait(lambda: not rows(d, "project-row"), "next year's list empty")
    click(d, "project-new")
    wait(lambda: f"{nxt}年" in text_of(d, "field-year"), "the form opened on next year")
    type_into(d, "field-title", "河口村至上湾村道路硬化")
    type_number(d, "field-estimated_cost", "35.5")
    type_date(d, "field-planned_completion", f"{nxt}-11-30")
    shot(d, artifacts, "projects-03-form")
    click(d, "project-save-next")
    wait(lambda: len(rows(d, "project-added-item")) == 1, "the first candidate listed as added")
    wait(lambda: el(d, "field-title").get_attribute("value") == "", "the form emptied for the next one")
    assert f"{nxt}年" in text_of(d, "field-year"), "the year kept"
    type_into(d, "field-title", "镇区公共厕所改造")
    type_number(d, "field-estimated_cost", 12)
    click(d, "project-save")
    wait(lambda: el(d, "project-title").get_attribute("data-id"), "the second candidate's page")
    assert f"民生实事〔{nxt}〕第2号" in text_of(d, "project-title")
    assert "尚未票决" in text_of(d, "project-not-voted")
    mine = sorted(json.loads(cli(db, "projects", "list", "--year", str(nxt), "--json")), key=lambda p: p["seq"])
    assert [(p["title"], p["estimated_cost"]) for p in mine] == [("河口村至上湾村道路硬化", 355000), ("镇区公共厕所改造", 120000)]
    road, toilet = mine
    # Eight more candidates come from the government's list (registered by the CLI, as a script
    # would): the vote is on ten, as a township votes.
    for k in range(8):
        cli(db, "projects", "add", json.dumps({"year": nxt, "title": f"政府提出项目{k + 1}", "source": "government"},
                                              ensure_ascii=False))
    mine = sorted(json.loads(cli(db, "projects", "list", "--year", str(nxt), "--json")), key=lambda p: p["seq"])
    assert len(mine) == 10
    extras = mine[2:]
    # votes for each extra: a clear majority for the even ones, a few for the odd ones
    extra_votes = {p["id"]: (35 if k % 2 == 0 else 5) for k, p in enumerate(extras)}

    # ---- 录入票决结果 for next year at this year's latest session ----------------------------------------
    click(d, "project-vote-open")
    wait(lambda: f"录入{nxt}年" in text_of(d, "vote-title"), "the vote page of next year")
    wait(lambda: [r.get_attribute("data-id") for r in rows(d, "vote-row")] == [str(p["id"]) for p in mine],
         "one row per candidate of next year")
    click(d, "vote-session")
    offered = wait(lambda: [o for o in d.find_elements(By.CSS_SELECTOR, ".popper-vote-session .el-select-dropdown__item")
                            if o.is_displayed()], "the sessions offered")
    assert offered[0].get_attribute("data-test") == f"option-session-{latest['id']}", "this year's latest session first"
    wait(lambda: offered[0].click() or True, "pick this year's latest session")
    present = int(wait(lambda: el(d, "vote-present").get_attribute("data-present"), "出席 shown"))
    expected = int(el(d, "vote-present").get_attribute("data-expected"))
    assert present >= 40 and 40 * 2 > expected >= 10 * 2, (present, expected)
    type_number(d, "vote-ballots_issued", present)
    type_number(d, "vote-ballots_returned", present)
    # the grid at the keyboard: Tab goes 赞成 → 反对 → 弃权 → the next row's 赞成
    box = number_input(d, f"vote-for-{road['id']}")
    wait(lambda: box.click() or True, "click the first 赞成")
    box.send_keys("40", Keys.TAB)
    wait(lambda: active_in(d, f"vote-against-{road['id']}"), "Tab to 反对")
    d.switch_to.active_element.send_keys(Keys.TAB)
    wait(lambda: active_in(d, f"vote-abstain-{road['id']}"), "Tab to 弃权")
    d.switch_to.active_element.send_keys(Keys.TAB)
    wait(lambda: active_in(d, f"vote-for-{toilet['id']}"), "Tab to the next row's 赞成")
    d.switch_to.active_element.send_keys("10", Keys.TAB)
    d.switch_to.active_element.send_keys("30", Keys.TAB)
    for p in extras:
        d.switch_to.active_element.send_keys(Keys.TAB)  # from the row before's 弃权, left empty
        wait(lambda: active_in(d, f"vote-for-{p['id']}"), "Tab to the next row's 赞成")
        d.switch_to.active_element.send_keys(str(extra_votes[p["id"]]), Keys.TAB)  # to 反对
        d.switch_to.active_element.send_keys(Keys.TAB)  # to 弃权
    want_totals = ["40", "40"] + [str(extra_votes[p["id"]]) for p in extras]
    wait(lambda: [t.text.strip() for t in rows(d, "vote-total")] == want_totals, "the rows' totals")
    shot(d, artifacts, "projects-04-vote-grid")
    click(d, "vote-save")

    # ---- the core's result: by place, 入选 and 未入选 ---------------------------------------------------
    el(d, "vote-result")
    votes_for = {road["id"]: 40, toilet["id"]: 10, **extra_votes}
    by_place = sorted(votes_for, key=lambda i: (-votes_for[i], i))
    wait(lambda: [int(r.get_attribute("data-id")) for r in rows(d, "vote-result-row")] == by_place,
         "the result by place (most votes first)")
    # adopted: more than half of ALL deputies voted for it (the profile sets no cap)
    tags = [t.get_attribute("data-value") for t in rows(d, "vote-result-adopted")]
    assert tags == ["true" if votes_for[i] * 2 > expected else "false" for i in by_place], tags
    assert tags.count("true") == 5, "40 and four 35s adopted; 10 and four 5s not"
    assert f"全体代表 {expected} 人" in text_of(d, "vote-result-deputies")
    shot(d, artifacts, "projects-05-vote-result")
    voted = {p["id"]: p for p in json.loads(cli(db, "projects", "list", "--year", str(nxt), "--json"))}
    assert voted[road["id"]]["vote"]["adopted"] and not voted[toilet["id"]]["vote"]["adopted"]
    assert voted[road["id"]]["vote"]["session_id"] == latest["id"]

    # ---- the adopted one: 立项 done today, a progress report ------------------------------------------
    link = next(a for a in rows(d, "vote-result-link") if a.get_attribute("data-id") == str(road["id"]))
    # the toast of the save sits over the top of the page for a moment: retried until the click lands
    wait(lambda: link.click() or True, "open the adopted project")
    wait(lambda: el(d, "project-title").get_attribute("data-id") == str(road["id"]), "the adopted project's page")
    assert el(d, "project-vote-adopted").get_attribute("data-value") == "true"
    click(d, "project-milestone-edit-approval")
    type_date(d, "milestone-field-done_on", today.isoformat())
    click(d, "milestone-save")
    message(d)
    approval = '[data-test="project-milestone"][data-kind="approval"]'
    wait(lambda: d.find_element(By.CSS_SELECTOR, approval).get_attribute("data-done") == today.isoformat(), "立项 done today")
    wait(lambda: el(d, "project-state").get_attribute("data-value") == "underway", "实施中")
    click(d, "project-report-add")
    type_into(d, "report-field-text", "项目已立项，正在编制施工图")
    click(d, "report-save")
    wait(lambda: len(rows(d, "project-report")) == 1, "the report listed")
    assert "正在编制施工图" in text_of(d, "project-report-text")
    shot(d, artifacts, "projects-06-project")
    stored = json.loads(cli(db, "projects", "show", str(road["id"]), "--json"))["project"]
    assert [m["done_on"] for m in stored["milestones"] if m["kind"] == "approval"] == [today.isoformat()]
    assert [(r["kind"], r["text"]) for r in stored["reports"]] == [("progress", "项目已立项，正在编制施工图")]

    # ---- 招投标 planned for yesterday and not reached: late, and on 首页 -----------------------------
    click(d, "project-milestone-edit-tender")
    type_date(d, "milestone-field-planned_on", (today - dt.timedelta(days=1)).isoformat())
    click(d, "milestone-save")
    message(d)
    tender = '[data-test="project-milestone"][data-kind="tender"]'
    wait(lambda: d.find_element(By.CSS_SELECTOR, tender).get_attribute("data-late") == "true", "招投标 marked late")
    click(d, "nav-home")
    wait(lambda: any(r.get_attribute("data-id") == str(road["id"]) for r in rows(d, "late-milestone-row")),
         "the road's late 招投标 on 首页")
    shot(d, artifacts, "projects-07-home-late-tender")
