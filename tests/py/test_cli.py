"""taizhang-cli as scripts and the county use it: exit codes, Chinese errors, stable JSON."""

import json
import sqlite3

import openpyxl


def test_json_shapes_are_stable(cli):
    cli("init")
    cli("demo")
    deputies = json.loads(cli("deputies", "list", "--json").stdout)
    assert isinstance(deputies, list) and deputies
    for key in ("id", "name", "pinyin", "initials", "sex", "ethnicity", "status", "group_id", "levels", "id_number_masked"):
        assert key in deputies[0], key
    assert all(isinstance(d["id"], int) for d in deputies)
    assert not any("id_number" in d for d in deputies), "the plain ID number never appears in a list"
    groups = json.loads(cli("groups", "list", "--json").stdout)
    assert len(groups) == 7 and all("id" in g and "member_count" in g for g in groups)
    stats = json.loads(cli("stats", "roster", "--on", "2026-06-01", "--json").stdout)
    assert isinstance(stats, dict)
    w = stats["women"]
    assert w["denominator"] == stats["total"] and 0 <= w["numerator"] <= w["denominator"]
    shown = json.loads(cli("deputies", "show", deputies[0]["id"], "--json").stdout)
    assert shown["deputy"]["id"] == deputies[0]["id"] and "history" in shown


def test_errors_exit_non_zero_with_a_chinese_message(cli, tmp_path):
    cli("demo")
    r = cli("deputies", "show", "99999", check=False)
    assert r.returncode == 1 and "未找到代表" in r.stderr
    r = cli("stats", "roster", "--on", "2024-02-30", check=False)
    assert r.returncode == 1 and "不是有效日期" in r.stderr
    fake = tmp_path / "假的.xlsx"
    fake.write_text("not a spreadsheet")
    r = cli("deputies", "import", fake, check=False)
    assert r.returncode == 1 and "无法作为 Excel 文件打开" in r.stderr


def test_import_refuses_a_bad_file_whole_then_takes_the_good_rows_on_request(cli, tmp_path):
    cli("demo")
    before = json.loads(cli("deputies", "list", "--json", "--all").stdout)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["青山镇代表名单（补充）"])
    ws.append(["序号", "姓名", "性别", "民族", "政治面貌", "出生年月", "选区", "代表小组"])
    ws.append([1, "冯小刚", "男", "汉族", "群众", "1970.05", "第21选区", "第八代表小组"])
    ws.append([2, "韩梅梅", "女", "汉族", "群众", "1975-02-30", "第1选区", "第一代表小组"])
    path = tmp_path / "补充.xlsx"
    wb.save(path)
    r = cli("deputies", "import", path, check=False)
    assert r.returncode == 1 and "未导入任何数据" in r.stderr
    assert "第 4 行" in r.stderr and "不是真实存在的日期" in r.stderr, r.stderr
    assert json.loads(cli("deputies", "list", "--json", "--all").stdout) == before
    r = cli("deputies", "import", path, "--skip-bad", "--json")
    res = json.loads(r.stdout)
    assert res["imported"] == 1 and res["skipped_rows"] == [4] and res["created_constituencies"] == 1
    names = {d["name"] for d in json.loads(cli("deputies", "list", "--json").stdout)}
    assert "冯小刚" in names and "韩梅梅" not in names


def test_backup_restore_and_verify(cli, tmp_path):
    cli("demo")
    backup = json.loads(cli("backup", "--json").stdout)["path"]
    first = json.loads(cli("deputies", "list", "--json").stdout)[0]
    cli("deputies", "void", first["id"], "--reason", "测试作废")
    assert json.loads(cli("deputies", "show", first["id"], "--json").stdout)["deputy"]["voided"]
    r = cli("restore", backup)
    assert "恢复前的数据已备份到" in r.stdout
    assert not json.loads(cli("deputies", "show", first["id"], "--json").stdout)["deputy"]["voided"]
    v = json.loads(cli("verify", "--json").stdout)
    assert v["ok"] and v["integrity"] == "ok"
    # A file that is not a backup is refused and the data stays.
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    r = cli("restore", junk, check=False)
    assert r.returncode == 1 and "不是可用的台账备份" in r.stderr
    assert json.loads(cli("verify", "--json").stdout)["ok"]


