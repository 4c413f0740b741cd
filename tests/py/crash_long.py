"""The long crash run (issue 20): the same rounds as tests/py/test_crash.py, as many as asked.

    TAIZHANG_CLI=/path/to/taizhang-cli python tests/py/crash_long.py --rounds 500 [--seed N] [--work DIR]

Prints progress every 25 rounds and the summary line; exits 1 on the first lost write, integrity
or verify failure (the assertion says which round and seed, to replay it).
"""
import argparse
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import test_crash  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rounds", type=int, default=500)
    ap.add_argument("--seed", type=int, default=random.randrange(1 << 30))
    ap.add_argument("--cli", default=os.environ.get("TAIZHANG_CLI"))
    ap.add_argument("--work", help="keep the databases, journals and packages here (default: a temporary folder, removed on success)")
    a = ap.parse_args()
    if not a.cli or not Path(a.cli).exists():
        sys.exit("set TAIZHANG_CLI (or --cli) to the built taizhang-cli")
    work = Path(a.work) if a.work else Path(tempfile.mkdtemp(prefix="taizhang-crash-"))
    print(f"crash run: {a.rounds} rounds, seed {a.seed}, work {work}", flush=True)
    try:
        f = test_crash.run(a.cli, work / "crash", a.rounds, a.seed, log=lambda m: print(m, flush=True), progress=25)
    except AssertionError as e:
        print(f"FAILED: {e}\n(files kept in {work})", flush=True)
        sys.exit(1)
    print(test_crash.summary(f), flush=True)
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
