"""Printing through the CLI, checked with poppler, not with our own code: every book of the demo
office has its cover, contents, Chinese column titles, every entry's number and 第 X 页 共 Y 页
(pdftotext), the page count and A4 size the CLI reported (pdfinfo), only embedded fonts
(pdffonts); a second print is byte-identical; pages are kept as PNG (pdftoppm) in
artifacts/print; rare characters print with a glyph; identities are masked unless a reason is
given; a form prints on one A4 page and is recorded in the entry's history."""
import datetime as dt
import json
import os
import re
import subprocess
from pathlib import Path

import pytest

YEAR = dt.date.today().year
ART = Path(os.environ.get("ARTIFACTS", "artifacts")) / "print"

# Book -> (title, column titles that must appear, how the CLI lists that book's numbers)
BOOKS = {
    "roster": ("代表分组情况及代表花名册", ["姓名", "政治面貌", "工作单位及职务", "代表证号"]),
    "meetings": ("主席团会议记录簿", ["主持人", "记录人", "应到／实到", "缺席人员", "主持人（签字）"]),
    "deeds": ("代表先进事迹记录簿", ["事迹名称", "事迹摘要", "所获荣誉"]),
    "petitions": ("人民来信来访记录簿", ["收到时间", "信访人", "反映事项", "承办单位", "办理结果"]),
    "documents": ("各级文件登记簿", ["收文号", "来文机关", "文件标题", "领导批示", "发文号"]),
    "suggestions": ("代表议案和批评、建议、意见记录簿", ["领衔及附议代表", "案由", "承办单位", "代表评价"]),
    "activities": ("代表小组活动记录簿", ["形式", "出席情况", "活动内容", "收集意见"]),
    "sessions": ("人民代表大会会议记录簿", ["应到／实到", "请假人员", "缺席人员", "表决结果", "主持人（签字）"]),
    "projects": ("民生实事项目台账", ["项目名称", "票决", "招投标", "验收", "代表测评"]),
    "rectifications": ("审议意见整改台账", ["整改单位", "审议意见", "送达及期限", "整改情况报告", "主席团评价"]),
    "evaluations": ("评议测评结果", ["名次", "评议对象", "有效票", "满意率"]),
}


def jrun(cli, *args):
    return json.loads(cli(*args, "--json").stdout)


def tool(*args) -> str:
    return subprocess.run(list(args), capture_output=True, text=True, check=True).stdout


def flat(pdf: Path) -> str:
    """The text in content order with all whitespace removed (a number wrapped inside its cell
    reads as one string again)."""
    return re.sub(r"\s+", "", tool("pdftotext", "-raw", str(pdf), "-"))


def numbers(cli, book):
    if book == "roster":
        return [d["name"] for d in jrun(cli, "deputies", "list")]
    if book == "suggestions":
        return [s["number"] for s in jrun(cli, "suggestions", "list")
                if s["received_on"].startswith(str(YEAR))]
    if book == "meetings":
        return [m["number"] for m in jrun(cli, "meetings", "list", "--year", YEAR)]
    return [x["number"] for x in jrun(cli, book, "list", "--year", YEAR)]


def print_book(cli, book, out, *extra):
    period = ["--term", "20"] if book == "roster" else ["--year", YEAR]
    return jrun(cli, "print", "--book", book, *period, "--out", out, *extra)


@pytest.mark.parametrize("book", list(BOOKS))
def test_every_book_prints_as_a_ledger_with_every_entry(cli, tmp_path, book):
    cli("demo")
    title, columns = BOOKS[book]
    out = tmp_path / f"{book}.pdf"
    r = print_book(cli, book, out)
    assert r["path"] == str(out) and r["pages"] >= 3

    info = tool("pdfinfo", str(out))
    assert re.search(rf"^Pages:\s+{r['pages']}$", info, re.M), info
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)", info, re.M)
    assert size, info
    w, h = float(size.group(1)), float(size.group(2))
    assert (w > h) == (book not in ("meetings", "sessions")), "ledgers landscape, minutes portrait"
    assert title in info, "the PDF's title names the book"

    text = flat(out)
    assert text.count(title) >= r["pages"], "the book's name on the cover and in every running header"
    assert "青山镇人民代表大会主席团" in text
    assert "卷内目录" in text
    for c in columns:
        assert c in text, f"column title {c}"
    listed = numbers(cli, book)
    assert listed, "the demo has entries this period"
    for n in listed:
        assert n in text, f"entry {n} printed"
    numbered = r["pages"] - 1  # the cover carries no number
    for p in range(1, numbered + 1):
        assert f"第{p}页共{numbered}页" in text, f"page {p} numbered"

    fonts = tool("pdffonts", str(out)).splitlines()[2:]
    assert fonts, "fonts listed"
    for line in fonts:
        cols = line.split()
        assert cols[-5] == "yes", f"embedded: {line}"

    again = tmp_path / f"{book}-again.pdf"
    r2 = print_book(cli, book, again)
    assert again.read_bytes() == out.read_bytes(), "a reprint is byte-identical"
    assert r2["sha256"] == r["sha256"]

    ART.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "3", str(out), str(ART / book)], check=True)
    assert list(ART.glob(f"{book}-*.png"))


