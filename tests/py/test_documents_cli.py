"""The document register through the CLI: a 文号 typed with other brackets is the same document,
JSON shapes, circulation and archiving."""
import datetime as dt
import json


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def doc(**kw):
    d = {"direction": "received", "date": dt.date.today().isoformat(), "issuer": "县人大常委会",
         "issuer_level": "county", "doc_number": "县人大常〔2026〕21号", "title": "关于开展代表活动月的通知",
         "classification": "public", "urgency": "urgent"}
    d.update(kw)
    return json.dumps(d, ensure_ascii=False)


def test_register_find_circulate_archive_and_refuse_a_duplicate(cli):
    cli("init")
    d = jrun(cli, "documents", "add", doc())
    assert d["number"].startswith("收文〔") and d["number"].endswith("〕第1号")
    assert d["doc_number"] == "县人大常〔2026〕21号"
    assert set(d) >= {"id", "direction", "number", "date", "issuer", "issuer_level", "doc_number", "title",
                      "classification", "urgency", "copies", "archived_on", "volume", "reads", "voided"}
    r = cli("documents", "add", doc(doc_number="县人大常[2026]第21号", title="重复"), check=False)
    assert r.returncode == 1 and "重复登记" in r.stderr
    assert [x["id"] for x in jrun(cli, "documents", "list", "--search", "县人大常(2026)21")] == [d["id"]]
    cli("documents", "read", str(d["id"]), "--reader", "镇人大主席")
    cli("documents", "archive", str(d["id"]), "--volume", "2026-文书-04")
    shown = jrun(cli, "documents", "show", str(d["id"]))
    assert shown["document"]["reads"] == 1 and shown["reads"][0]["reader"] == "镇人大主席"
    assert shown["document"]["volume"] == "2026-文书-04"
    assert jrun(cli, "documents", "list", "--direction", "sent") == []
