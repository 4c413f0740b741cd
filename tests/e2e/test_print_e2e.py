"""Workflow 9 in the real app (the county inspects the books): the clerk picks the petitions book
for this year, previews the real pages (cover, contents, ledger), sends it to the printer and
the printout is logged; the PDF the app saves is byte for byte the one `taizhang-cli print`
makes. Then a suggestion's 交办单 and a petition's 受理告知书 from their pages (workflow 1 and 3)."""

import datetime as dt
import json
import os
import subprocess

from ui import click, el, message, shot, text_of, type_into, wait
from ui import invoke as ui_invoke

YEAR = dt.date.today().year


def cli(db, *args):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, check=True).stdout


def go(d, hash_path):
    d.execute_script("window.location.hash = arguments[0]", hash_path)


def invoke(d, cmd, args):
    r = ui_invoke(d, cmd, args)
    assert "ok" in r, r
    return r["ok"]


def page_label(d):
    return text_of(d, "preview-page-label").replace(" ", "")


def test_the_petitions_book_previews_prints_and_saves_the_cli_pdf(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"

    click(d, "nav-print")
    click(d, "print-book-petitions")
    click(d, "print-preview")
    wait(lambda: page_label(d).startswith("第1页"), "the cover previewed")
    total = int(page_label(d).split("共")[1].rstrip("页"))
    assert total >= 3
    wait(lambda: el(d, "preview-page").find_elements("css selector", "img,svg"), "the page drawn")
    shot(d, artifacts, "print-01-cover")
    click(d, "preview-next")
    wait(lambda: page_label(d).startswith("第2页"), "the contents page")
    shot(d, artifacts, "print-02-contents")
    click(d, "preview-next")
    wait(lambda: page_label(d).startswith("第3页"), "the first ledger page")
    shot(d, artifacts, "print-03-ledger")

    # The print button reaches window.print() (the GTK dialog itself cannot be driven here).
    d.execute_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    click(d, "preview-print")
    wait(lambda: "打印" in message(d), "sent to the printer and recorded")
    assert d.execute_script("return window.__printed") == 1
    wait(lambda: "送打印机" in text_of(d, "printouts"), "the printout in the log")

    # Save as PDF (the path the save dialog would return) and compare with the CLI's file.
    request = {"target": {"kind": "book", "book": "petitions", "period": {"by": "year", "year": YEAR}},
               "reveal_reason": None, "volume": 1, "archival": False}
    saved = tmp_path / "app.pdf"
    logged = invoke(d, "print_save", {"request": request, "path": str(saved)})
    assert logged["pages"] == total
    by_cli = tmp_path / "cli.pdf"
    cli(db, "print", "--book", "petitions", "--year", YEAR, "--out", by_cli)
    assert saved.read_bytes() == by_cli.read_bytes(), "the app and the CLI print the same file"
    go(d, "#/")
    go(d, "#/print")
    wait(lambda: str(saved) in text_of(d, "printouts"), "the saved file in the log")
    shot(d, artifacts, "print-04-log")


def test_forms_print_from_the_suggestion_and_petition_pages(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    sugg = next(s for s in json.loads(cli(db, "suggestions", "list", "--json")) if s["assigned_on"])
    go(d, f"#/suggestions/{sugg['id']}")
    click(d, "suggestion-print-assignment")
    wait(lambda: page_label(d) == "第1页/共1页", "the slip is one page")
    shot(d, artifacts, "print-05-assignment-slip")
    d.execute_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    click(d, "preview-print")
    wait(lambda: "打印" in message(d), "printed")
    hist = json.loads(cli(db, "history", "--entity", "suggestion", "--id", sugg["id"], "--json"))
    assert any(h["action"] == "print" and "交办单" in h["note"] for h in hist), hist

    pet = next(p for p in json.loads(cli(db, "petitions", "list", "--json")) if p["accepted_on"])
    go(d, f"#/petitions/{pet['id']}")
    click(d, "petition-print-acceptance")
    wait(lambda: page_label(d) == "第1页/共1页", "the notice is one page")
    assert el(d, "form-reveal").is_displayed(), "the petitioner's name only on request"
    shot(d, artifacts, "print-06-acceptance-notice")
