import os
import subprocess
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def cli_path() -> str:
    p = os.environ.get("TAIZHANG_CLI")
    assert p and Path(p).exists(), "set TAIZHANG_CLI to the built taizhang-cli"
    return p


@pytest.fixture
def cli(cli_path, tmp_path):
    """Runs taizhang-cli on a database in tmp_path; returns (code, stdout, stderr)."""
    db = tmp_path / "taizhang.db"

    def run(*args, check=True):
        r = subprocess.run([cli_path, "--db", str(db), *map(str, args)], capture_output=True, text=True, timeout=120)
        if check:
            assert r.returncode == 0, f"taizhang-cli {args} failed: {r.stderr}"
        return r
    run.db = db
    return run
