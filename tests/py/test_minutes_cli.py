"""The minute books through the CLI: presidium meetings (numbering, quarterly gaps, the majority
check), a new meeting from its draft, a voter reception's opinion turned into a suggestion and
counted in the deputy's duty record, and an attachment kept by hash and caught when changed."""
import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def quarter_of(day: dt.date):
    return day.year, (day.month - 1) // 3 + 1


def test_demo_meetings_are_numbered_in_order_and_the_books_flag_gaps_and_failed_votes(cli):
    cli("demo")
    meetings = jrun(cli, "meetings", "list")
    assert len(meetings) >= 4
    for m in meetings:
        assert m["number"].startswith("第二十届主席团第") and m["number"].endswith("次会议"), m["number"]
    by_date = sorted(meetings, key=lambda m: (m["date"], m["seq"]))
    seqs = [m["seq"] for m in by_date]
    assert all(a < b for a, b in zip(seqs, seqs[1:])), "numbers follow the meeting dates"
    assert len({m["number"] for m in meetings}) == len(meetings)

    gaps = jrun(cli, "meetings", "gaps")
    assert len(gaps) == 1
    gap = (gaps[0]["year"], gaps[0]["quarter"])
    held = [dt.date.fromisoformat(m["date"]) for m in meetings if not m["voided"]]
    assert all(quarter_of(d) != gap for d in held), "a listed quarter really had no meeting"

    flagged = [m for m in meetings if m["checks"]]
    assert flagged, "the demo has a meeting whose vote fell short"
    m = jrun(cli, "meetings", "show", str(flagged[0]["id"]))["meeting"]
    failed = [a for a in m["agenda"] if a["passed"] is False]
    assert failed
    assert all(a["votes_for"] is not None and a["votes_for"] * 2 <= m["expected"] for a in failed)
    passed = [a for a in m["agenda"] if a["passed"] is True]
    assert all(a["votes_for"] * 2 > m["expected"] for a in passed)

    # Voiding the only meeting of another ended quarter opens a second gap.
    today = dt.date.today()
    ended = [x for x in meetings if quarter_of(dt.date.fromisoformat(x["date"])) < quarter_of(today)]
    per_q = {}
    for x in ended:
        per_q.setdefault(quarter_of(dt.date.fromisoformat(x["date"])), []).append(x)
    first = min(x["date"] for x in meetings)  # its quarter may have begun before the term
    lone = next(xs[0] for q, xs in sorted(per_q.items()) if len(xs) == 1 and xs[0]["date"] != first)
    cli("meetings", "void", str(lone["id"]), "--reason", "重复登记")
    again = {(g["year"], g["quarter"]) for g in jrun(cli, "meetings", "gaps")}
    assert again == {gap, quarter_of(dt.date.fromisoformat(lone["date"]))}


def test_a_meeting_from_its_draft_counts_attendance_and_refuses_an_absence_without_reason(cli, tmp_path):
    cli("demo")
    before = jrun(cli, "meetings", "list")
    last_seq = max(m["seq"] for m in before)
    day = dt.date.today() - dt.timedelta(days=3)
    draft = json.loads(cli("meetings", "draft", day.isoformat()).stdout)
    members = draft["members"]
    assert len(members) >= 3
    absent = next(x for x in members if x["deputy_id"] != draft["presider_id"])
    present = len(members) - 1
    inp = {
        "date": day.isoformat(), "start_time": "09:30", "place": "镇人大主席团会议室",
        "presider_id": draft["presider_id"], "recorder": "镇人大办公室", "attendees": "分管副镇长",
        "absent": [{"deputy_id": absent["deputy_id"], "reason": "因公外出"}],
        "agenda": [
            {"title": "研究年终代表述职安排", "discussion": "讨论述职名单", "decision": "同意方案",
             "votes_for": present, "votes_against": 0, "votes_abstain": 0},
            {"title": "通报代表建议办理进度", "discussion": "办公室通报"},
        ],
        "notes": "",
    }
    f = tmp_path / "meeting.json"
    f.write_text(json.dumps(inp, ensure_ascii=False), encoding="utf-8")
    made = jrun(cli, "meetings", "add", f"@{f}")
    assert made["number"] == draft["number"]
    assert made["seq"] == last_seq + 1
    assert made["number"] not in {m["number"] for m in before}

    shown = jrun(cli, "meetings", "show", str(made["id"]))["meeting"]
    assert shown["expected"] == len(members)
    assert shown["present"] == shown["expected"] - 1
    missing = [x for x in shown["members"] if not x["present"]]
    assert [(x["deputy_id"], x["absence_reason"]) for x in missing] == [(absent["deputy_id"], "因公外出")]
    assert [a["title"] for a in shown["agenda"]] == [a["title"] for a in inp["agenda"]]
    assert shown["agenda"][0]["passed"] is True and not shown["checks"]
    assert len(jrun(cli, "meetings", "list")) == len(before) + 1

    # The next draft already counts on from the new meeting.
    nxt = json.loads(cli("meetings", "draft", day.isoformat()).stdout)
    assert nxt["number"] != made["number"]

    bad = dict(inp, absent=[{"deputy_id": absent["deputy_id"], "reason": "  "}])
    r = cli("meetings", "add", json.dumps(bad, ensure_ascii=False), check=False)
    assert r.returncode != 0 and "缺席原因" in r.stderr
    assert len(jrun(cli, "meetings", "list")) == len(before) + 1, "the refused meeting wrote nothing"


