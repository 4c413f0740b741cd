"""Exemplary deeds in the real app: a suggestion of the demo that was closed with 满意 is turned
into a deed from its page; the deed is prefilled, saved, linked back, and shows on the lead
deputy's page, whose duty record (履职档案) counts both."""

import json
import os
import subprocess

from selenium.webdriver.common.by import By

from ui import click, el, shot, text_of, wait


def cli(db, *args):
    return subprocess.run([os.environ["TAIZHANG_CLI"], "--db", str(db), *args], capture_output=True, text=True, check=True).stdout


def go(d, hash_path):
    d.execute_script("window.location.hash = arguments[0]", hash_path)


def test_turn_a_good_suggestion_into_a_deed(app, artifacts, tmp_path):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    db = tmp_path / "taizhang.db"
    closed = json.loads(cli(db, "suggestions", "list", "--state", "closed", "--json"))
    turned = {x["suggestion"]["id"] for x in json.loads(cli(db, "deeds", "list", "--json")) if x["suggestion"]}
    good = next(s for s in closed if s["final_result"] == "satisfied" and s["lead_deputy"] and s["id"] not in turned)
    go(d, f"#/suggestions/{good['id']}")
    click(d, "suggestion-to-deed")
    el(d, "deed-from-suggestion")
    title = el(d, "deed-field-title")
    assert title.get_attribute("value"), "the title is prefilled"
    shot(d, artifacts, "deeds-01-prefilled")
    click(d, "deed-save")
    wait(lambda: el(d, "deed-title").get_attribute("data-id"), "the deed's page")
    assert good["number"] in text_of(d, "deed-suggestion")
    assert good["lead_deputy"]["name"] in text_of(d, "deed-deputies")
    shot(d, artifacts, "deeds-02-saved")

    go(d, f"#/deputies/{good['lead_deputy']['id']}")
    wait(lambda: any(r.is_displayed() for r in d.find_elements(By.CSS_SELECTOR, '[data-test="deputy-deed-row"]')),
         "the deed on the deputy's page")
    shot(d, artifacts, "deeds-03-on-deputy")

    # The same deputy's duty record counts the suggestion they led and the new deed.
    el(d, "duty-record")
    led = wait(lambda: [r.get_attribute("data-id") for r in d.find_elements(By.CSS_SELECTOR, '[data-test="duty-record-led-row"]')] or None,
               "suggestions led in the duty record")
    assert str(good["id"]) in led, led
    total = el(d, "duty-record-total")
    deeds_cell = total.find_element(By.CSS_SELECTOR, '[data-col="deeds"]')
    assert int(deeds_cell.text.strip()) >= 1, deeds_cell.text
    # Session attendance is a book now: counted in its column, and no "not yet recorded" note.
    assert total.find_element(By.CSS_SELECTOR, '[data-col="sessions"]').text.strip(), "the sessions column is filled"
    assert not any(e.is_displayed() for e in d.find_elements(By.CSS_SELECTOR, '[data-test="duty-record-pending"]'))
    d.execute_script("arguments[0].scrollIntoView()", el(d, "duty-record"))
    shot(d, artifacts, "deeds-04-duty-record")
