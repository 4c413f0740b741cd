"""Starts tauri-driver (with Debian's WebKitWebDriver) for the real app binary and hands tests a
factory for WebDriver sessions. Each session launches the app anew against the same database
file, so a test can restart the app and look again.

Environment: TAIZHANG_APP (the app binary), ARTIFACTS (where screenshots go). Run under Xvfb.
"""

import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.remote.file_detector import UselessFileDetector

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_port(port: int, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise RuntimeError(f"tauri-driver exited with {proc.returncode}")
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError("tauri-driver did not start listening")


@pytest.fixture(scope="session")
def artifacts() -> Path:
    d = Path(os.environ.get("ARTIFACTS", ROOT / "artifacts")) / "e2e"
    d.mkdir(parents=True, exist_ok=True)
    return d


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    setattr(item, "rep_" + rep.when, rep)


@pytest.fixture
def app(request, tmp_path, artifacts):
    """Yields start(): a new WebDriver session on a freshly launched app (same data file)."""
    binary = os.environ.get("TAIZHANG_APP")
    assert binary and Path(binary).exists(), "set TAIZHANG_APP to the built app binary"
    driver_bin = shutil.which("tauri-driver") or str(Path.home() / ".cargo/bin/tauri-driver")
    port, native_port = _free_port(), _free_port()
    env = dict(os.environ, TAIZHANG_DB=str(tmp_path / "taizhang.db"))
    log = open(artifacts / "tauri-driver.log", "a")
    proc = subprocess.Popen(
        [driver_bin, "--port", str(port), "--native-port", str(native_port),
         "--native-driver", "/usr/bin/WebKitWebDriver"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    sessions = []
    try:
        _wait_port(port, proc)
        # tauri-driver forwards to WebKitWebDriver, which it starts on the native port: a session
        # asked for before that one listens fails with "connection refused" (seen in CI).
        _wait_port(native_port, proc)

        def start():
            opts = ArgOptions()
            opts.set_capability("browserName", "wry")
            opts.set_capability("tauri:options", {"application": str(Path(binary).resolve())})
            d = webdriver.Remote(command_executor=f"http://127.0.0.1:{port}", options=opts)
            d.implicitly_wait(0)
            # Typed paths (the import page) are text for the app, not files to upload.
            d.file_detector = UselessFileDetector()
            sessions.append(d)
            return d

        yield start
    finally:
        rep = getattr(request.node, "rep_call", None)
        if rep is not None and rep.failed and sessions:
            try:
                sessions[-1].save_screenshot(str(artifacts / f"FAILED-{request.node.name}.png"))
                (artifacts / f"FAILED-{request.node.name}.html").write_text(sessions[-1].page_source)
            except Exception:
                pass
        for d in sessions:
            try:
                d.quit()
            except Exception:
                pass
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
