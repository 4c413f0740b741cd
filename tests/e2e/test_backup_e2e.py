"""Workflow: the clerk's way back. A backup is taken in 设置 → 数据备份 (立即备份), then a change the
clerk regrets (the township renamed by mistake). The backup location (a USB stick) is chosen with
the CLI while the app is closed, because the folder dialog is native and WebDriver cannot drive
it; 首页 then shows the last copy and 设置 the folder. The clerk opens 恢复… on the backup taken
before the mistake: the dialog says what it holds, and its counts are checked against the backup
file read by plain sqlite3 (read-only, an independent reader). 取消 changes nothing; 恢复这份备份
brings the old data back after the app reloads, and the data from before the restore is kept as
a before-restore-*.db backup."""

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
from pathlib import Path

from selenium.webdriver.common.by import By

from ui import click, el, message, shot, text_of, type_into, wait

TOWNSHIP = "青山镇"  # the demo's
MISTAKE = "青山乡"  # the regretted rename (镇 typed as 乡)

# The rows of the restore dialog, by the names the menus use, and the tables they count.
BOOKS = {
    "代表": "deputies",
    "代表建议": "suggestions",
    "信访": "petitions",
    "文件": "documents",
    "先进事迹": "deeds",
    "主席团会议": "presidium_meetings",
    "小组活动": "group_activities",
    "附件": "attachments",
    "修改记录": "history",
}


def cli(db, *args, check=True):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, check=check)


def read_only(path: Path) -> sqlite3.Connection:
    """The file as it is on disk, opened without locks, journals or writes (immutable=1)."""
    return sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)


def counts_in(path: Path) -> dict:
    with read_only(path) as c:
        return {what: c.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for what, table in BOOKS.items()}


def township_in(path: Path) -> str:
    with read_only(path) as c:
        return c.execute("SELECT value FROM settings WHERE key = 'township'").fetchone()[0]


def date_time(s: str) -> str:
    """The UI's formatDateTime: "2026-12-05 09:30:07" -> "2026年12月5日 09:30"."""
    t = dt.datetime.strptime(s, "%Y-%m-%d %H:%M:%S")
    return f"{t.year}年{t.month}月{t.day}日 {t:%H:%M}"


def backup_files(folder: Path) -> list:
    return sorted(p.name for p in folder.glob("*.db"))


def backup_row(d, name: str):
    for r in d.find_elements(By.CSS_SELECTOR, '[data-test="backup-table"] tr.el-table__row'):
        if r.is_displayed() and name in r.get_attribute("textContent"):
            return r
    return None


def open_restore(d, name: str):
    """Clicks 恢复… in the row of the backup `name` and waits for the dialog."""
    wait(lambda: backup_row(d, name).find_element(By.CSS_SELECTOR, '[data-test="backup-restore"]').click() or True,
         f"click 恢复… in the row of {name} in 本机的备份")
    return el(d, "restore-dialog")


def shown_entries(d) -> dict:
    """The dialog's 内容/条数 table as {what: count} (textContent: the cells' text as rendered)."""
    def read():
        rows = el(d, "restore-entries").find_elements(By.CSS_SELECTOR, "tr.el-table__row")
        cells = [[c.get_attribute("textContent").strip() for c in r.find_elements(By.CSS_SELECTOR, "td")]
                 for r in rows]
        return {what: int(n) for what, n in cells} if cells else None
    return wait(read, "the rows of 备份中的内容")


def painted(d):
    """Waits for two animation frames: a screenshot right after a reload once showed the page's
    first, empty frame while the DOM already held the data."""
    d.execute_async_script("const done = arguments[arguments.length - 1];"
                           "requestAnimationFrame(() => requestAnimationFrame(() => done(true)));")


def dialog_gone(d) -> bool:
    return not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, '[data-test="restore-dialog"]'))


