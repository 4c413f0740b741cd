"""Issue 22 in the real app: the 督办清单 the chairman takes to a supervision talk is no longer an
HTML page for window.print() but the core's list (one section per handling unit, 未交办 last,
landscape) in the same preview / 打印 / 另存为PDF panel as the books, opened from the home page."""

from selenium.webdriver.common.by import By

from ui import click, el, shot, text_of, wait


def page_label(d):
    return text_of(d, "preview-page-label").replace(" ", "")


def test_the_supervision_list_opens_in_the_print_panel_from_the_home_page(app, artifacts):
    d = app()
    wait(lambda: "青山镇" in text_of(d, "header-township"), "the demo township")
    click(d, "nav-home")

    click(d, "dashboard-print")
    dialog = el(d, "dashboard-print-dialog")
    wait(lambda: "督办清单" in dialog.find_element(By.CSS_SELECTOR, ".el-dialog__title").text,
         "the dialog titled 督办清单")

    # The first page typeset by the core and drawn (the page is an <img> of its SVG).
    wait(lambda: page_label(d).startswith("第1页"), "the first page previewed", timeout=30)
    page = el(d, "preview-page")
    img = wait(lambda: page.find_element(By.CSS_SELECTOR, "img"), "the page image")
    wait(lambda: d.execute_script("return arguments[0].complete && arguments[0].naturalWidth > 0", img),
         "the page image loaded")
    # Landscape A4, as the core lays the list out.
    assert float(page.get_attribute("data-width-mm")) > float(page.get_attribute("data-height-mm"))
    # The same panel as the books: print and save, and no hidden HTML printout left on the page.
    assert el(d, "preview-print").is_displayed() and el(d, "preview-save").is_displayed()
    assert not d.find_elements(By.CSS_SELECTOR, '[data-test="dashboard-printout"]')
    shot(d, artifacts, "print-panels-01-supervision")
