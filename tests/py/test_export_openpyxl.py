"""The exported 花名册 read by an independent reader (openpyxl), checked against the CLI's JSON."""

import json

import openpyxl


def test_exported_roster_matches_the_json_roster(cli, tmp_path):
    cli("demo", "--seed", "5")
    out = tmp_path / "花名册.xlsx"
    cli("deputies", "export", out, "--on", "2026-06-01")
    stats = json.loads(cli("stats", "roster", "--on", "2026-06-01", "--json").stdout)
    listed = json.loads(cli("deputies", "list", "--on", "2026-06-01", "--json").stdout)
    in_office = {d["name"]: d for d in listed if d["status"] in ("in_office", "suspended")}

    wb = openpyxl.load_workbook(out)
    ws = wb.active
    assert ws.title == "代表花名册"
    assert ws["A1"].value == "青山镇第二十届人民代表大会代表花名册"
    assert f"共{stats['total']}名" in ws["A2"].value
    header = [c.value for c in ws[3]]
    assert header[:5] == ["序号", "姓名", "性别", "民族", "出生年月"]
    name_col, group_col, id_col = header.index("姓名"), header.index("代表小组"), header.index("身份证号码")

    people, sections = [], []
    for row in ws.iter_rows(min_row=4, values_only=True):
        if row[name_col] is None:
            sections.append(row[0])
            continue
        people.append(row)
    assert len(people) == stats["total"] == len(in_office)
    assert [int(r[0]) for r in people] == list(range(1, len(people) + 1)), "序号 runs 1..N"
    assert {r[name_col] for r in people} == set(in_office)
    # Grouped by deputy group: each section row names a group, and its people belong to it.
    assert len(sections) == 7 and all("代表小组" in s for s in sections)
    group_sizes = {b["label"]: b["count"] for b in stats["by_group"] if b["count"]}
    for label, n in group_sizes.items():
        assert sum(1 for r in people if r[group_col] == label) == n, label
    # ID numbers are masked unless asked for.
    ids = [r[id_col] for r in people if r[id_col]]
    assert ids and all("*" in i for i in ids)
    # The sheet prints landscape with the header repeated.
    assert ws.page_setup.orientation == "landscape"
    assert ws.print_title_rows == "$3:$3"


def test_with_id_numbers_on_purpose(cli, tmp_path):
    cli("demo")
    out = tmp_path / "full.xlsx"
    cli("deputies", "export", out, "--with-id-numbers")
    ws = openpyxl.load_workbook(out).active
    header = [c.value for c in ws[3]]
    ids = [r[header.index("身份证号码")] for r in ws.iter_rows(min_row=4, values_only=True) if r[1] and r[header.index("身份证号码")]]
    assert ids and all(len(i) == 18 and "*" not in i for i in ids)
