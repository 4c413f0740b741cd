"""The export package through the CLI, checked with independent readers: every record of every
book validates against the package's own JSON Schema (python-jsonschema), every file's SHA-256
matches the manifest (hashlib); `verify PACKAGE` accepts it and refuses a flipped byte, and no
petitioner's name or phone is in the package unless asked for."""
import datetime as dt
import hashlib
import json
from pathlib import Path

from jsonschema import Draft202012Validator

YEAR = dt.date.today().year


def export(cli, out, *extra):
    out.mkdir(exist_ok=True)
    r = json.loads(cli("export", "--out", out, "--from", f"{YEAR}-01-01", "--to", f"{YEAR}-12-31", "--json", *extra).stdout)
    return Path(r["path"]), r["manifest"]


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
    assert books == {"deputies", "suggestions", "petitions", "deeds", "documents", "meetings", "activities"}
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
