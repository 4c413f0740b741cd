"""Crash test (issue 20): kill -9 during acknowledged writes.

A template database is seeded with `taizhang-cli demo` and copied once; every round then works on
that same file (a crash after a crash after a crash, as on the office PC). In each round a child
process (this file run as `python test_crash.py writer CONFIG`, in its own session) loops over CLI
writes — `petitions add`, `documents add`, `suggestions add` (with co-signers), `documents
archive` — from one or two threads, and, in some rounds, `backup` or `export` of a county package.
Each write's intent is journalled (fsync) before the CLI starts, and its acknowledgement (the CLI
exited 0 and printed the new id and number) is journalled (fsync) before the next write begins.
After a random delay, or a random moment inside the n-th write / backup / export, the whole
process group is frozen (SIGSTOP, to see which CLI processes were mid-flight) and killed with
SIGKILL, CLI processes included.

After every round:
- `taizhang-cli verify --json` says ok, and SQLite's own `PRAGMA integrity_check` says ok;
- every acknowledged write is in the database, under its id and number, with its content and
  its history row; nothing acknowledged was lost;
- the write that was in flight is there whole (row and history) or not at all, and never twice;
- entry numbers are unique in each book and scope, and no number was acknowledged twice;
- every backup file is a sound database (`backups` lists no partial file) holding every write
  acknowledged before that backup began;
- every package folder that looks finished verifies, and every partial one (the `.NAME.part`
  folder a killed export leaves) that is incomplete by an independent hash check is refused by
  `taizhang-cli verify DIR`.

Run: TAIZHANG_CLI=... pytest -q -s tests/py/test_crash.py (TAIZHANG_CRASH_ROUNDS, TAIZHANG_CRASH_SEED
to change the length or replay a run); a longer run: python tests/py/crash_long.py --rounds 500.
"""
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve()

MARK = {"suggestion": "崩溃测试建议 ", "petition": "崩溃测试请求 ", "document": "崩溃测试文件 "}
TABLE = {"suggestion": "suggestions", "petition": "petitions", "document": "documents"}
BOOKS = ("deputies", "suggestions", "petitions", "deeds", "documents", "meetings", "activities")
WRITES = ("petition", "document", "suggestion", "archive")


# ---------------------------------------------------------------- shared: inputs and the CLI

def run_cli(cli, db, *args, timeout=120):
    """Runs the CLI; while the binary is briefly missing (being rebuilt), waits and retries."""
    deadline = time.time() + 90
    while True:
        try:
            return subprocess.run([cli, "--db", str(db), *map(str, args)], capture_output=True,
                                  text=True, timeout=timeout)
        except OSError as e:  # ENOENT while the binary is replaced, ETXTBSY while it is written
            if time.time() > deadline:
                raise
            time.sleep(1)


def text(rng, n):
    return "".join(rng.choice("群众反映道路排水不畅建议镇政府统筹资金明确责任限期落实村民代表") for _ in range(n))


