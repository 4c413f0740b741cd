#!/usr/bin/env python3
"""Build the Han character data used to order names 按姓氏笔画为序.

Writes two files (UTF-8, '#' lines are comments) into --out:

strokes.txt
    One line per total stroke count N: ``N<TAB><characters>``, the characters
    in code point order with no separators.  Every character that has a
    kTotalStrokes value in the Unicode Unihan database is listed once, under
    the first value given (Unihan lists the zh-Hans count first).

stroke_order.txt
    One line per character: ``<char><TAB><digits>``, its strokes in writing
    order as the five classes of the mainland rule: 1 横 (and 提), 2 竖 (and
    竖钩), 3 撇, 4 点 (and 捺), 5 折 (every turning or hooked stroke other than
    竖钩).  Only characters that are in strokes.txt.  Used to break ties
    between surnames of equal stroke count.

Sources:

  --unihan  Unihan database, for strokes.txt.  Unihan.zip, or a directory
            holding the Unihan_*.txt files, plain or .bz2 -- Debian's
            ``unicode-data`` installs them as /usr/share/unicode/Unihan_*.txt.bz2
            (the default).  Licence: Unicode License (permissive, notice
            required; full text in LICENSES.md).
  --cnchar  the npm tarball of ``cnchar-order`` (https://github.com/theajack/cnchar),
            for stroke_order.txt, as written by ``npm pack cnchar-order``.  Its
            cnchar.order.min.js holds two JSON tables: {char: stroke letters}
            (about 6,900 common simplified characters) and {letter: {name,
            shape, ...}}.  Each letter is mapped to a digit by its stroke *name*
            (STROKE_CLASS below), so an unknown or renamed stroke stops the
            script instead of being guessed.  Licence: MIT (full text in
            LICENSES.md).  This is the only source of stroke_order.txt.

Regenerate (from the repository root; prints a summary on stderr):

    apt-get install -y unicode-data
    mkdir -p /tmp/cnchar && (cd /tmp/cnchar && npm pack cnchar-order@3.2.6) && \
        python3 assets/hanzi/extract.py --unihan /usr/share/unicode \
        --cnchar /tmp/cnchar/cnchar-order-3.2.6.tgz --out assets/hanzi

Without --cnchar only strokes.txt is written.  The output has no timestamps,
so the same inputs give byte-identical files (the exact command is written
into each file's header).  Only the Python 3 standard library is used; the
app never runs this script.
"""

import argparse
import bz2
import hashlib
import json
import os
import re
import shlex
import sys
import tarfile
import zipfile
from collections import defaultdict

# ---------------------------------------------------------------- inputs