def test_backup_then_regret_then_restore(app, artifacts, tmp_path):
    db = tmp_path / "taizhang.db"  # conftest gives the app TAIZHANG_DB there
    backups = tmp_path / "backups"  # the core keeps backups in "backups" beside the database
    stick = tmp_path / "stick"

    d = app()
    wait(lambda: TOWNSHIP in text_of(d, "header-township"), "the demo township")
    # No backup location yet: 首页 only hints at one (so the copy line later is step 2's doing).
    wait(lambda: "尚未设置备份位置" in text_of(d, "home-backup-hint"), "the hint to choose a backup location")
    assert not d.find_elements(By.CSS_SELECTOR, '[data-test="home-backup-line"]'), \
        "no copy line while no location is chosen: nothing was copied anywhere"
    shot(d, artifacts, "backup-00-home-hint")

    # 1. A backup, then the mistake.
    click(d, "nav-settings")
    el(d, "backup-copy-dir-none")  # 备份位置：未设置
    click(d, "backup-now")
    said = message(d)
    m = re.search(r"已备份到\s*(\S+\.db)", said)
    assert m, f"立即备份 says where the backup went: {said!r}"
    taken = Path(m.group(1))
    assert taken.parent == backups and taken.name.startswith("manual-") and taken.is_file(), \
        f"a clerk's backup is a manual-*.db file in the backups folder beside the database: {taken}"
    row = wait(lambda: backup_row(d, taken.name), "the new backup listed in 本机的备份")
    assert row.find_element(By.CSS_SELECTOR, '[data-test="backup-kind"]').text.strip() == "手动", \
        "a backup taken with 立即备份 is of kind 手动"
    assert township_in(taken) == TOWNSHIP, "the backup was taken before the rename"
    held = counts_in(taken)
    shot(d, artifacts, "backup-01-taken")

    type_into(d, "settings-township", MISTAKE)
    click(d, "settings-save")
    wait(lambda: any(m.is_displayed() and "已保存" in m.text
                     for m in d.find_elements(By.CSS_SELECTOR, ".el-message--success")),
         "the rename saved (已保存; 立即备份's message may still be showing above it)")
    wait(lambda: MISTAKE in text_of(d, "header-township"), "the header showing the mistaken name")
    shot(d, artifacts, "backup-02-mistake")

    # 2. The backup location, chosen with the CLI on the same database while the app is closed.
    d.quit()
    stick.mkdir()
    status = json.loads(cli(db, "backup-location", stick, "--json").stdout)
    assert status["dir"] == str(stick) and status["last_copy"] and not status["last_error"], \
        f"a folder that exists is accepted and a first copy made at once: {status}"
    copies = sorted(stick.glob("taizhang-*.db"))
    assert len(copies) == 1, f"the first copy landed on the stick: {copies}"

    d = app()
    wait(lambda: MISTAKE in text_of(d, "header-township"), "the app again, the mistake still there")
    line = wait(lambda: (lambda t: t if str(stick) in t else None)(text_of(d, "home-backup-line")),
                "首页's line about the last copy")
    assert date_time(status["last_copy"]) in line, \
        f"the line gives the time of the last copy the core recorded ({status['last_copy']}): {line!r}"
    assert not d.find_elements(By.CSS_SELECTOR, '[data-test="home-backup-warning"]'), \
        "a copy made just now is neither failed nor overdue"
    shot(d, artifacts, "backup-03-home-line")

    click(d, "nav-settings")
    wait(lambda: text_of(d, "backup-copy-dir") == str(stick), "设置 showing the chosen folder")
    assert text_of(d, "backup-copy-last") == date_time(status["last_copy"]), \
        "最近一次复制 is the copy the CLI made"
    wait(lambda: backup_row(d, taken.name), "step 1's backup still listed")
    shot(d, artifacts, "backup-04-settings-location")

    # 4. (before 3) 恢复… then 取消: nothing changes.
    before = backup_files(backups)
    open_restore(d, taken.name)
    assert shown_entries(d) == held, "the dialog shows what the chosen backup holds"
    shot(d, artifacts, "backup-05-dialog-cancel")
    click(d, "restore-cancel")
    wait(lambda: dialog_gone(d), "the dialog closed")
    assert backup_files(backups) == before, "取消 neither restores nor keeps a before-restore copy"
    assert el(d, "settings-township").get_attribute("value") == MISTAKE, "取消 leaves the data as it was"
    assert MISTAKE in text_of(d, "header-township"), "取消 leaves the data as it was"
    assert json.loads(cli(db, "settings", "--json").stdout)["township"] == MISTAKE, \
        "取消 leaves the database itself as it was (read by the CLI)"

    # 3. 恢复… on step 1's backup, its contents checked against the file, then 恢复这份备份.
    open_restore(d, taken.name)
    shown = shown_entries(d)
    assert list(shown) == list(BOOKS), f"every book is counted, in the books' order: {list(shown)}"
    assert shown == counts_in(taken), \
        f"the counts shown are the backup file's, as sqlite3 reads it: {shown} vs {counts_in(taken)}"
    facts = text_of(d, "restore-dialog")
    assert taken.name in facts, "the dialog names the file it would restore"
    shot(d, artifacts, "backup-06-dialog")
    click(d, "restore-confirm")

    box = wait(lambda: next((b for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box") if b.is_displayed()), None),
               "the 恢复完成 box")
    done = box.text
    assert "恢复完成" in done and "已恢复为" in done, f"the restore says it is done: {done!r}"
    kept = re.search(r"恢复前的数据另存在：(\S+?\.db)", done)
    assert kept, f"the box says where the data from before the restore was kept: {done!r}"
    safety = Path(kept.group(1))
    shot(d, artifacts, "backup-07-restored-box")
    box.find_element(By.CSS_SELECTOR, ".el-message-box__btns button").click()

    # The app reloads with the restored data: the name from before the mistake.
    wait(lambda: TOWNSHIP in text_of(d, "header-township"), "the header after the reload", timeout=30)
    click(d, "nav-settings")
    wait(lambda: el(d, "settings-township").get_attribute("value") == TOWNSHIP,
         "设置 showing the name from the backup")
    after = backup_files(backups)
    new = sorted(set(after) - set(before))
    assert len(new) == 1 and new[0].startswith("before-restore-") and new[0] == safety.name, \
        f"exactly one new backup, the before-restore copy the box named: {new}, {safety}"
    assert safety.parent == backups, "the safety copy sits in the backups folder"
    assert township_in(safety) == MISTAKE, "the before-restore copy holds the data as it was (undoable)"
    assert counts_in(safety)["修改记录"] == held["修改记录"] + 1, \
        "the rename is one more history entry than the backup has: the dialog showed the backup's figures, " \
        "not the current data's"
    wait(lambda: backup_row(d, safety.name), "the before-restore copy listed in 本机的备份")
    kind = backup_row(d, safety.name).find_element(By.CSS_SELECTOR, '[data-test="backup-kind"]').text.strip()
    assert kind == "恢复前", f"the safety copy is shown as 恢复前: {kind!r}"
    assert json.loads(cli(db, "settings", "--json").stdout)["township"] == TOWNSHIP, \
        "the database itself, read by the CLI, has the name back"
    painted(d)
    shot(d, artifacts, "backup-08-after-restore")

    # Not asserted (reported instead): the backup location lives in the database's settings, so
    # restoring a backup taken before it was chosen also forgets the location (设置 shows 未设置,
    # 首页 only the gentle hint), and later backups are no longer copied to the stick.
    click(d, "nav-home")
    wait(lambda: any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, '[data-test^="home-backup-"]')),
         "首页's backup line or hint")
    painted(d)
    shot(d, artifacts, "backup-09-home-after-restore")
