"""Small helpers to drive the Element Plus UI by its data-test hooks (see ui/TESTIDS.md)."""

import json
import time

from selenium.common.exceptions import (ElementClickInterceptedException, NoSuchElementException,
                                        StaleElementReferenceException)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

TIMEOUT = 15.0


def wait(cond, what: str, timeout: float = TIMEOUT):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        try:
            v = cond()
            if v:
                return v
        except (NoSuchElementException, StaleElementReferenceException, ElementClickInterceptedException) as e:
            last = e
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} ({last})")


def el(d, test_id: str, timeout: float = TIMEOUT):
    def find():
        for e in d.find_elements(By.CSS_SELECTOR, f'[data-test="{test_id}"]'):
            if e.is_displayed():
                return e
        return None
    return wait(find, f'[data-test="{test_id}"] to show', timeout)


def click(d, test_id: str):
    wait(lambda: el(d, test_id).click() or True, f"click {test_id}")


def type_into(d, test_id: str, text: str, enter: bool = False):
    e = wait(lambda: (lambda x: x.click() or x)(el(d, test_id)), f"focus {test_id}")
    e.send_keys(Keys.CONTROL, "a")
    e.send_keys(Keys.BACKSPACE)
    if text:
        e.send_keys(text)
    if enter:
        e.send_keys(Keys.ENTER)


def choose(d, test_id: str, option_text: str):
    """Opens an el-select and clicks the visible option with that text."""
    click(d, test_id)

    def pick():
        for o in d.find_elements(By.CSS_SELECTOR, f".popper-{test_id} .el-select-dropdown__item"):
            if o.is_displayed() and o.text.strip() == option_text:
                o.click()
                return True
        return False
    wait(pick, f"option {option_text} in {test_id}")


def text_of(d, test_id: str) -> str:
    return el(d, test_id).text.strip()


def message(d, kind: str = "success") -> str:
    return wait(lambda: next((m.text for m in d.find_elements(By.CSS_SELECTOR, f".el-message--{kind}") if m.is_displayed()), None),
                f"a {kind} message")


def shot(d, artifacts, name: str):
    d.save_screenshot(str(artifacts / f"{name}.png"))


def click_tab(d, label: str):
    """Clicks the visible el-tabs item with this label (retried while something covers it)."""
    def go():
        for tab in d.find_elements(By.CSS_SELECTOR, ".el-tabs__item"):
            if tab.is_displayed() and label in tab.text:
                tab.click()
                return True
        return False
    wait(go, f"tab {label}")


def invoke(d, cmd, args):
    """Calls a command as the page does: {"ok": value} or {"err": the structured error}. For what
    sits behind a native dialog, which WebDriver cannot drive (and Tauri's invoke is read-only,
    so the dialog cannot be answered from the page either)."""
    return d.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "window.__TAURI_INTERNALS__.invoke(arguments[0], JSON.parse(arguments[1]))"
        ".then(v => done({ok: v}), e => done({err: e}));",
        cmd, json.dumps(args, ensure_ascii=False))