def test_a_voided_entry_prints_struck_with_its_reason(cli, tmp_path):
    cli("demo")
    p = jrun(cli, "petitions", "list", "--year", YEAR)[0]
    cli("petitions", "void", p["id"], "--reason", "重复登记作废")
    out = tmp_path / "p.pdf"
    print_book(cli, "petitions", out)
    text = flat(out)
    assert p["number"] in text, "a voided entry stays in the book"
    assert "作废：重复登记作废" in text


def test_identities_are_masked_unless_a_reason_is_given_and_the_choice_is_recorded(cli, tmp_path):
    cli("init")
    today = dt.date.today()
    inp = {
        "channel": "visit", "received_at": f"{today.isoformat()} 09:30", "anonymous": False,
        "petitioner_name": "孙堃喆", "phone": "13857112345", "address": "青山镇河口村三组",
        "id_number": "", "people_count": 1, "request": "反映王𠮷昇与李䶮、陈𪜀两户宅基地界址纠纷",
        "category": "construction",
    }
    f = tmp_path / "p.json"
    f.write_text(json.dumps(inp, ensure_ascii=False), encoding="utf-8")
    p = jrun(cli, "petitions", "add", f"@{f}")

    masked = tmp_path / "masked.pdf"
    jrun(cli, "print", "--book", "petitions", "--year", today.year, "--out", masked)
    text = flat(masked)
    assert "孙**" in text and "孙堃喆" not in text and "13857112345" not in text
    # Rare characters in the text print as themselves (a glyph, not a box): they come back out.
    assert "王𠮷昇与李䶮、陈𪜀" in text
    fonts = tool("pdffonts", str(masked))
    assert "HanaMinB" in fonts, "𪜀 (Ext C) comes from the bundled HanaMinB"

    r = cli("print", "--book", "petitions", "--year", today.year, "--out", tmp_path / "x.pdf",
            "--reveal", " ", check=False)
    assert r.returncode == 1 and "原因" in r.stderr
    assert not (tmp_path / "x.pdf").exists()

    clear = tmp_path / "clear.pdf"
    jrun(cli, "print", "--book", "petitions", "--year", today.year, "--out", clear,
         "--reveal", "县人大检查台账")
    text = flat(clear)
    assert "孙堃喆" in text and "13857112345" in text
    assert "本册显示信访人身份信息" in text
    hist = jrun(cli, "history", "--entity", "petition", "--id", p["id"])
    assert any(h["action"] == "reveal" and "县人大检查台账" in h["note"] for h in hist), hist


def test_forms_print_on_one_page_and_are_recorded(cli, tmp_path):
    cli("demo")
    sugg = [s for s in jrun(cli, "suggestions", "list") if s["assigned_on"]][0]
    out = tmp_path / "slip.pdf"
    r = jrun(cli, "print", "--form", "assignment", "--id", sugg["id"], "--out", out)
    assert r["pages"] == 1
    info = tool("pdfinfo", str(out))
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M), info
    text = flat(out)
    assert "代表建议交办单" in text and sugg["number_label"].replace(" ", "") in text
    assert sugg["lead_unit"]["name"] in text
    assert re.search(r"二〇[〇一二三四五六七八九]{2}年[一二三四五六七八九十]+月[一二三四五六七八九十]+日", text)
    hist = jrun(cli, "history", "--entity", "suggestion", "--id", sugg["id"])
    assert any(h["action"] == "print" and "交办单" in h["note"] for h in hist), hist

    unassigned = [s for s in jrun(cli, "suggestions", "list") if not s["assigned_on"]][0]
    r = cli("print", "--form", "assignment", "--id", unassigned["id"], "--out", tmp_path / "no.pdf", check=False)
    assert r.returncode == 1 and "尚未交办" in r.stderr
    assert not (tmp_path / "no.pdf").exists()

    accepted = [p for p in jrun(cli, "petitions", "list") if p["accepted_on"]][0]
    notice = tmp_path / "notice.pdf"
    jrun(cli, "print", "--form", "acceptance", "--id", accepted["id"], "--out", notice)
    text = flat(notice)
    assert "信访事项受理告知书" in text and "六十日内" in text and accepted["number"] in text


