"""Workflow: the year-end trip to the county. The clerk exports the books to a folder (the stick),
the app reads the package back before saying it is done, a second export carries only the
changes; then the county's copy (county mode, switched on in 设置) imports that package, another
township's and a tampered one, and shows the townships' figures side by side with the total.

Native folder dialogs cannot be driven through WebDriver: the clerk pastes the folder into the
export page (which it accepts as well as a picked one), and the county's imports are the
page's own command called with the folders a clerk would pick."""

import datetime as dt
import json
import os
import subprocess

from ui import click, el, invoke, shot, text_of, type_into, wait

YEAR = dt.date.today().year


def cli(db, *args, check=True):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, check=check)


def packages(folder):
    return sorted(p for p in folder.iterdir() if not p.name.startswith("."))


def test_export_to_the_stick_then_the_county_imports_and_compares(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    stick = tmp_path / "stick"
    stick.mkdir()

    click(d, "nav-export")
    wait(lambda: d.find_elements("css selector", '[data-test="export-drive"]'), "the disks listed")
    type_into(d, "export-dest", str(stick))
    wait(lambda: el(d, "export-dest").get_attribute("value") == str(stick), "the folder chosen")
    shot(d, artifacts, "export-01-form")
    click(d, "export-run")
    wait(lambda: "读回校验" in text_of(d, "export-result"), "exported and read back", timeout=60)
    shot(d, artifacts, "export-02-done")
    [pkg] = packages(stick)
    assert pkg.name.startswith(f"青山镇-{dt.date.today():%Y%m%d}-")
    db = tmp_path / "taizhang.db"
    assert cli(db, "verify", pkg).returncode == 0
    manifest = json.loads((pkg / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["scope"] == "full" and manifest["pseudonymised"] is True
    assert manifest["period_from"] == f"{YEAR}-01-01"
    wait(lambda: pkg.name in text_of(d, "exports-log"), "the export in the log")

    # The next trip: only what changed since the export to this folder (nothing, here).
    click(d, "export-scope-changes")
    wait(lambda: "上次导出到此位置" in text_of(d, "export-last"), "the export it follows")
    click(d, "export-run")
    wait(lambda: len(packages(stick)) == 2, "a second package", timeout=60)
    changes = packages(stick)[1]
    m2 = json.loads((changes / "manifest.json").read_text(encoding="utf-8"))
    assert m2["scope"] == "changes" and m2["since"] == manifest["exported_at"]
    assert sum(f["records"] for f in m2["files"] if f["path"].endswith(".jsonl")) == 0
    wait(lambda: changes.name in text_of(d, "exports-log"), "both exports in the log")
    shot(d, artifacts, "export-03-changes")

    # Another township's package, made headless, and a tampered copy of it.
    other = tmp_path / "hekou.db"
    cli(other, "demo", "--seed", "7")
    cli(other, "settings", "--township", "河口乡")
    out = tmp_path / "hekou"
    out.mkdir()
    cli(other, "export", "--out", out, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31")
    [hekou] = packages(out)
    bad = tmp_path / "bad" / hekou.name
    bad.parent.mkdir()
    subprocess.run(["cp", "-r", str(hekou), str(bad)], check=True)
    f = bad / "data" / "suggestions.jsonl"
    data = bytearray(f.read_bytes())
    data[5] ^= 1
    f.write_bytes(bytes(data))

    # County mode: the menu shows 县人大汇总 once switched on.
    assert not d.find_elements("css selector", '[data-test="nav-county"]')
    click(d, "nav-settings")
    click(d, "settings-county-mode")
    click(d, "settings-save")
    click(d, "nav-county")
    wait(lambda: el(d, "county-stats-empty"), "nothing imported yet")
    results = [invoke(d, "county_import", {"path": str(p)}) for p in (pkg, changes, hekou, bad)]
    assert [r["ok"]["outcome"] for r in results[:3]] == ["imported", "updated", "imported"], results
    assert results[3]["err"]["code"] == "import" and "校验值" in results[3]["err"]["message"], results
    assert cli(db, "county", "stats", "--json").returncode == 0
    click(d, "nav-home")
    click(d, "nav-county")
    # (textContent: WebKit's rendered text of this wide, scrolled table comes back empty)
    figures = lambda: el(d, "county-stats").get_attribute("textContent")
    wait(lambda: "河口乡" in figures(), "the townships' figures")
    table = figures()
    assert "青山镇" in table and "河口乡" in table and "合计" in table, table
    shot(d, artifacts, "county-01-figures")

    # The figures are the CLI's (the same database, read headless).
    stats = json.loads(cli(db, "county", "stats", "--json").stdout)
    assert sorted(t["township"] for t in stats["townships"]) == sorted(["青山镇", "河口乡"])
    total = stats["total"]["suggestions_received"]
    assert total == sum(t["suggestions_received"] for t in stats["townships"])
    rows = d.find_elements("css selector", '[data-test="county-stats"] tr.total-row td')
    cells = [c.get_attribute("textContent").strip() for c in rows]
    assert str(total) in cells, cells