def test_restore_works_on_a_database_too_damaged_to_open(cli):
    """The advised way back must not need the damaged file: the CLI restores without opening
    it, keeps it aside byte for byte, and the restored data is sound."""
    cli("demo")
    backup = json.loads(cli("backup", "--json").stdout)["path"]
    raw = bytearray(cli.db.read_bytes())
    raw[0:16] = b"garbage garbage!"  # the header: every open now fails
    cli.db.write_bytes(bytes(raw))
    for side in ("-wal", "-shm"):
        p = cli.db.with_name(cli.db.name + side)
        if p.exists():
            p.unlink()
    broken = cli("verify", "--json", check=False)
    assert broken.returncode == 1, "the damaged file cannot be opened"
    r = cli("restore", backup)
    assert "原样保存" in r.stdout, r.stdout
    kept = r.stdout.split("：")[-1].strip()
    assert open(kept, "rb").read() == bytes(raw), "the damaged file is kept as it was"
    v = json.loads(cli("verify", "--json").stdout)
    assert v["ok"], "the restored database is sound"


def test_database_is_wal_and_refuses_deletes(cli):
    cli("demo")
    con = sqlite3.connect(cli.db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    try:
        con.execute("DELETE FROM deputies")
        raise AssertionError("delete should be refused")
    except sqlite3.DatabaseError as e:
        assert "never deleted" in str(e)


def test_calendar_due_follows_the_civil_code_and_the_holiday_calendar(cli, tmp_path):
    cli("init")
    due = lambda *a: cli("calendar", "due", *a).stdout.strip()  # noqa: E731
    # 15 days from 2024-09-20 end on 10-05, a National Day holiday: moved to 10-08 (Art. 203).
    assert due("--from", "2024-09-20", "--days", "15") == "2024-10-08"
    # Working days count the make-up Sunday 2024-02-18 after the Spring Festival break.
    assert due("--from", "2024-02-08", "--working-days", "2") == "2024-02-18"
    assert due("--from", "2024-11-30", "--months", "3") == "2025-02-28"
    r = cli("calendar", "due", "--from", "2024-09-20", "--days", "15")
    assert "第二百零三条" in r.stderr and "国庆节假日" in r.stderr
    j = json.loads(cli("calendar", "due", "--from", "2026-11-20", "--months", "3", "--json").stdout)
    assert j["date"] == "2027-02-22" and j["beyond_calendar"] == [2027]
    assert cli("calendar", "due", "--from", "2024-09-20", "--days", "1", "--months", "1", check=False).returncode != 0
    # The office loads 2027 when the State Council publishes it.
    f = tmp_path / "2027.json"
    f.write_text(json.dumps({"source": "test", "years": {"2027": {"holidays": {"2027-02-22": "春节"}, "workdays": []}}}))
    cli("calendar", "load", f)
    j = json.loads(cli("calendar", "due", "--from", "2026-11-20", "--months", "3", "--json").stdout)
    assert j["date"] == "2027-02-23" and j["beyond_calendar"] == []


def test_a_mistyped_command_line_is_said_in_chinese_with_exit_2(cli):
    """clap's own messages are English; the clerk (or the county's script) reads what is wrong in
    Chinese, with the argument named, and exit 2 tells a typing slip from a refused input (1)."""
    cli("init")
    for args, words in [
        (["sessions", "show", "abc"], ["<ID>", "abc", "数字"]),
        (["sessions", "frobnicate"], ["frobnicate", "命令"]),
        (["sessions", "list", "--yeer", "2026"], ["--yeer"]),
        (["sessions", "void", "3"], ["--reason", "缺少"]),
        (["deputies", "list", "--order", "random"], ["random", "stroke"]),
        (["print", "--book", "roster", "--year", "2026", "--term", "20", "--out", "x.pdf"], ["--year", "--term"]),
    ]:
        r = cli(*args, check=False)
        assert r.returncode == 2, (args, r.returncode, r.stderr)
        assert r.stderr.startswith("错误："), r.stderr
        for w in words:
            assert w in r.stderr, (args, w, r.stderr)
        for english in ("error:", "invalid", "unexpected", "Usage:", "For more information"):
            assert english not in r.stderr, (args, r.stderr)
    # --help still prints the usage, exit 0.
    r = cli("--help", check=False)
    assert r.returncode == 0 and "taizhang-cli" in r.stdout