def test_a_batch_of_slips_is_one_pdf_one_page_each_in_the_order_given(cli, tmp_path):
    """The batch 交办单 after a batch assignment: one slip per suggestion, each on its own A4
    page, in the order the clerk's list had them, each suggestion's history saying it."""
    cli("demo")
    assigned = [s for s in jrun(cli, "suggestions", "list") if s["assigned_on"]][:4]
    assert len(assigned) == 4, "the demo has assigned suggestions"
    ids = [s["id"] for s in reversed(assigned)]
    out = tmp_path / "slips.pdf"
    r = jrun(cli, "print", "--form", "assignment", "--id", ",".join(map(str, ids)), "--out", out)
    # Each slip is one page on its own (a slip is never split nor shares a page).
    assert r["pages"] == 4, r
    for page, s in enumerate(reversed(assigned), start=1):
        text = re.sub(r"\s+", "", tool("pdftotext", "-f", str(page), "-l", str(page), str(out), "-"))
        assert "代表建议交办单" in text, (page, text)
        assert s["number_label"].replace(" ", "") in text, (page, s["number_label"], text)
    for s in assigned:
        hist = jrun(cli, "history", "--entity", "suggestion", "--id", s["id"])
        assert any(h["action"] == "print" and "交办单" in h["note"] for h in hist), hist
    # One unassigned suggestion in the batch refuses the whole batch, naming it; no file.
    unassigned = [s for s in jrun(cli, "suggestions", "list") if not s["assigned_on"]][0]
    bad = tmp_path / "bad.pdf"
    r = cli("print", "--form", "assignment", "--id", f"{ids[0]},{unassigned['id']}", "--out", bad, check=False)
    assert r.returncode == 1 and "尚未交办" in r.stderr and unassigned["number_label"] in r.stderr, r.stderr
    assert not bad.exists()
    r = cli("print", "--form", "assignment", "--id", f"{ids[0]},{ids[0]}", "--out", bad, check=False)
    assert r.returncode == 1 and "两次" in r.stderr, r.stderr


def test_the_registration_receipt_names_the_number_and_the_acceptance_deadline(cli, tmp_path):
    cli("demo")
    p = [p for p in jrun(cli, "petitions", "list") if not p["accepted_on"] and not p["voided"]][0]
    detail = jrun(cli, "petitions", "show", p["id"])["petition"]
    out = tmp_path / "receipt.pdf"
    r = jrun(cli, "print", "--form", "receipt", "--id", p["id"], "--out", out)
    assert r["pages"] == 1
    text = flat(out)
    assert "信访事项登记回执" in text and p["number"] in text
    # The date the petitioner is promised is the case's own acceptance-notice deadline.
    due = dt.date.fromisoformat(detail["deadline"]["due"]["date"])
    assert f"{due.year}年{due.month}月{due.day}日前告知" in text, text
    # Addressed by the masked name, as the list shows it, unless a reason is given (the
    # receipt can be reprinted by anyone at the desk).
    if not detail["anonymous"]:
        assert detail["petitioner"] + "：" in text, (detail["petitioner"], text)


def test_the_supervision_list_groups_every_open_case_by_unit(cli, tmp_path):
    cli("demo")
    # Every running deadline, from the home page's own query (366 days covers them all).
    due = jrun(cli, "due", "--within", "366")
    board = due["overdue"] + due["due_soon"]
    assert board, "the demo has open cases"
    out = tmp_path / "dubanqingdan.pdf"
    jrun(cli, "print", "--supervision", "--out", out)
    text = flat(out)
    assert "督办清单" in text
    info = tool("pdfinfo", str(out))
    assert re.search(r"^Page size:\s+841\.\d+ x 595\.\d+ pts", info, re.M), "landscape A4: " + info
    for item in board:
        assert item["number"].replace(" ", "") in text, item["number"]
    units = {i["unit"]["name"] for i in board if i["unit"]}
    for u in units:
        assert u in text, u
    if any(i["unit"] is None for i in board):
        assert "未交办" in text


def test_the_years_books_go_into_one_folder(cli, tmp_path):
    """Workflow 9: one command, every book of the year as an archival PDF, named for the book."""
    cli("demo")
    folder = tmp_path / "年度台账"
    r = jrun(cli, "print", "--all", "--year", YEAR, "--out", folder)
    assert len(r) == len(BOOKS)
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == len(BOOKS), names
    for book, (title, _) in BOOKS.items():
        pdf = folder / f"{YEAR}年 {title}.pdf"
        assert pdf.exists(), (book, names)
        assert title in flat(pdf)
        assert "PDF/A" in tool("pdfinfo", "-meta", str(pdf)) or "pdfaid" in tool("pdfinfo", "-meta", str(pdf))
