"""Issue 22, the identity typed where it does not belong: the clerk writes the petitioner's own
name into 事实与地点, the form warns at once, the entry is saved anyway (the clerk's words are
kept), and the pseudonymised package carried to the county holds the name nowhere: the facts
carry the same pseudonym the petitioner gets."""

import json
from pathlib import Path

from ui import choose, click, el, shot, text_of, type_into, wait

NAME = "诸葛明远"


def every_text(folder: Path) -> str:
    out = []
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.suffix in (".json", ".jsonl", ".csv", ".txt"):
            out.append(p.read_text(encoding="utf-8"))
    return "\n".join(out)


def test_a_name_typed_into_free_text_stays_out_of_the_package(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    click(d, "nav-petitions")
    click(d, "petition-add")
    click(d, "petition-field-channel-visit")
    type_into(d, "petition-field-petitioner_name", NAME)
    type_into(d, "petition-field-phone", "13957100777")
    type_into(d, "petition-field-request", "反映自家门前排水沟堵塞，雨天积水进屋")
    type_into(d, "petition-field-facts", f"{NAME}家住河口村三组，门前排水沟被邻居填埋")
    warning = el(d, "petition-name-warning-facts")
    assert NAME[:1] in warning.text or "姓名" in warning.text, warning.text
    choose(d, "petition-field-category", "城乡建设")
    shot(d, artifacts, "sealed-01-warning")
    click(d, "petition-save")
    el(d, "petition-saved-deadline")

    stick = tmp_path / "stick"
    stick.mkdir()
    click(d, "nav-export")
    wait(lambda: d.find_elements("css selector", '[data-test="export-drive"]'), "the disks listed")
    type_into(d, "export-dest", str(stick))
    click(d, "export-run")
    wait(lambda: "读回校验" in text_of(d, "export-result"), "exported and read back", timeout=60)
    shot(d, artifacts, "sealed-02-exported")
    [pkg] = [p for p in stick.iterdir() if not p.name.startswith(".")]
    manifest = json.loads((pkg / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["pseudonymised"] is True
    # The name is nowhere in the package: not where it is stored, not where it was typed.
    assert NAME not in every_text(pkg)
    rows = [json.loads(l) for l in (pkg / "data" / "petitions.jsonl").read_text(encoding="utf-8").splitlines() if l]
    mine = [r for r in rows if "门前排水沟被邻居填埋" in r.get("facts", "")]
    assert len(mine) == 1, "the new petition is in the package"
    assert "P-" in mine[0]["facts"], mine[0]["facts"]
