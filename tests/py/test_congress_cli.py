"""The sessions book and 民生实事 through the CLI, as a script or the county would use them: the
JSON shapes README documents, a session entered from its draft with the exceptions only, the checks
with their basis, the deputy absent twice, a vote that adopts by a majority of ALL deputies, the
milestones and the evaluation, and both books printed and read back by pdftotext."""

import datetime as dt
import json
import re
import subprocess

TODAY = dt.date.today()
YEAR = TODAY.year


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def flat_pdf(path) -> str:
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", "", out)


def test_a_session_from_its_draft_with_the_exceptions_only(cli, tmp_path):
    cli("demo")
    draft = json.loads(cli("sessions", "draft", TODAY.isoformat()).stdout)
    members = draft["members"]
    # Every deputy holding a mandate today is expected, all present until marked.
    assert members and all(m["attendance"] == "present" for m in members)
    excused, absent = members[0]["deputy_id"], members[1]["deputy_id"]
    expected = len(members)
    half = expected // 2 + 1  # the smallest majority of ALL deputies
    session = {
        "kind": "extraordinary", "first_day": TODAY.isoformat(), "place": "镇政府会议室",
        "attendance": [
            {"deputy_id": excused, "attendance": "excused", "reason": "住院", "approved_by": "人大主席"},
            {"deputy_id": absent, "attendance": "absent"},
        ],
        "items": [
            {"kind": "other", "title": "审议财政预算调整方案", "outcome": "关于预算调整的决议",
             "outcome_kind": "resolution", "votes_for": half - 1, "votes_against": 0, "votes_abstain": 0},
        ],
        "elections": [
            {"post": "deputy_head", "by_election": True, "competitive": True, "places": 1,
             "ballots_issued": expected - 2, "ballots_returned": expected - 2,
             "ballots_valid": expected - 2, "ballots_invalid": 0,
             "candidates": [{"name": "周建国", "votes": half}, {"name": "吴晓明", "votes": 1}]},
        ],
    }
    (tmp_path / "s.json").write_text(json.dumps(session, ensure_ascii=False), encoding="utf-8")
    s = jrun(cli, "sessions", "add", f"@{tmp_path / 's.json'}")
    assert s["number"] == draft["number"], "numbered as the draft said"
    assert (s["expected"], s["present"], s["excused"], s["absent"]) == (expected, expected - 2, 1, 1)
    # One vote short of a majority of all: shown (the book records what happened), with its basis.
    assert s["items"][0]["passed"] is False
    assert any("未获通过" in c and "地方组织法" in c for c in s["checks"]), s["checks"]
    assert [c["name"] for c in s["elections"][0]["candidates"] if c["elected"]] == ["周建国"]
    listed = jrun(cli, "sessions", "list")
    assert listed[0]["id"] == s["id"], "newest first"
    for key in ("number", "kind", "first_day", "last_day", "expected", "present", "excused", "absent", "items",
                "elections", "checks", "voided"):
        assert key in listed[0], key

    # A count that cannot be true is refused, naming the part of the form, and nothing is written.
    bad = dict(session, first_day=(TODAY - dt.timedelta(days=1)).isoformat())
    bad["elections"] = [dict(session["elections"][0], ballots_valid=1)]
    (tmp_path / "bad.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    r = cli("sessions", "add", f"@{tmp_path / 'bad.json'}", check=False)
    assert r.returncode == 1 and "有效票" in r.stderr and "收回" in r.stderr, r.stderr
    assert len(jrun(cli, "sessions", "list")) == len(listed)

    # The demo's deputy absent twice is flagged with the ground and its basis; dismissed, gone.
    checks = jrun(cli, "sessions", "checks")
    flagged = checks["absent_twice"]
    assert flagged and flagged[0]["ground"] == "absent_twice" and "代表法" in flagged[0]["basis"]
    who = flagged[0]["deputy"]["id"]
    cli("sessions", "dismiss", who, "--reason", "事后补办请假手续")
    assert all(f["deputy"]["id"] != who for f in jrun(cli, "sessions", "checks")["absent_twice"])
    history = jrun(cli, "history", "--entity", "deputy", "--id", who)
    assert any("不提请终止代表资格" in h["note"] for h in history)

    # The duty record counts the session for the excused deputy.
    record = jrun(cli, "deputies", "record", excused)
    this_year = next(y for y in record["by_year"] if y["year"] == YEAR)
    assert this_year["sessions_excused"] >= 1 and this_year["sessions_expected"] >= this_year["sessions_excused"]

    # The sessions book prints every session of the year with the excused named.
    out = tmp_path / "sessions.pdf"
    cli("print", "--book", "sessions", "--year", YEAR, "--out", out)
    text = flat_pdf(out)
    for x in jrun(cli, "sessions", "list", "--year", YEAR):
        assert x["number"] in text, x["number"]
    assert "住院" in text and "周建国" in text


def test_projects_are_voted_followed_and_printed(cli, tmp_path):
    cli("demo")
    sessions = jrun(cli, "sessions", "list", "--year", YEAR)
    spring = sessions[-1]  # the year's first session
    nxt = YEAR + 1
    ids = []
    for title in ("镇区道路提升", "饮水工程"):
        p = jrun(cli, "projects", "add", json.dumps({"year": nxt, "title": title, "source": "government",
                                                     "estimated_cost": 1_250_000}, ensure_ascii=False))
        assert p["number"].startswith(f"民生实事〔{nxt}〕") and p["state"] == "candidate"
        ids.append(p["id"])
    present = spring["present"]
    all_deputies = spring["expected"]
    half = all_deputies // 2 + 1
    vote = {"year": nxt, "session_id": spring["id"], "ballots_issued": present, "ballots_returned": present,
            "candidates": [{"project_id": ids[0], "votes_for": half, "votes_against": 0, "votes_abstain": 0},
                           {"project_id": ids[1], "votes_for": half - 1, "votes_against": 1, "votes_abstain": 0}]}
    voted = jrun(cli, "projects", "vote", json.dumps(vote))
    result = {p["id"]: (p["vote"]["adopted"], p["vote"]["rank"], p["vote"]["deputies"]) for p in voted}
    # A majority of ALL deputies at the session, not of those voting.
    assert result == {ids[0]: (True, 1, all_deputies), ids[1]: (False, 2, all_deputies)}

    # Only the adopted project is followed; an actual date out of order is refused.
    r = cli("projects", "milestone", ids[1], json.dumps({"kind": "approval", "planned_on": TODAY.isoformat()}), check=False)
    assert r.returncode == 1 and "尚未经票决入选" in r.stderr, r.stderr
    cli("projects", "milestone", ids[0], json.dumps({"kind": "tender", "done_on": TODAY.isoformat(),
                                                      "amount": 1_180_000, "note": "中标单位：青山建设"}))
    r = cli("projects", "milestone", ids[0], json.dumps({"kind": "start",
                                                         "done_on": (TODAY - dt.timedelta(days=3)).isoformat()}),
            check=False)
    assert r.returncode == 1 and "早于已登记的招投标日期" in r.stderr, r.stderr
    p = jrun(cli, "projects", "evaluate", ids[0], json.dumps({"date": TODAY.isoformat(), "satisfied": 30,
                                                              "basically": 5, "unsatisfied": 2}))
    assert (p["evaluation"]["numerator"], p["evaluation"]["denominator"]) == (35, 37)
    assert p["state"] == "underway"

    # The demo's late milestone is listed for the home page.
    late = jrun(cli, "projects", "late")
    assert late and all(m["days_late"] > 0 for m in late)

    # The ledger of this year prints every project of the year with its vote.
    out = tmp_path / "projects.pdf"
    cli("print", "--book", "projects", "--year", YEAR, "--out", out)
    text = flat_pdf(out)
    for x in jrun(cli, "projects", "list", "--year", YEAR, "--all"):
        assert x["number"] in text, x["number"]
    assert "入选" in text and "未入选" in text
