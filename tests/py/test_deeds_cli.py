"""Exemplary deeds through the CLI: a closed, well-judged suggestion of the demo becomes a deed
prefilled from it; a suggestion still open is refused."""
import json


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def test_a_good_suggestion_becomes_a_deed_and_an_open_one_does_not(cli):
    cli("demo")
    closed = jrun(cli, "suggestions", "list", "--state", "closed")
    turned = {x["suggestion"]["id"] for x in jrun(cli, "deeds", "list") if x["suggestion"]}
    good = next(s for s in closed if s["final_result"] == "satisfied" and s["id"] not in turned)
    draft = json.loads(cli("deeds", "from-suggestion", str(good["id"])).stdout)
    assert draft["suggestion_id"] == good["id"]
    assert draft["deputy_ids"][0] == good["lead_deputy"]["id"]
    d = jrun(cli, "deeds", "add", json.dumps(draft, ensure_ascii=False))
    assert d["suggestion"]["number"] == good["number"]
    assert d["number"].startswith("事迹〔")
    mine = jrun(cli, "deeds", "list", "--deputy", str(good["lead_deputy"]["id"]))
    assert d["id"] in [x["id"] for x in mine]
    again = cli("deeds", "from-suggestion", str(good["id"]), check=False)
    assert again.returncode == 1 and "已转为先进事迹" in again.stderr
    open_one = jrun(cli, "suggestions", "list", "--state", "assigned")[0]
    r = cli("deeds", "from-suggestion", str(open_one["id"]), check=False)
    assert r.returncode == 1 and "不能转为先进事迹" in r.stderr


def test_a_deputys_duty_record_counts_the_books_per_year(cli):
    cli("demo")
    closed = jrun(cli, "suggestions", "list", "--state", "closed")
    lead = closed[0]["lead_deputy"]["id"]
    r = jrun(cli, "deputies", "record", str(lead))
    assert r["deputy"]["id"] == lead
    assert any(s["id"] == closed[0]["id"] for s in r["suggestions_led"])
    total_led = sum(y["suggestions_led"] for y in r["by_year"])
    assert total_led == len(r["suggestions_led"])
    # The sessions book records attendance at the congress: nothing is left unrecorded, and the
    # per-year session counts add up to the sessions listed.
    assert r["not_yet_recorded"] == []
    assert sum(y["sessions_expected"] for y in r["by_year"]) == len(r["sessions"])
    assert sum(y["sessions_attended"] for y in r["by_year"]) == sum(
        1 for s in r["sessions"] if s["attendance"] == "present")
    this_year = r["by_year"][-1]["year"]
    cut = jrun(cli, "deputies", "record", str(lead), "--from", f"{this_year}-01-01", "--to", f"{this_year}-12-31")
    assert [y["year"] for y in cut["by_year"]] == [this_year]
