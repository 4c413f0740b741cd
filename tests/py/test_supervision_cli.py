"""Supervision between sessions through the CLI, as a script or the county would use it: a
presidium inspection with deputies of three groups and two review opinions, one report late on
the `due` list; a 站所评议 of four units where one falls below the 1/3 threshold and gets its
review opinion, printed and read back by pdftotext; duty reports and who still owes one; a
station's rota, a missed duty and the counts. Refusals exit 1 with a Chinese message naming the
field, and write nothing."""

import datetime as dt
import json
import re
import subprocess

TODAY = dt.date.today()


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def put(tmp_path, name, value):
    p = tmp_path / name
    p.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return f"@{p}"


def flat_pdf(path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def in_office(cli):
    """Deputies in office, by group: {group_id: [deputy ids]}."""
    by_group = {}
    for d in jrun(cli, "deputies", "list"):
        if d["status"] == "in_office" and d["group_id"] is not None and not d["voided"]:
            by_group.setdefault(d["group_id"], []).append(d["id"])
    return by_group


def test_an_inspection_of_three_groups_sends_two_opinions_and_a_late_report_is_due(cli, tmp_path):
    cli("demo")
    groups = in_office(cli)
    invited = [ids[0] for ids in list(groups.values())[:3]] + [list(groups.values())[0][1]]
    on = TODAY - dt.timedelta(days=100)
    activity = {
        "organiser": "presidium", "participants": invited, "kind": "inspection", "date": on.isoformat(),
        "theme": "视察全镇农村道路安全", "excused": [invited[-1]],
    }
    a = jrun(cli, "activities", "add", put(tmp_path, "a.json", activity))
    # The presidium's inspection expects the four it invited, from three groups, not a group.
    assert (a["organiser"], a["group_id"], a["expected"], a["present"], a["excused"]) == ("presidium", None, 4, 3, 1)
    units = [u["id"] for u in jrun(cli, "units", "list")][:2]
    made = []
    for unit, text in zip(units, ["村道护栏缺失，请限期补齐", "危桥警示标志不全，请限期整改"]):
        r = jrun(cli, "rectifications", "add", put(tmp_path, f"r{unit}.json", {
            "activity_id": a["id"], "unit_id": unit, "content": text, "sent_on": (on + dt.timedelta(days=3)).isoformat()}))
        made.append(r)
    assert all(r["state"] == "awaiting_report" and r["activity"]["id"] == a["id"] for r in made)
    # Two months after 3 days past the inspection is long gone: both reports are late, on `due`.
    due = jrun(cli, "due")
    late = [i for i in due["overdue"] if i["book"] == "rectifications"]
    assert {i["id"] for i in late} >= {r["id"] for r in made}, late
    assert all(i["stage"] == "rectify" and i["explanation"] for i in late)
    # The first unit reports (late) and the presidium is satisfied: rectified, off the list.
    first = made[0]["id"]
    r = jrun(cli, "rectifications", "report", first, put(tmp_path, "rep.json", {"date": TODAY.isoformat(), "text": "已补齐护栏"}))
    assert r["rounds"][0]["reported_late"] is True
    r = jrun(cli, "rectifications", "assess", first, put(tmp_path, "ass.json", {"date": TODAY.isoformat(), "satisfaction": "satisfied"}))
    assert r["state"] == "rectified"
    due = jrun(cli, "due")
    assert first not in {i["id"] for i in due["overdue"] if i["book"] == "rectifications"}
    listed = jrun(cli, "rectifications", "list", "--overdue")
    assert made[1]["id"] in {x["id"] for x in listed} and first not in {x["id"] for x in listed}
    # A report before its opinion was sent is refused, naming the field, nothing written.
    before = jrun(cli, "rectifications", "show", made[1]["id"])
    bad = cli("rectifications", "report", made[1]["id"], put(tmp_path, "bad.json", {"date": on.isoformat(), "text": "x"}), check=False)
    assert bad.returncode == 1 and "报送日期" in bad.stderr, bad.stderr
    assert jrun(cli, "rectifications", "show", made[1]["id"]) == before


def test_a_station_evaluation_of_four_units_opens_an_opinion_for_the_one_below_the_threshold(cli, tmp_path):
    cli("demo")
    units = [u["id"] for u in jrun(cli, "units", "list")][:4]
    evaluators = [d for ids in in_office(cli).values() for d in ids][:15]
    # 15 evaluators: 不满意 5 is exactly one third (no action), 6 is over it.
    counts = [(12, 3, 0), (8, 2, 5), (5, 4, 6), (10, 4, 1)]
    e = jrun(cli, "evaluations", "add", put(tmp_path, "e.json", {
        "kind": "station", "date": TODAY.isoformat(), "title": "站所工作评议", "evaluator_ids": evaluators,
        "objects": [{"unit_id": u, "good": g, "fair": f, "poor": p} for u, (g, f, p) in zip(units, counts)]}))
    by_unit = {o["unit"]["id"]: o for o in e["objects"]}
    assert [o["unit"]["id"] for o in e["objects"]] == [units[0], units[3], units[1], units[2]], "ranked 15/15, 14/15, 10/15, 9/15"
    assert [o["rank"] for o in e["objects"]] == [1, 2, 3, 4]
    rate = by_unit[units[2]]["ballots"]["rate"]
    assert (rate["numerator"], rate["denominator"]) == (9, 15)
    assert [u for u, o in by_unit.items() if o["below_threshold"]] == [units[2]]
    opened = by_unit[units[2]]["rectification"]
    r = jrun(cli, "rectifications", "show", opened["id"])["rectification"]
    assert r["unit"]["id"] == units[2] and r["evaluation"]["id"] == e["id"]
    # Ballots above the evaluators and an evaluation without objects are refused.
    n = len(jrun(cli, "evaluations", "list"))
    bad = cli("evaluations", "add", put(tmp_path, "bad.json", {
        "kind": "station", "date": TODAY.isoformat(), "title": "x", "evaluator_ids": evaluators,
        "objects": [{"unit_id": units[0], "good": 16, "fair": 0, "poor": 0}]}), check=False)
    assert bad.returncode == 1 and "多于参加评议的 15 人" in bad.stderr, bad.stderr
    empty = cli("evaluations", "add", put(tmp_path, "empty.json", {
        "kind": "station", "date": TODAY.isoformat(), "title": "x", "evaluator_ids": evaluators, "objects": []}), check=False)
    assert empty.returncode == 1 and "评议对象" in empty.stderr
    assert len(jrun(cli, "evaluations", "list")) == n
    # The results page: the table in rank order and the office over the seal position.
    out = tmp_path / "result.pdf"
    cli("print", "--evaluation", e["id"], "--out", out)
    text = flat_pdf(out)
    names = {u["id"]: u["name"] for u in jrun(cli, "units", "list")}
    assert "站所工作评议结果" in text and "青山镇人民代表大会主席团" in text
    positions = [text.index(names[o["unit"]["id"]]) for o in e["objects"]]
    assert positions == sorted(positions), "the units print in rank order"
    assert "60.0%（9/15）" in text and opened["number"] in text
    # The county's view of the year: the supervision books are in the package and valid.
    pkg_dir = tmp_path / "usb"
    pkg_dir.mkdir()
    exported = jrun(cli, "export", "--out", pkg_dir, "--from", f"{TODAY.year}-01-01", "--to", TODAY.isoformat())
    pkg = pkg_dir / exported["path"].split("/")[-1]
    rows = [json.loads(l) for l in (pkg / "data/evaluations.jsonl").read_text(encoding="utf-8").splitlines()]
    assert e["id"] in {r["id"] for r in rows}
    for book in ("rectifications", "duty_reports", "station_rota"):
        assert (pkg / f"data/{book}.jsonl").exists(), book
    assert cli("verify", pkg).returncode == 0


def test_duty_reports_and_who_still_owes_one(cli, tmp_path):
    cli("demo")
    owed = jrun(cli, "duty-reports", "owed")
    assert owed, "the demo leaves deputies who have not reported this term"
    who = owed[0]["deputy_id"]
    r = jrun(cli, "duty-reports", "add", put(tmp_path, "d.json", {
        "deputy_id": who, "date": TODAY.isoformat(), "place": "选民之家", "voters_present": 30,
        "good": 25, "fair": 4, "poor": 1}))
    assert r["rating"]["rate"]["numerator"] == 29 and r["rating"]["rate"]["denominator"] == 30
    assert who not in {o["deputy_id"] for o in jrun(cli, "duty-reports", "owed")}
    bad = cli("duty-reports", "add", put(tmp_path, "bad.json", {
        "deputy_id": who, "date": TODAY.isoformat(), "voters_present": 10, "good": 10, "fair": 1, "poor": 0}), check=False)
    assert bad.returncode == 1 and "多于到会选民 10 人" in bad.stderr, bad.stderr


def test_a_rota_a_missed_duty_and_the_counts(cli, tmp_path):
    cli("demo")
    stations = jrun(cli, "stations", "rota")
    station = stations[0]["station_id"]
    ids = [d for ids in in_office(cli).values() for d in ids]
    day = TODAY - dt.timedelta(days=2)
    pair = ids[-2:]
    rota = jrun(cli, "stations", "rota", "--set", put(tmp_path, "rota.json", {"station_id": station, "date": day.isoformat(), "deputy_ids": pair}))
    assert [d["deputy_id"] for d in rota["deputies"]] == pair and rota["state"] == "unrecorded"
    a = jrun(cli, "stations", "duty", put(tmp_path, "duty.json", {
        "station_id": station, "date": day.isoformat(), "absent": [pair[1]], "voters_received": 4,
        "opinions": [{"source": "某村村民", "content": "希望增设公交站点"}]}))
    assert (a["organiser"], a["expected"], a["present"], a["absent"]) == ("station", 2, 1, 1)
    counts = jrun(cli, "stations", "counts", "--from", day.isoformat(), "--to", day.isoformat())
    deputy = {c["id"]: c for c in counts["per_deputy"]}
    assert (deputy[pair[0]]["attended"], deputy[pair[1]]["missed"]) == (1, 1)
    assert counts["per_station"][0]["voters_received"] == 4
    # The opinion collected on duty becomes a suggestion as any activity's does.
    opinion = a["opinions"][0]["id"]
    s = jrun(cli, "activities", "to-suggestion", opinion)
    assert s["number_label"]
    # A deputy who does not exist is refused on the rota.
    bad = cli("stations", "rota", "--set", put(tmp_path, "bad.json", {"station_id": station, "date": TODAY.isoformat(), "deputy_ids": [999999]}), check=False)
    assert bad.returncode == 1 and "值班代表" in bad.stderr, bad.stderr
