"""The document register in the real app: a county document typed with square brackets is stored
in the standard form; registering it again with other brackets is refused under 文号, naming the
first entry; the chairman's reading is recorded."""

import datetime as dt

from selenium.webdriver.common.by import By

from ui import choose, click, el, shot, text_of, type_into, wait


def fill(d, number, title):
    type_into(d, "document-field-issuer", "县人大常委会")
    type_into(d, "document-field-doc_number", number)
    type_into(d, "document-field-title", title)


def test_register_refuse_a_duplicate_and_circulate(app, artifacts):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    year = dt.date.today().year
    click(d, "nav-documents")
    click(d, "document-add-received")
    fill(d, f"县人大常[{year}]77号", "关于开展代表述职评议工作的通知")
    click(d, "document-save")
    wait(lambda: el(d, "document-title").get_attribute("data-id"), "the new document's page")
    fields = text_of(d, "document-fields")
    assert f"县人大常〔{year}〕77号" in fields, fields
    number = text_of(d, "document-title")
    assert number.startswith(f"收文〔{year}〕第")
    shot(d, artifacts, "documents-01-registered")

    click(d, "nav-documents")
    click(d, "document-add-received")
    fill(d, f"县人大常（{year}）第77号", "同一文件又登记一次")
    click(d, "document-save")
    item = el(d, "document-field-doc_number").find_element(By.XPATH, "./ancestor::*[contains(@class,'el-form-item')][1]")
    wait(lambda: number in item.text and "重复" in item.text, "the duplicate named under 文号")
    shot(d, artifacts, "documents-02-duplicate")

    # Back to the first one (leaving the refused form, which asks first): record the chairman's reading.
    click(d, "nav-documents")
    wait(lambda: d.find_elements(By.CSS_SELECTOR, ".el-message-box__btns button")[1].click() or True, "confirm leaving the form")
    type_into(d, "documents-search", f"县人大常[{year}]77", enter=True)
    wait(lambda: len([r for r in d.find_elements(By.CSS_SELECTOR, '[data-test="document-row"]') if r.is_displayed()]) == 1,
         "exactly one document found by its number in other brackets")
    wait(lambda: d.find_element(By.CSS_SELECTOR, '[data-test="document-row"] [data-test="document-number"]').click() or True,
         "open the document (retried while the leave-confirm overlay fades)")
    click(d, "document-read-add")
    type_into(d, "read-field-reader", "镇人大主席")
    click(d, "read-save")
    wait(lambda: any("镇人大主席" in r.text for r in d.find_elements(By.CSS_SELECTOR, '[data-test="document-read-row"]')),
         "the reading listed")
    shot(d, artifacts, "documents-03-circulated")