def make_input(op, k, rng, data):
    """The input of one write, keyed by k (the marker that finds the row again)."""
    today = dt.date.fromisoformat(data["today"])
    day = (today - dt.timedelta(days=rng.randint(1, 300))).isoformat()
    if op == "suggestion":
        lead = rng.choice(data["deputies"])
        others = [d for d in data["deputies"] if d != lead]
        return {"session": data["session"], "between": rng.random() < 0.5, "lead": lead,
                "cosigners": sorted(rng.sample(others, rng.randint(0, 2))),
                "kind": rng.choice(["suggestion", "criticism", "opinion"]),
                "subject": MARK[op] + k, "content": text(rng, rng.randint(0, 400)),
                "category": rng.choice(["economy", "agriculture", "transport", "education", "health"]),
                "received": day}
    if op == "petition":
        anonymous = rng.random() < 0.2
        return {"channel": rng.choice(["letter", "visit", "phone", "online"]),
                "received_at": f"{day}T{rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}",
                "anonymous": anonymous, "petitioner_name": None if anonymous else "测试" + text(rng, 2),
                "sex": None, "age": None, "address": None if anonymous else "河口村" + text(rng, 3),
                "phone": None if anonymous else f"13{rng.randint(0, 999999999):09d}",
                "id_number": None, "people_count": rng.randint(1, 3), "request": MARK[op] + k,
                "facts": text(rng, rng.randint(0, 400)),
                "category": rng.choice(["land", "construction", "environment", "labor", "other"]),
                "receiver": "接待员", "via_deputy_id": None, "proposed_handling": "", "instruction": "",
                "confidential": False, "link_ids": []}
    if op == "document":
        direction = rng.choice(["received", "sent"])
        rnd, thread, n = map(int, re.fullmatch(r"r(\d+)t(\d+)w(\d+)", k).groups())
        serial = (rnd * 10 + thread) * 10000 + n
        return {"direction": direction, "date": day, "issuer": "县人大常委会" if direction == "received" else "镇人大主席团",
                "issuer_level": None,
                "doc_number": f"崩测发〔{today.year}〕{serial}号" if rng.random() < 0.5 else "",
                "title": MARK[op] + k, "classification": rng.choice(["public", "internal"]),
                "urgency": rng.choice(["normal", "urgent"]), "copies": rng.randint(1, 5), "attachments": "",
                "instruction": "", "handler": "办公室", "signed_by": "", "sent_to": "",
                "reply_doc_number": "", "notes": text(rng, rng.randint(0, 200))}
    raise ValueError(op)


def cli_args(op, inp):
    if op == "suggestion":
        a = ["suggestions", "add", "--session", inp["session"], "--lead", inp["lead"], "--kind", inp["kind"],
             "--subject", inp["subject"], "--content", inp["content"], "--category", inp["category"],
             "--received", inp["received"], "--cosigners", ",".join(map(str, inp["cosigners"])), "--json"]
        return a + (["--between"] if inp["between"] else [])
    if op == "petition":
        return ["petitions", "add", json.dumps(inp, ensure_ascii=False), "--json"]
    if op == "document":
        return ["documents", "add", json.dumps(inp, ensure_ascii=False), "--json"]
    if op == "archive":
        return ["documents", "archive", inp["doc_id"], "--volume", inp["volume"], "--date", inp["date"]]
    if op == "backup":
        return ["backup", "--json"]
    if op == "export":
        return ["export", "--out", inp["out"], "--from", inp["from"], "--to", inp["to"], "--json"]
    raise ValueError(op)


# ---------------------------------------------------------------- the child: a loop of writes

