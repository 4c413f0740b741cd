"""The export package through the CLI, checked with independent readers: every record of every
book validates against the package's own JSON Schema (python-jsonschema), every file's SHA-256
matches the manifest (hashlib); `verify PACKAGE` accepts it and refuses a flipped byte, and no
petitioner's name or phone is in the package unless asked for."""
import contextlib
import datetime as dt
import hashlib
import json
import sqlite3
import subprocess
from pathlib import Path

import pytest

from jsonschema import Draft202012Validator

YEAR = dt.date.today().year


def export(cli, out, *extra):
    out.mkdir(exist_ok=True)
    r = json.loads(cli("export", "--out", out, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", "--json", *extra).stdout)
    return Path(r["path"]), r["manifest"]


@contextlib.contextmanager
def tmpfs(path, options):
    """A small tmpfs at `path` standing in for a USB stick (skips the test where mounting needs
    root); unmounted afterwards, also when the test has already detached it."""
    path.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(path)], capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], capture_output=True, check=False)


def exports_logged(cli):
    with sqlite3.connect(cli.db) as db:
        return db.execute("SELECT count(*) FROM exports").fetchone()[0]


def test_a_package_validates_against_its_schema_and_its_hashes(cli, tmp_path):
    cli("demo")
    pkg, manifest = export(cli, tmp_path / "stick")
    assert manifest["format"] == "taizhang-export" and manifest["schema_version"] == 1
    schema = json.loads((pkg / "schema/taizhang-export-v1.schema.json").read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema)
    books = set()
    for f in manifest["files"]:
        data = (pkg / f["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"], f["path"]
        assert len(data) == f["bytes"]
        if f["path"].endswith(".jsonl"):
            rows = [json.loads(l) for l in data.decode("utf-8").splitlines()]
            assert len(rows) == f["records"]
            for r in rows:
                errors = list(validator.iter_errors(r))
                assert not errors, (f["path"], r.get("id"), [e.message for e in errors][:3])
                books.add(r["book"])
    assert books == {"deputies", "suggestions", "petitions", "deeds", "documents", "meetings", "activities",
                     "sessions", "projects", "rectifications", "evaluations", "duty_reports", "station_rota"}
    ok = cli("verify", pkg)
    assert "导出包完好" in ok.stdout

    petitions = [json.loads(l) for l in (pkg / "data/petitions.jsonl").read_text(encoding="utf-8").splitlines()]
    named = [p for p in petitions if not p["petitioner"]["anonymous"]]
    assert named and all(p["petitioner"]["pseudonym"].startswith("P-") for p in named)
    shown = json.loads(cli("petitions", "reveal", named[0]["id"], "--reason", "测试", "--json").stdout)
    assert shown["petitioner_name"] not in (pkg / "data/petitions.jsonl").read_text(encoding="utf-8")

    f = pkg / "data/documents.jsonl"
    b = bytearray(f.read_bytes())
    b[5] ^= 1
    f.write_bytes(bytes(b))
    r = cli("verify", pkg, check=False)
    assert r.returncode == 1 and "documents.jsonl 的校验值与清单不符" in r.stderr


def test_the_workbooks_open_in_openpyxl_and_their_totals_match_the_json(cli, tmp_path):
    from openpyxl import load_workbook

    cli("demo")
    pkg, manifest = export(cli, tmp_path / "stick")

    def jsonl(book):
        return [json.loads(l) for l in (pkg / f"data/{book}.jsonl").read_text(encoding="utf-8").splitlines()]

    stats = load_workbook(pkg / "表格/统计表.xlsx", read_only=True)
    assert stats.sheetnames == ["代表结构", "代表建议", "来信来访", "小组活动", "代表参加活动", "人代会", "民生实事",
                                "监督", "评议结果"]

    def figure(sheet, item, label):
        for row in stats[sheet].iter_rows(min_row=2, values_only=True):
            if row[0] == item and row[1] == label:
                return row[2]
        raise AssertionError(f"{sheet}: no row {item}/{label}")

    live_suggestions = [s for s in jsonl("suggestions") if not s["voided"]]
    assert figure("代表建议", "合计", "收到") == len(live_suggestions)
    assert figure("代表建议", "合计", "办结") == sum(1 for s in live_suggestions if s["state"] == "closed")
    live_petitions = [p for p in jsonl("petitions") if not p["voided"]]
    assert figure("来信来访", "合计", "收到") == len(live_petitions)
    groups = stats["小组活动"]
    activities_in_sheet = sum(r[1] for r in groups.iter_rows(min_row=2, values_only=True))
    assert activities_in_sheet == sum(1 for a in jsonl("activities") if not a["voided"])
    # The sessions sheet: one row per live session, attendance as the JSON carries it.
    sessions = {s["number"]: s for s in jsonl("sessions") if not s["voided"]}
    rows = list(stats["人代会"].iter_rows(min_row=2, values_only=True))
    assert sessions and len(rows) == len(sessions)
    for r in rows:
        s = sessions[r[0]]
        assert (r[2], r[3], r[4], r[5]) == (s["expected"], s["present"], s["excused"], s["absent"]), r
    # The 民生实事 sheet: one row per live project, adopted as the JSON's vote says.
    projects = {p["number"]: p for p in jsonl("projects") if not p["voided"]}
    rows = list(stats["民生实事"].iter_rows(min_row=2, values_only=True))
    assert projects and len(rows) == len(projects)
    for r in rows:
        p = projects[r[0]]
        if p["vote"]:
            assert (r[2], r[3]) == (p["vote"]["votes_for"], "入选" if p["vote"]["adopted"] else "未入选"), r

    # The supervision sheet counts what the JSON carries: live opinions sent and those rectified,
    # live evaluations, live duty reports, rota days attended.
    opinions = [r for r in jsonl("rectifications") if not r["voided"]]
    assert opinions, "the demo's year has review opinions"
    assert figure("监督", "审议意见", "提出") == len(opinions)
    assert figure("监督", "审议意见", "已整改") == sum(1 for r in opinions if r["state"] == "rectified")
    assert figure("监督", "评议", "次数") == sum(1 for e in jsonl("evaluations") if not e["voided"])
    assert figure("监督", "代表述职", "次数") == sum(1 for r in jsonl("duty_reports") if not r["voided"])
    assert figure("监督", "联络站值班", "出席") == sum(1 for r in jsonl("station_rota") if r["attendance"] == "present")
    # The results sheet: one row per object of every live evaluation, the object below the
    # threshold marked as the JSON says.
    objects = [o for e in jsonl("evaluations") if not e["voided"] for o in e["objects"]]
    rows = list(stats["评议结果"].iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(objects)
    assert sum(1 for r in rows if r[9] == "是") == sum(1 for o in objects if o["below_threshold"]) >= 1

    book = load_workbook(pkg / "表格/人民来信来访记录簿.xlsx", read_only=True)
    ws = book.worksheets[0]
    header, *rows = list(ws.iter_rows(values_only=True))
    assert header[0] == "分组" and "信访人" in header and header[-1] == "作废原因"
    assert len(rows) == len(jsonl("petitions")), "every petition, voided ones included"
    numbers = {r[1] for r in rows}
    assert {p["number"] for p in jsonl("petitions")} == numbers
    f = next(x for x in manifest["files"] if x["path"] == "表格/人民来信来访记录簿.xlsx")
    assert f["records"] == len(rows)


def test_a_stick_that_runs_out_of_space_leaves_no_package_and_no_log(cli, tmp_path):
    cli("demo")
    with tmpfs(tmp_path / "tiny", "size=96k") as stick:
        r = cli("export", "--out", stick, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", check=False)
        assert r.returncode == 1, r.stdout
        assert "空间不足" in r.stderr, r.stderr
        assert list(stick.iterdir()) == [], "no folder, complete-looking or partial, is left"
    assert exports_logged(cli) == 0


def test_a_read_only_stick_or_one_pulled_out_mid_write_leaves_nothing(cli, cli_path, tmp_path):
    """A read-only stick (a tmpfs mounted ro) is refused naming the folder; a stick pulled out
    while the package is being written (the tmpfs detached with `umount -l` as soon as the
    temporary folder appears) fails, and in both cases no folder is left and nothing is logged."""
    import ctypes
    import os
    import time

    cli("demo")
    with tmpfs(tmp_path / "ro", "ro,size=1m") as ro:
        r = cli("export", "--out", ro, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", check=False)
        assert r.returncode == 1 and "只读" in r.stderr, r.stderr
        assert list(ro.iterdir()) == []

    with tmpfs(tmp_path / "stick", "size=64m") as stick:
        p = subprocess.Popen([cli_path, "--db", str(cli.db), "export", "--out", str(stick), "--from", f"{YEAR}-01-01",
                              "--to", f"{YEAR}-12-31", "--with-pdf"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # Pull it the moment the first file is being written (umount2 with MNT_DETACH, at once,
        # without starting a process): the writer's next path goes nowhere.
        libc = ctypes.CDLL(None, use_errno=True)
        end = time.monotonic() + 60
        part = None
        while part is None and time.monotonic() < end and p.poll() is None:
            part = next((e for e in os.scandir(stick) if e.name.startswith(".")), None)
        assert part is not None, "the temporary folder appeared first"
        while not os.path.exists(os.path.join(part.path, "data")) and p.poll() is None:
            pass
        assert libc.umount2(str(stick).encode(), 2) == 0, ctypes.get_errno()
        _, err = p.communicate(timeout=120)
        assert p.returncode == 1 and "U盘可能已拔出" in err, err
        assert list(stick.iterdir()) == [], "nothing where the stick was"
    assert exports_logged(cli) == 0


def test_the_printed_books_can_go_in_as_pdf_and_are_hashed_like_the_rest(cli, tmp_path):

    cli("demo")
    pkg, manifest = export(cli, tmp_path / "stick", "--with-pdf")
    pdfs = [f for f in manifest["files"] if f["path"].endswith(".pdf")]
    # One printed book per data book that has one: the seven, the sessions book, the 民生实事 ledger,
    # the review-opinion ledger and the evaluations (duty reports and the rota are not printed books).
    assert len(manifest["books"]) == 13, manifest.get("books")
    assert len(pdfs) == 11, [f["path"] for f in pdfs]
    for f in pdfs:
        p = pkg / f["path"]
        assert hashlib.sha256(p.read_bytes()).hexdigest() == f["sha256"]
        info = subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True, check=True).stdout
        assert "Pages:" in info
    text = subprocess.run(["pdftotext", str(pkg / "打印/人民来信来访记录簿.pdf"), "-"], capture_output=True, text=True).stdout
    assert "人民来信来访记录簿" in text
    assert "导出包完好" in cli("verify", pkg).stdout


def test_a_package_of_changes_after_a_void_and_the_county_merging_it(cli, cli_path, tmp_path):
    cli("demo")
    stick = tmp_path / "stick"
    stick.mkdir()
    r = cli("export", "--out", stick, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", "--changes", check=False)
    assert r.returncode != 0 and "请先做一次完整导出" in r.stderr
    assert list(stick.iterdir()) == []
    full, _ = export(cli, stick)
    rows = [json.loads(l) for l in (full / "data/suggestions.jsonl").read_text(encoding="utf-8").splitlines()]
    suggestion = next(s for s in rows if not s["voided"])
    cli("suggestions", "void", suggestion["id"], "--reason", "重复登记")
    changes, m = export(cli, stick, "--changes")
    assert m["scope"] == "changes" and m["since"]
    counts = {f["path"]: f["records"] for f in m["files"] if f["path"].endswith(".jsonl")}
    assert counts.pop("data/suggestions.jsonl") == 1 and set(counts.values()) == {0}
    [line] = (changes / "data/suggestions.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["id"] == suggestion["id"] and json.loads(line)["voided"] is True
    assert cli("verify", changes).returncode == 0

    def county(db, *args, check=True):
        r = subprocess.run([cli_path, "--db", str(tmp_path / db), *map(str, args)],
                           capture_output=True, text=True, timeout=120)
        assert not check or r.returncode == 0, r.stderr
        return r

    assert json.loads(county("county.db", "settings", "--county-mode", "true", "--json").stdout)["county_mode"] is True
    refused = county("county.db", "county", "import", changes, check=False)
    assert refused.returncode == 1 and "变更包" in refused.stderr
    county("county.db", "county", "import", full, changes)
    # The same as a county that imports one fresh full package of the office as it is now.
    fresh, _ = export(cli, tmp_path / "other")
    county("fresh.db", "county", "import", fresh)

    def figures(db):
        t = json.loads(county(db, "county", "stats", "--json").stdout)["total"]
        t.pop("period")
        return t
    merged = figures("county.db")
    assert merged == figures("fresh.db")
    county("before.db", "county", "import", full)
    assert merged["suggestions_received"] == figures("before.db")["suggestions_received"] - 1