def test_a_voter_reception_opinion_becomes_one_suggestion_and_counts_in_the_duty_record(cli):
    cli("demo")
    receptions = jrun(cli, "activities", "list", "--kind", "voter_reception")
    assert receptions and all(a["kind"] == "voter_reception" for a in receptions)
    act, op = next((a, o) for a in receptions for o in a["opinions"]
                   if o["suggestion"] is None and o["petition"] is None)
    count_before = len(jrun(cli, "suggestions", "list", "--limit", "10000"))

    s = jrun(cli, "activities", "to-suggestion", str(op["id"]))
    assert s["received_on"] == act["date"]
    assert op["content"] in s["content"] and act["number"] in s["content"]
    members = {m["deputy_id"]: m["attendance"] for m in act["members"]}
    assert members.get(s["lead_deputy"]["id"]) == "present", "the lead was at the reception"
    assert jrun(cli, "suggestions", "show", str(s["id"]))["suggestion"]["number"] == s["number"]
    assert len(jrun(cli, "suggestions", "list", "--limit", "10000")) == count_before + 1

    shown = jrun(cli, "activities", "show", str(act["id"]))
    turned = next(o for o in shown["activity"]["opinions"] if o["id"] == op["id"])
    assert turned["suggestion"]["number"] == s["number"]
    assert any(s["number"] in h["note"] for h in shown["history"])

    again = cli("activities", "to-suggestion", str(op["id"]), "--json", check=False)
    assert again.returncode != 0 and s["number"] in again.stderr
    assert len(jrun(cli, "suggestions", "list", "--limit", "10000")) == count_before + 1

    year = dt.date.fromisoformat(act["date"]).year
    for who in (s["lead_deputy"]["id"], next(d for d in members if d != s["lead_deputy"]["id"])):
        rec = jrun(cli, "deputies", "record", str(who))
        listed = [x for x in rec["activities"] if x["id"] == act["id"]]
        assert [x["attendance"] for x in listed] == [members[who]]
        y = next(y for y in rec["by_year"] if y["year"] == year)
        assert y["activities_expected"] >= 1
        assert y["activities_attended"] + y["activities_excused"] <= y["activities_expected"]
        # Station duty is counted apart (station_duty_*), the group's and the presidium's here.
        in_year = [x for x in rec["activities"] if x["date"].startswith(str(year)) and x["organiser"] != "station"]
        assert y["activities_expected"] == len(in_year)
        assert y["activities_attended"] == sum(x["attendance"] == "present" for x in in_year)
        assert y["voter_receptions"] >= (1 if members[who] == "present" else 0)


def test_an_attachment_is_stored_by_hash_refused_when_not_a_pdf_and_caught_when_changed(cli, tmp_path):
    cli("demo")
    meeting = jrun(cli, "meetings", "list")[0]
    src_dir = tmp_path / "scan"
    src_dir.mkdir()
    body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    src = src_dir / "主席团会议签到表.pdf"
    src.write_bytes(body)
    a = jrun(cli, "attachments", "add", "presidium_meeting", str(meeting["id"]), str(src))
    assert a["name"] == src.name and a["size"] == len(body)
    assert a["sha256"] == hashlib.sha256(body).hexdigest()
    src.unlink()

    out = cli("attachments", "path", str(a["id"])).stdout.strip()
    stored = Path(out) if Path(out).is_absolute() else cli.db.parent / out
    assert stored.exists() and stored.resolve() != src.resolve()
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == a["sha256"]
    listed = jrun(cli, "attachments", "list", "presidium_meeting", str(meeting["id"]))
    assert a["id"] in [x["id"] for x in listed]

    fake = src_dir / "会议纪要.pdf"
    fake.write_text("这不是 PDF，只是一段文字。\n", encoding="utf-8")
    r = cli("attachments", "add", "presidium_meeting", str(meeting["id"]), str(fake), "--json", check=False)
    assert r.returncode != 0 and fake.name in r.stderr
    assert len(jrun(cli, "attachments", "list", "presidium_meeting", str(meeting["id"]))) == len(listed)

    cli("verify")
    os.chmod(stored, stored.stat().st_mode | stat.S_IWUSR)
    stored.write_bytes(body.replace(b"Catalog", b"Changed"))
    v = cli("verify", check=False)
    assert v.returncode != 0 and a["name"] in v.stderr
    p = cli("attachments", "path", str(a["id"]), check=False)
    assert p.returncode != 0 and a["name"] in p.stderr