def writer_main(config_path):
    cfg = json.loads(Path(config_path).read_text(encoding="utf-8"))
    fd = os.open(cfg["journal"], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    lock = threading.Lock()

    def journal(rec):
        rec["ts"] = time.time()
        line = (json.dumps(rec, ensure_ascii=False) + "\n").encode("utf-8")
        with lock:
            os.write(fd, line)
            os.fsync(fd)

    def loop(t):
        rng = random.Random(f"{cfg['seed']}-{cfg['round']}-{t}")
        docs = []
        deadline = time.time() + 60  # never outlives a parent that died
        n = 0
        while time.time() < deadline:
            n += 1
            k = f"r{cfg['round']}t{t}w{n}"
            special = cfg["mode"] if cfg["mode"] in ("backup", "export") and n % 3 == 0 else None
            if special == "backup":
                op, inp = "backup", {}
            elif special == "export":
                op, inp = "export", {"out": cfg["out"], "from": cfg["export_from"], "to": cfg["today"]}
            else:
                op = rng.choices(WRITES, weights=[3, 3, 3, 1 if docs else 0])[0]
                if op == "archive":
                    doc_k, doc_id = docs.pop(rng.randrange(len(docs)))
                    inp = {"doc_k": doc_k, "doc_id": doc_id, "volume": f"崩测卷-{k}",
                           "date": (dt.date.fromisoformat(cfg["data"]["today"])).isoformat()}
                else:
                    inp = make_input(op, k, rng, cfg["data"])
            journal({"t": "intent", "k": k, "op": op, "input": inp})
            r = run_cli(cfg["cli"], cfg["db"], *cli_args(op, inp), timeout=600)
            if r.returncode != 0:
                journal({"t": "fail", "k": k, "op": op, "rc": r.returncode, "stderr": r.stderr[-2000:]})
                continue
            ack = {"t": "ack", "k": k, "op": op}
            if op in ("suggestion", "petition", "document"):
                out = json.loads(r.stdout)
                ack.update(id=out["id"], number=out["number"])
                if op == "document":
                    docs.append((k, out["id"]))
            elif op in ("backup", "export"):
                ack.update(path=json.loads(r.stdout)["path"])
            journal(ack)

    threads = [threading.Thread(target=loop, args=(t,)) for t in range(cfg["threads"])]
    for th in threads:
        th.start()
    for th in threads:
        th.join()


# ---------------------------------------------------------------- the parent

def read_journal(path):
    """Complete lines only: a line cut by the kill was never acknowledged."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return []
    out = []
    for line in raw.split(b"\n"):
        try:
            out.append(json.loads(line))
        except ValueError:
            pass
    return out


def proc_stat(pid):
    try:
        s = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    rest = s[s.rindex(")") + 2:].split()
    return rest[0], int(rest[2])  # state, pgrp


def group_members(pgid):
    members = []
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        st = proc_stat(p.name)
        if st and st[1] == pgid and st[0] not in ("Z", "X"):
            try:
                argv = (p / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            members.append((int(p.name), [a.decode("utf-8", "replace") for a in argv if a]))
    return members


def sha256(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def package_complete(d):
    """Independent of the app: the manifest parses, lists every book, every listed file is a
    regular file with its size and SHA-256, and nothing else is in the folder."""
    d = Path(d)
    try:
        manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
        listed = {f["path"]: f for f in manifest["files"]}
    except (OSError, ValueError, KeyError, TypeError) as e:
        return False, f"manifest: {e!r}"
    for book in BOOKS:
        if f"data/{book}.jsonl" not in listed:
            return False, f"data/{book}.jsonl not listed"
    for rel, f in listed.items():
        p = d / rel
        if p.is_symlink() or not p.is_file():
            return False, f"{rel} missing"
        if p.stat().st_size != f["bytes"] or sha256(p) != f["sha256"]:
            return False, f"{rel} size or hash differs"
    present = {str(p.relative_to(d)) for p in d.rglob("*") if p.is_file()}
    extra = present - set(listed) - {"manifest.json"}
    if extra:
        return False, f"extra files {sorted(extra)}"
    return True, "complete"


def check_backup_file(path, user_version):
    """A backup must be a sound taizhang database (what `restore` checks first)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        uv = conn.execute("PRAGMA user_version").fetchone()[0]
        hist = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='history'").fetchone()[0]
        return ok == "ok" and uv == user_version and hist == 1, f"integrity={ok} user_version={uv} history={hist}"
    finally:
        conn.close()


class CrashRun:
    def __init__(self, cli, work, seed, log=print):
        self.cli, self.work, self.seed, self.log = cli, Path(work), seed, log
        self.rng = random.Random(seed)
        self.work.mkdir(parents=True, exist_ok=True)
        self.db = self.work / "taizhang.db"
        self.entries = []           # every journal line of every round, in order, with its round
        self.figures = dict(rounds=0, acknowledged_writes=0, acknowledged_backups=0, acknowledged_exports=0,
                            kills=0, kills_with_cli_running=0, in_flight_committed=0, in_flight_rolled_back=0,
                            killed_mid_backup=0, killed_mid_export=0, partial_packages_refused=0,
                            lost=0, failed_writes=0)
        self.backups_seen = {}      # backup file name -> (mtime, size) when found sound
        self.durations = {"write": 0.02, "backup": 0.03, "export": 0.2}

    # -- setup
    def setup(self):
        template = self.work / "template.db"
        r = run_cli(self.cli, template, "demo")
        assert r.returncode == 0, f"the demo township must seed the template database: {r.stderr}"
        conn = sqlite3.connect(template)
        try:
            term = conn.execute("SELECT id FROM terms WHERE end_date IS NULL ORDER BY id DESC LIMIT 1").fetchone()[0]
            session = conn.execute("SELECT max(session_no) FROM suggestions WHERE term_id = ?", (term,)).fetchone()[0]
            self.user_version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
        deputies = json.loads(run_cli(self.cli, template, "deputies", "list", "--status", "in_office",
                                      "--term", term, "--json").stdout)
        today = dt.date.today()
        self.data = {"deputies": [d["id"] for d in deputies][:12], "session": session or 1,
                     "today": today.isoformat()}
        assert len(self.data["deputies"]) >= 3, "the demo must have deputies in office to lead and co-sign"
        self.export_from = (today - dt.timedelta(days=400)).isoformat()
        # Calibrate on a scratch copy: every input shape is accepted, and how long each takes.
        scratch = self.work / "calibrate" / "taizhang.db"
        scratch.parent.mkdir()
        shutil.copy(template, scratch)
        rng = random.Random(self.seed)
        times = []
        for i, op in enumerate(["petition", "document", "suggestion"] * 3):
            t0 = time.monotonic()
            r = run_cli(self.cli, scratch, *cli_args(op, make_input(op, f"r0t0w{i + 1}", rng, self.data)))
            times.append(time.monotonic() - t0)
            assert r.returncode == 0, f"a valid {op} must be accepted (else the crash rounds test refusals): {r.stderr}"
        self.durations["write"] = max(times)
        t0 = time.monotonic()
        r = run_cli(self.cli, scratch, "backup", "--json")
        self.durations["backup"] = time.monotonic() - t0
        assert r.returncode == 0, f"a backup of a sound database must succeed: {r.stderr}"
        (scratch.parent / "out").mkdir()
        t0 = time.monotonic()
        r = run_cli(self.cli, scratch, *cli_args("export", {"out": scratch.parent / "out", "from": self.export_from,
                                                             "to": self.data["today"]}))
        self.durations["export"] = time.monotonic() - t0
        assert r.returncode == 0, f"an export of a sound database must succeed: {r.stderr}"
        shutil.copy(template, self.db)

    # -- one round
    def round(self, mode):
        n = self.figures["rounds"] + 1
        rdir = self.work / f"r{n}"
        rdir.mkdir()
        journal = rdir / "journal.jsonl"
        out = rdir / "out"
        out.mkdir()
        threads = 1 if mode != "writes" else self.rng.choice([1, 1, 2])
        cfg = {"cli": self.cli, "db": str(self.db), "journal": str(journal), "round": n, "seed": self.seed,
               "mode": mode, "threads": threads, "data": self.data, "out": str(out),
               "export_from": self.export_from, "today": self.data["today"]}
        (rdir / "config.json").write_text(json.dumps(cfg, ensure_ascii=False), encoding="utf-8")
        if mode == "writes" and self.rng.random() < 0.5:
            trigger = ("time", self.rng.uniform(0.1, 1.0))
        elif mode == "writes":
            trigger = ("op", WRITES, self.rng.randint(1, 25), self.rng.uniform(0, self.durations["write"] * 1.2))
        else:
            trigger = ("op", (mode,), self.rng.randint(1, 3), self.rng.uniform(0, self.durations[mode] * 1.2))
        child = subprocess.Popen([sys.executable, str(HERE), "writer", str(rdir / "config.json")],
                                 start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        started = time.monotonic()
        if trigger[0] == "time":
            time.sleep(trigger[1])
        else:
            _, ops, nth, delay = trigger
            while time.monotonic() - started < 30 and child.poll() is None:
                seen = [e for e in read_journal(journal) if e.get("t") == "intent" and e["op"] in ops]
                if len(seen) >= nth:
                    break
                time.sleep(0.001)
            time.sleep(delay)
        assert child.poll() is None, f"round {n}: the writer must still be running when killed: {child.stderr.read()}"
        # Freeze the group (to see which CLI processes were mid-flight), then kill -9 all of it.
        os.killpg(child.pid, signal.SIGSTOP)
        members = group_members(child.pid)
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        child.stderr.close()
        deadline = time.monotonic() + 10
        for pid, _ in members:
            while proc_stat(pid) and proc_stat(pid)[0] not in ("Z", "X"):
                assert time.monotonic() < deadline, f"round {n}: killed process {pid} must be gone"
                time.sleep(0.001)
        running = [argv for pid, argv in members if pid != child.pid and argv and argv[0] == self.cli]
        self.figures["rounds"] = n
        self.figures["kills"] += 1
        self.figures["kills_with_cli_running"] += bool(running)
        lines = read_journal(journal)
        for e in lines:
            e["round"] = n
        self.entries.extend(lines)
        # What the ops took in this round, so later kills still land inside them as the db grows.
        intents = {e["k"]: e for e in lines if e["t"] == "intent"}
        for e in lines:
            if e["t"] == "ack" and e["k"] in intents:
                kind = e["op"] if e["op"] in ("backup", "export") else "write"
                self.durations[kind] = max(self.durations[kind] * 0.9, e["ts"] - intents[e["k"]]["ts"])
        self.check(n, rdir, lines)
        return running

    # -- the checks
    def check(self, n, rdir, lines):
        where = f"round {n} (seed {self.seed}, work {self.work})"
        r = run_cli(self.cli, self.db, "verify", "--json")
        assert r.returncode == 0, f"{where}: taizhang-cli verify must succeed after a kill -9: {r.stderr}"
        report = json.loads(r.stdout)
        assert report["ok"] and report["integrity"] == "ok" and report["foreign_key_problems"] == 0, \
            f"{where}: the app's own check must find the database sound after a kill -9: {report}"
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        try:
            integrity = conn.execute("PRAGMA integrity_check").fetchall()
            assert [tuple(x) for x in integrity] == [("ok",)], \
                f"{where}: SQLite's integrity_check must be ok after a kill -9: {[tuple(x) for x in integrity]}"
            tables = {op: {row["id"]: row for row in conn.execute(f"SELECT * FROM {t}")} for op, t in TABLE.items()}
            cosigners = {}
            for sid, did in conn.execute("SELECT suggestion_id, deputy_id FROM suggestion_cosigners"):
                cosigners.setdefault(sid, set()).add(did)
            created = {tuple(x) for x in conn.execute("SELECT entity, entity_id FROM history WHERE action = 'create'")}
            dup = []
            for t, scope in (("suggestions", "term_id, session_no, during_session"), ("petitions", "year"),
                             ("documents", "direction, year")):
                dup += [(t, tuple(x)) for x in conn.execute(f"SELECT number, count(*) FROM {t} GROUP BY number HAVING count(*) > 1")]
                dup += [(t, tuple(x)) for x in conn.execute(f"SELECT {scope}, seq, count(*) FROM {t} GROUP BY {scope}, seq HAVING count(*) > 1")]
            assert not dup, f"{where}: entry numbers must be unique in each book and scope: {dup}"
        finally:
            conn.close()

        markers = {}
        field = {"suggestion": "subject", "petition": "request", "document": "title"}
        for op, rows in tables.items():
            for row in rows.values():
                if row[field[op]].startswith(MARK[op]):
                    markers.setdefault((op, row[field[op]][len(MARK[op]):]), []).append(row["id"])
        twice = {k: v for k, v in markers.items() if len(v) > 1}
        assert not twice, f"{where}: a write is made once, never twice: {twice}"

        intents = {e["k"]: e for e in self.entries if e["t"] == "intent"}
        acks = {e["k"]: e for e in self.entries if e["t"] == "ack"}
        fails = [e for e in self.entries if e["t"] == "fail" and e["round"] == n]
        self.figures["failed_writes"] += len(fails)
        assert not fails, f"{where}: a valid write must never be refused (no lock error after a crash): {fails[:3]}"
        lost, wrong = [], []
        numbers = {}
        archived = {}
        for k, a in acks.items():
            op, inp = a["op"], intents[k]["input"]
            if op == "archive":
                archived[inp["doc_id"]] = inp
                continue
            if op not in TABLE:
                continue
            numbers.setdefault((op, a["number"]), []).append(k)
            row = tables[op].get(a["id"])
            if row is None or markers.get((op, k)) != [a["id"]]:
                lost.append((k, op, a["id"], a["number"]))
                continue
            problems = self.content_problems(op, inp, row, cosigners.get(row["id"], set()))
            if row["number"] != a["number"]:
                problems.append(f"number {row['number']!r} != acknowledged {a['number']!r}")
            if (op, a["id"]) not in created:
                problems.append("no history row")
            if problems:
                wrong.append((k, op, a["id"], problems))
        for doc_id, inp in archived.items():
            row = tables["document"].get(doc_id)
            if row is None or (row["archived_on"], row["volume"]) != (inp["date"], inp["volume"]):
                lost.append((inp["doc_k"], "archive", doc_id, inp["volume"]))
        self.figures["lost"] = len(lost)
        assert not lost, f"{where}: every acknowledged write must survive kill -9; lost {len(lost)}: {lost[:10]}"
        assert not wrong, f"{where}: an acknowledged write must be stored as acknowledged: {wrong[:10]}"
        reused = {k: v for k, v in numbers.items() if len(v) > 1}
        assert not reused, f"{where}: a number acknowledged once must never be given again: {reused}"
        self.figures["acknowledged_writes"] = sum(1 for a in acks.values() if a["op"] in WRITES)

        # The write(s) in flight at the kill: whole or absent.
        for e in lines:
            if e["t"] == "intent" and e["op"] == "archive" and e["k"] not in acks:
                row = tables["document"][e["input"]["doc_id"]]
                assert (row["archived_on"], row["volume"]) in ((None, ""), (e["input"]["date"], e["input"]["volume"])), \
                    f"{where}: an archiving in flight at the kill is done whole or not at all: {dict(row)}"
            if e["t"] != "intent" or e["k"] in acks or e["op"] not in TABLE:
                continue
            ids = markers.get((e["op"], e["k"]), [])
            if ids:
                self.figures["in_flight_committed"] += 1
                assert (e["op"], ids[0]) in created, \
                    f"{where}: a write committed at the kill must have its history row (one transaction): {e['k']}"
                problems = self.content_problems(e["op"], e["input"], tables[e["op"]][ids[0]], cosigners.get(ids[0], set()))
                assert not problems, f"{where}: a write committed at the kill must be whole: {e['k']} {problems}"
            else:
                self.figures["in_flight_rolled_back"] += 1

        self.check_backups(n, rdir, lines, where)
        self.check_packages(n, rdir, lines, where)

    def content_problems(self, op, inp, row, cos):
        if op == "suggestion":
            want = {"session_no": inp["session"], "during_session": 0 if inp["between"] else 1,
                    "lead_deputy_id": inp["lead"], "kind": inp["kind"], "subject": inp["subject"],
                    "content": inp["content"], "category": inp["category"], "received_on": inp["received"]}
            extra = [] if cos == set(inp["cosigners"]) else [f"co-signers {sorted(cos)} != {inp['cosigners']}"]
        elif op == "petition":
            want = {"channel": inp["channel"], "received_at": inp["received_at"].replace("T", " "),
                    "anonymous": int(inp["anonymous"]), "petitioner_name": inp["petitioner_name"] or "",
                    "phone": inp["phone"] or "", "address": inp["address"] or "", "people_count": inp["people_count"],
                    "request": inp["request"], "facts": inp["facts"], "category": inp["category"],
                    "receiver": inp["receiver"]}
            extra = []
        else:
            want = {k: inp[k] for k in ("direction", "date", "issuer", "doc_number", "title", "classification",
                                        "urgency", "copies", "handler", "notes")}
            extra = []
        return [f"{c}: {row[c]!r} != {v!r}" for c, v in want.items() if row[c] != v] + extra

    def acked_before(self, k):
        """Writes acknowledged (in any round) before the intent k was journalled."""
        idx = next(i for i, e in enumerate(self.entries) if e["t"] == "intent" and e["k"] == k)
        return [e for e in self.entries[:idx] if e["t"] == "ack" and e["op"] in TABLE]

    def check_backups(self, n, rdir, lines, where):
        bdir = self.db.parent / "backups"
        if not bdir.exists():
            return
        if any(e["t"] == "intent" and e["op"] == "backup" for e in lines):
            self.figures["acknowledged_backups"] += sum(1 for e in lines if e["t"] == "ack" and e["op"] == "backup")
            partial = [p for p in bdir.iterdir() if p.suffix == ".partial"]
            new_partial = [p for p in partial if p.stat().st_mtime >= lines[0]["ts"] - 1]
            self.figures["killed_mid_backup"] += bool(new_partial)
        for p in bdir.glob("*.db"):
            st = p.stat()
            if self.backups_seen.get(p.name) == (st.st_mtime_ns, st.st_size):
                continue  # checked in an earlier round and not replaced since
            ok, why = check_backup_file(p, self.user_version)
            self.backups_seen[p.name] = (st.st_mtime_ns, st.st_size)
            assert ok, f"{where}: every backup file that exists must be a complete, sound database: {p.name} {why}"
        r = run_cli(self.cli, self.db, "backups", "--json")
        assert r.returncode == 0, f"{where}: backups must list after a kill: {r.stderr}"
        listed = [b["path"] for b in json.loads(r.stdout)]
        assert not [p for p in listed if not p.endswith(".db")], \
            f"{where}: a partial backup must never be offered for restore: {listed}"
        for e in lines:
            if e["t"] == "ack" and e["op"] == "backup":
                path = Path(e["path"]) if Path(e["path"]).is_absolute() else self.db.parent / e["path"]
                assert path.is_file(), f"{where}: an acknowledged backup must exist: {path}"
                conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    missing = []
                    for a in self.acked_before(e["k"]):
                        row = conn.execute(f"SELECT number FROM {TABLE[a['op']]} WHERE id = ?", (a["id"],)).fetchone()
                        if row is None or row[0] != a["number"]:
                            missing.append((a["k"], a["id"]))
                finally:
                    conn.close()
                assert not missing, f"{where}: a backup must hold every write acknowledged before it began: {path.name} lacks {missing[:5]}"

    def check_packages(self, n, rdir, lines, where):
        if not any(e["t"] == "intent" and e["op"] == "export" for e in lines):
            return
        out = rdir / "out"
        self.figures["acknowledged_exports"] += sum(1 for e in lines if e["t"] == "ack" and e["op"] == "export")
        for d in sorted(out.iterdir()):
            complete, why = package_complete(d)
            r = run_cli(self.cli, self.db, "verify", d, "--json")
            if d.name.startswith(".") and d.name.endswith(".part"):
                self.figures["killed_mid_export"] += 1
                if not complete:
                    assert r.returncode != 0, \
                        f"{where}: a partial package ({why}) must be refused by verify: {d} said {r.stdout[:300]}"
                    self.figures["partial_packages_refused"] += 1
            else:
                assert complete, f"{where}: a package folder under its final name must be complete: {d} {why}"
                assert r.returncode == 0, f"{where}: a complete package must verify: {d} {r.stderr}"
            if r.returncode == 0:
                assert complete, f"{where}: verify must accept only a package complete by its hashes: {d} {why}"
        for e in lines:
            if e["t"] == "ack" and e["op"] == "export":
                pkg = Path(e["path"]) if Path(e["path"]).is_absolute() else self.db.parent / e["path"]
                assert package_complete(pkg)[0], f"{where}: an acknowledged export must be complete: {pkg}"
                ids = {}
                for book in ("suggestions", "petitions", "documents"):
                    ids[book] = {json.loads(l)["id"] for l in (pkg / f"data/{book}.jsonl").read_text(encoding="utf-8").splitlines() if l}
                missing = [a["k"] for a in self.acked_before(e["k"]) if a["id"] not in ids[TABLE[a["op"]]]]
                assert not missing, f"{where}: a package must hold every write acknowledged before it began: lacks {missing[:5]}"


def plan(rounds, rng):
    """Mostly write rounds; one in ten kills inside a backup, one in ten inside an export."""
    modes = []
    for i in range(rounds):
        modes.append("backup" if i % 10 == 4 else "export" if i % 10 == 9 else "writes")
    return modes


def run(cli, work, rounds, seed, log=print, progress=0):
    started = time.monotonic()
    crash = CrashRun(cli, work, seed, log)
    crash.setup()
    for i, mode in enumerate(plan(rounds, crash.rng)):
        crash.round(mode)
        if progress and (i + 1) % progress == 0:
            log(f"  {i + 1} rounds, {crash.figures['acknowledged_writes']} acknowledged writes, lost {crash.figures['lost']}"
                f" ({time.monotonic() - started:.0f} s)")
    # A kill must have landed inside a backup and inside an export, or those rounds test nothing:
    # a few more of those rounds while none has (bounded).
    for mode, figure in (("backup", "killed_mid_backup"), ("export", "killed_mid_export")):
        for _ in range(10):
            if crash.figures[figure] >= 2:
                break
            crash.round(mode)
    crash.figures["seconds"] = round(time.monotonic() - started, 1)
    crash.figures["seed"] = seed
    return crash.figures


def summary(f):
    return (f"crash test: {f['rounds']} rounds, {f['acknowledged_writes']} acknowledged writes, lost={f['lost']}, "
            f"{f['kills']} kills ({f['kills_with_cli_running']} with a CLI process running; in flight: "
            f"{f['in_flight_committed']} committed whole, {f['in_flight_rolled_back']} rolled back), "
            f"{f['acknowledged_backups']} backups / {f['killed_mid_backup']} killed mid-backup, "
            f"{f['acknowledged_exports']} exports / {f['killed_mid_export']} killed mid-export "
            f"({f['partial_packages_refused']} partial packages refused), integrity ok and verify ok after every round, "
            f"{f['seconds']} s, seed {f['seed']}")


def test_kill_9_during_acknowledged_writes_loses_nothing(cli_path, tmp_path):
    rounds = int(os.environ.get("TAIZHANG_CRASH_ROUNDS", "60"))
    seed = int(os.environ.get("TAIZHANG_CRASH_SEED", str(random.randrange(1 << 30))))
    f = run(cli_path, tmp_path / "crash", rounds, seed)
    print("\n" + summary(f))
    assert f["rounds"] >= 50, "issue 20 asks for at least 50 kill -9 rounds"
    assert f["lost"] == 0, "no acknowledged write may be lost"
    assert f["acknowledged_writes"] >= 3 * f["rounds"], \
        "the rounds must acknowledge writes before the kill, or they test nothing"
    assert f["kills_with_cli_running"] >= f["rounds"] // 3, \
        "a good share of the kills must hit a CLI process mid-flight, or the test kills only idle loops"
    assert f["killed_mid_backup"] >= 1, "at least one kill must land inside a backup"
    assert f["killed_mid_export"] >= 1 and f["partial_packages_refused"] >= 1, \
        "at least one kill must land inside an export and leave a partial package for verify to refuse"


if __name__ == "__main__" and len(sys.argv) == 3 and sys.argv[1] == "writer":
    writer_main(sys.argv[2])
