"""A group visit (集体访) in the real app: six people come about one matter, the clerk registers
the petitioner and names two of the others (同行人员), whose names stay out of the kept draft;
the 登记回执 for the petitioner is printed from the after-save screen (the core's form, in the
print panel); on the petition's page the two names show masked, and in clear only once read
with a reason."""

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from ui import choose, click, el, shot, text_of, type_into, wait

PETITIONER = "周守田"
CO_VISITORS = ["钱小二", "孙小三"]
MASKED = "钱**、孙**"
REQUEST = "河口村灌溉水渠年久失修，春耕用水困难，要求尽快修复"


def page_label(d):
    return text_of(d, "preview-page-label").replace(" ", "")


def test_a_group_visit_names_its_co_visitors_sealed_and_prints_the_receipt(app, artifacts):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")

    # ---- register: six people, the petitioner and two others by name ----
    click(d, "nav-petitions")
    click(d, "petition-add")
    click(d, "petition-field-channel-visit")
    type_into(d, "petition-field-petitioner_name", PETITIONER)
    type_into(d, "petition-field-phone", "13957100666")
    people = el(d, "petition-field-people_count").find_element(By.CSS_SELECTOR, "input")
    people.send_keys(Keys.CONTROL, "a")
    people.send_keys("6", Keys.TAB)
    el(d, "petition-group-visit-tag")
    # 同行人员 shows from two people on: one name a line
    # WebDriver does not type "\n" as a key: Enter between the names, as the clerk presses it.
    type_into(d, "petition-field-co_visitors", CO_VISITORS[0])
    el(d, "petition-field-co_visitors").send_keys(Keys.ENTER, CO_VISITORS[1])
    assert "保密" in text_of(d, "petition-co_visitors-hint")
    type_into(d, "petition-field-request", REQUEST)
    choose(d, "petition-field-category", "城乡建设")

    # the half-filled form is kept for the window, the co-visitors' names never
    kept = wait(lambda: (lambda s: s if s and "水渠" in s else None)(
        d.execute_script("return window.sessionStorage.getItem('taizhang.draft.petition')")), "the draft kept")
    assert PETITIONER in kept
    for name in CO_VISITORS:
        assert name not in kept, kept
    shot(d, artifacts, "group-visit-01-form")

    click(d, "petition-save")
    el(d, "petition-saved-deadline")
    petition_id = el(d, "petition-saved-number").get_attribute("data-id")
    assert petition_id, "the saved petition's id"
    assert "集体访" in text_of(d, "petition-saved")

    # ---- the 登记回执 from the after-save screen: the core's form in the print panel ----
    click(d, "petition-print-receipt")
    dialog = el(d, "form-print-dialog")
    assert "信访事项登记回执" in dialog.find_element(By.CSS_SELECTOR, ".el-dialog__title").text
    wait(lambda: page_label(d).startswith("第1页"), "the receipt typeset")
    wait(lambda: el(d, "preview-page").find_elements(By.CSS_SELECTOR, "img,svg"), "the page drawn")
    assert el(d, "form-reveal").is_displayed(), "the petitioner's name only on request"
    assert el(d, "preview-print").is_displayed() and el(d, "preview-save").is_displayed()
    shot(d, artifacts, "group-visit-02-receipt")
    wait(lambda: el(d, "form-print-dialog").find_element(By.CSS_SELECTOR, ".el-dialog__headerbtn").click() or True,
         "close the print panel")
    wait(lambda: not any(x.is_displayed() for x in d.find_elements(By.CSS_SELECTOR, '[data-test="form-print-dialog"]')),
         "the print panel closed")

    # ---- its page: the co-visitors masked, in clear once read with a reason ----
    click(d, "petition-saved-open")
    wait(lambda: el(d, "petition-title").get_attribute("data-id") == petition_id, "the petition's page")
    assert text_of(d, "petition-group-visit").startswith("集体访")
    assert text_of(d, "petition-co_visitors") == MASKED
    identity = text_of(d, "petition-identity")
    for name in CO_VISITORS:
        assert name not in identity, identity
    shot(d, artifacts, "group-visit-03-masked")

    click(d, "petition-reveal")
    box = wait(lambda: next((b for b in d.find_elements(By.CSS_SELECTOR, ".el-message-box input") if b.is_displayed()), None),
               "the reason prompt")
    box.send_keys("核对集体访人员名单")
    wait(lambda: d.find_elements(By.CSS_SELECTOR, ".el-message-box__btns button")[1].click() or True, "confirm")
    wait(lambda: text_of(d, "petition-identity-co_visitors") == "、".join(CO_VISITORS), "the co-visitors in clear")
    assert text_of(d, "petition-identity-name") == PETITIONER
    el(d, "petition-reveal-notice")
    shot(d, artifacts, "group-visit-04-revealed")