def unihan_texts(path):
    """Yield (file name, text) for each Unihan_*.txt in a zip or directory."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            for name in sorted(z.namelist()):
                if name.endswith(".txt"):
                    yield name, z.read(name).decode("utf-8")
        return
    for name in sorted(os.listdir(path)):
        full = os.path.join(path, name)
        if name.startswith("Unihan") and name.endswith(".txt"):
            with open(full, encoding="utf-8") as f:
                yield name, f.read()
        elif name.startswith("Unihan") and name.endswith(".txt.bz2"):
            with bz2.open(full, "rt", encoding="utf-8") as f:
                yield name[:-4], f.read()


def load_unihan(path):
    """Return ({char: total strokes}, set of 通用规范汉字表 chars, description)."""
    strokes, tgh, version, files = {}, set(), "?", []
    for name, text in unihan_texts(path):
        m = re.search(r"^# Unicode version: (\S+)", text, re.M)
        if m:
            version = m.group(1)
        found = False
        for cp, field, value in re.findall(r"^U\+([0-9A-F]+)\t(kTotalStrokes|kTGH)\t(.*)$",
                                           text, re.M):
            found = True
            char = chr(int(cp, 16))
            if field == "kTotalStrokes":
                strokes[char] = int(value.split()[0])  # first value = zh-Hans
            else:
                tgh.add(char)
        if found:
            files.append(name)
    if not strokes:
        raise SystemExit(f"{path}: no kTotalStrokes found (want Unihan.zip or a "
                         "directory of Unihan_*.txt[.bz2])")
    desc = f"Unicode Unihan database {version} ({', '.join(files)}) from {path}"
    return strokes, tgh, desc


# cnchar-order's stroke names -> the five classes.  Names joined by "|" in its
# table share one letter (e.g. "横撇|横钩"); each part is looked up.
#   1 横: 横, and 提 (a rising stroke counts as 横).
#   2 竖: 竖, and 竖钩 (counts as 竖 under the mainland rule; 丁 = 12).
#   3 撇.
#   4 点: 点, 捺, and 点2 -- cnchar's second dot letter "d", drawn with the
#     shape ㇀ in its table but used for dots (冗 写 宁 它: the first stroke of
#     冖/宀; 心 火 办 必), so it is a 点, not a 提 (提 is its letter "i").
#   5 折: every turning or hooked stroke other than 竖钩, including 竖提, 撇点,
#     撇折, 弯钩, 斜钩/卧钩 (女 = 531, 以 = 5434, 戈 = 1534, 心 = 4544).
STROKE_CLASS = {
    "横": "1", "提": "1",
    "竖": "2", "竖钩": "2",
    "撇": "3",
    "点": "4", "点2": "4", "捺": "4",
    **dict.fromkeys([
        "横折", "横撇", "横钩", "横折钩", "横折提", "横折弯", "横折折", "横折折折",
        "横折折撇", "横折折折钩", "横撇弯钩", "横斜钩",
        "竖提", "竖弯", "竖弯钩", "竖折撇", "竖折折", "竖折折钩",
        "撇折", "撇点", "弯钩", "斜钩", "卧钩",
    ], "5"),
}


def load_cnchar(path):
    """Read an ``npm pack cnchar-order`` tarball.

    Returns ({char: digits 1-5}, {letter: (names, digit)}, info dict)."""
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    with tarfile.open(path) as t:
        def member(name):
            return t.extractfile(f"package/{name}").read().decode("utf-8")
        package = json.loads(member("package.json"))
        licence = member("LICENSE")
        src = member(package.get("main", "cnchar.order.min.js"))
    if package.get("name") != "cnchar-order" or package.get("license") != "MIT":
        raise SystemExit(f"{path}: expected the MIT-licensed cnchar-order package, got "
                         f"{package.get('name')} ({package.get('license')})")
    copyright_lines = [l.strip() for l in licence.splitlines() if l.startswith("Copyright")]
    if not licence.lstrip().startswith("The MIT License") or len(copyright_lines) != 1:
        raise SystemExit(f"{path}: package/LICENSE is not the expected MIT licence")

    # The tables are webpack modules: JSON.parse('<json>').  No backslash may
    # occur inside, or JS string unescaping would differ from plain JSON.
    blobs = re.findall(r"JSON\.parse\('(\{.*?\})'\)", src, re.S)
    if any("\\" in b for b in blobs):
        raise SystemExit(f"{path}: escaped JSON in {package['main']}; update the parser")
    tables = [json.loads(b) for b in blobs]
    orders = [d for d in tables if d and all(isinstance(v, str) for v in d.values())]
    strokes = [d for d in tables if d and all(isinstance(v, dict) and "name" in v
                                              for v in d.values())]
    if len(orders) != 1 or len(strokes) != 1:
        raise SystemExit(f"{path}: expected one order table and one stroke table, "
                         f"found {len(orders)} and {len(strokes)}")
    orders, strokes = orders[0], strokes[0]

    letter_class = {}
    for letter, entry in strokes.items():
        names = entry["name"].split("|")
        unknown = [n for n in names if n not in STROKE_CLASS]
        classes = {STROKE_CLASS[n] for n in names if n in STROKE_CLASS}
        if unknown or len(classes) != 1:
            raise SystemExit(f"{path}: stroke letter {letter!r} = {entry['name']!r}: "
                             "no single class in STROKE_CLASS; extend it")
        letter_class[letter] = (entry["name"], classes.pop())

    digits = {}
    for char, letters in orders.items():
        bad = [x for x in letters if x not in letter_class]
        if bad or not letters:
            raise SystemExit(f"{path}: {char}: unknown stroke letters {bad or letters!r}")
        digits[char] = "".join(letter_class[x][1] for x in letters)
    info = {
        "version": package["version"],
        "repository": package.get("repository", {}).get("url", "?"),
        "copyright": copyright_lines[0],
        "file": os.path.basename(path),
        "sha256": digest,
        "main": package["main"],
    }
    return digits, letter_class, info


# ------------------------------------------------------------- outputs


def write_strokes(path, strokes, header):
    by_count = defaultdict(list)
    for char, n in strokes.items():
        by_count[n].append(char)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"# {h}\n" if h else "#\n" for h in header)
        for n in sorted(by_count):
            f.write(f"{n}\t{''.join(sorted(by_count[n]))}\n")


def write_orders(path, orders, header):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"# {h}\n" if h else "#\n" for h in header)
        for char in sorted(orders):
            f.write(f"{char}\t{orders[char]}\n")


# ------------------------------------------------------------------ main


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--unihan", default="/usr/share/unicode",
                    help="Unihan.zip or directory of Unihan_*.txt[.bz2]")
    ap.add_argument("--cnchar", help="cnchar-order .tgz from `npm pack cnchar-order`")
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                    help="output directory (default: this script's directory)")
    args = ap.parse_args()

    def log(msg):
        print(msg, file=sys.stderr)

    command = "python3 assets/hanzi/extract.py " + " ".join(sys.argv[1:])
    strokes, tgh, unihan_desc = load_unihan(args.unihan)
    write_strokes(os.path.join(args.out, "strokes.txt"), strokes, [
        "Total stroke counts of CJK ideographs, for ordering names 按姓氏笔画为序.",
        "Format: N<TAB>every character whose total stroke count is N (code point order).",
        "Count: the first kTotalStrokes value (the zh-Hans count) of each character.",
        f"Source: {unihan_desc}.",
        "Licence: Unicode License, (c) 1991-2022 Unicode, Inc., https://www.unicode.org/license.txt",
        "  (terms of use: https://www.unicode.org/terms_of_use.html). This file is modified:",
        "  one field extracted and reformatted.",
        f"Generated by: {command}",
        f"{len(strokes)} characters.",
    ])
    log(f"strokes.txt: {len(strokes)} characters, counts "
        f"{min(strokes.values())}..{max(strokes.values())}")

    if not args.cnchar:
        log("no --cnchar given: stroke_order.txt not written")
        return
    cnchar, letter_class, info = load_cnchar(args.cnchar)
    orders = {c: d for c, d in cnchar.items() if c in strokes}
    dropped = "".join(sorted(c for c in cnchar if c not in strokes))
    mismatch = "".join(c for c in sorted(orders) if len(orders[c]) != strokes[c])
    missing_tgh = "".join(sorted(tgh - set(orders)))
    by_class = defaultdict(list)
    for letter, (name, digit) in sorted(letter_class.items(), key=lambda x: x[1][1]):
        by_class[digit].append(f"{letter} {name}")
    npm_dir = shlex.quote(os.path.dirname(args.cnchar) or ".")
    regenerate = (f"mkdir -p {npm_dir} && (cd {npm_dir} && npm pack cnchar-order@{info['version']})"
                  f" && {command}")
    header = [
        "Stroke order of Chinese characters, to break ties between surnames of equal stroke count.",
        "Format: <char><TAB><its strokes in writing order as digits>: 1 横/提, 2 竖/竖钩,",
        "  3 撇, 4 点/捺, 5 折 (all other turning or hooked strokes).",
        f"Source: npm package cnchar-order {info['version']} ({info['repository']}),",
        f"  {info['main']} in {info['file']} (sha256 {info['sha256']}).",
        "  Its stroke letters, mapped by stroke name: " +
        "; ".join(f"{d}: " + ", ".join(by_class[d]) for d in sorted(by_class)) + ".",
        "  Only characters that are also in strokes.txt are kept.",
        f"Licence: MIT, {info['copyright']}. Full text: LICENSES.md.",
        "  This file is modified: extracted and converted from that package's data.",
        "Regenerate (from the repository root, with Debian's unicode-data installed):",
        f"  {regenerate}",
        f"{len(orders)} characters ({len(cnchar)} in cnchar-order, {len(dropped)} not in strokes.txt"
        + (f": {dropped}" if dropped else "") + f"); {len(mismatch)} whose length differs from"
        f" their strokes.txt count" + (f": {mismatch}" if mismatch else "") + ".",
        f"通用规范汉字表 (Unihan kTGH, {len(tgh)} characters): {len(tgh) - len(missing_tgh)} covered, "
        f"{len(missing_tgh)} missing.",
    ]
    write_orders(os.path.join(args.out, "stroke_order.txt"), orders, header)
    log(f"stroke_order.txt: {len(orders)} characters from cnchar-order {info['version']} "
        f"({len(cnchar)} there, {len(dropped)} not in strokes.txt{': ' + dropped if dropped else ''})")
    log(f"length differs from strokes.txt for {len(mismatch)}: " +
        " ".join(f"{c}({strokes[c]}:{orders[c]})" for c in mismatch))
    log(f"通用规范汉字表: {len(tgh) - len(missing_tgh)}/{len(tgh)} covered; "
        f"missing {len(missing_tgh)}")


if __name__ == "__main__":
    main()
