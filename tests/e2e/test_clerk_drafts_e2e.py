"""Half-filled work is kept (issue 22, the clerk's hands), in the real app on the demo township:
登记建议 with a subject typed and nothing saved; the clerk leaves for another page (the form asks,
she leaves) and comes back to 登记建议: the subject is still there, with the line
"已恢复未保存的草稿 · 清空". 清空 empties the form, and the next visit starts blank. Nothing
reaches the database.

(That a page opened from a scrolled page starts at the top is test_clerk_hands_e2e.py, test 5.)
"""

import json
import os
import subprocess

from selenium.webdriver.common.by import By

from ui import click, el, shot, text_of, type_into, wait


def cli(db, *args):
    out = subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *map(str, args)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def started(app):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township in the header")
    return d


def value(d, test_id):
    return el(d, test_id).get_attribute("value")


def shown(d, test_id):
    """The visible element with this hook, or None (no waiting)."""
    return next((e for e in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]') if e.is_displayed()), None)


def confirm_leave(d):
    """Answers "填写的内容还没有保存，确定离开？" with 离开 (the box's second button; 继续填写 is first)."""
    def press():
        buttons = [b for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box__btns button") if b.is_displayed()]
        if len(buttons) < 2:
            return False
        buttons[1].click()
        return True
    wait(press, "the leave-without-saving box, answered 离开")


def open_new_suggestion(d):
    click(d, "nav-suggestions")
    click(d, "suggestion-add")
    wait(lambda: text_of(d, "suggestion-form-title") == "登记建议", "the 登记建议 form")
    el(d, "suggestion-field-subject")


def test_a_half_filled_suggestion_survives_leaving_the_page(app, artifacts, tmp_path):
    d = started(app)
    db = tmp_path / "taizhang.db"
    subject = "关于整治河口村沿河垃圾的建议（草稿）"

    open_new_suggestion(d)
    assert shown(d, "draft-restored") is None, "a first visit has no draft to restore"
    type_into(d, "suggestion-field-subject", subject)
    wait(lambda: value(d, "suggestion-field-subject") == subject, "the subject typed")
    shot(d, artifacts, "drafts-01-subject-typed")

    # Away to the roster by the menu: the form asks (nothing is saved), the clerk leaves.
    click(d, "nav-deputies")
    confirm_leave(d)
    el(d, "roster-table")
    assert "/suggestions/new" not in d.current_url, "the clerk is on another page"

    # Back to 登记建议: the subject is there, and the form says it was kept.
    open_new_suggestion(d)
    wait(lambda: value(d, "suggestion-field-subject") == subject, "the subject restored from the draft")
    notice = wait(lambda: shown(d, "draft-restored"), "the 已恢复 line")
    assert "已恢复未保存的草稿" in notice.text and "清空" in notice.text, \
        f"the line says so and offers 清空: {notice.text}"
    shot(d, artifacts, "drafts-02-restored")
    assert cli(db, "suggestions", "list", "--search", "河口村沿河垃圾", "--json") == [], \
        "the draft lives in the window only: nothing reached the database"

    # 清空: the form blank again, the line gone; the next visit starts blank (nothing asked on leaving).
    click(d, "draft-discard")
    wait(lambda: value(d, "suggestion-field-subject") == "", "the subject emptied by 清空")
    wait(lambda: shown(d, "draft-restored") is None, "the 已恢复 line gone")
    click(d, "nav-deputies")
    el(d, "roster-table")
    open_new_suggestion(d)
    assert value(d, "suggestion-field-subject") == "", "after 清空 the form opens blank"
    assert shown(d, "draft-restored") is None, "and without the 已恢复 line"
    shot(d, artifacts, "drafts-03-discarded")
    assert cli(db, "suggestions", "list", "--search", "河口村沿河垃圾", "--json") == [], "nothing was ever saved"
