"""The header language switcher goes to the same page in the other language."""


def switch_language(page, language_name: str) -> None:
    page.locator(".md-header__option .md-select button").click()
    page.locator(".md-select__link", has_text=language_name).click()
    page.wait_for_load_state()


def test_switch_from_vietnamese_to_english_and_back_on_the_same_page(page, site):
    page.goto(site.url("/ky-nang/"))
    assert page.title().startswith("Kỹ năng - ")
    switch_language(page, "English")
    assert page.url == site.url("/en/ky-nang/")
    assert page.title().startswith("Skills - ")
    assert page.locator("html").get_attribute("lang") == "en"
    switch_language(page, "Tiếng Việt")
    assert page.url == site.url("/ky-nang/")
    assert page.locator("html").get_attribute("lang") == "vi"


def test_switch_on_a_phone(phone_page, site):
    phone_page.goto(site.url("/phap-ly/"))
    switch_language(phone_page, "English")
    assert phone_page.url == site.url("/en/phap-ly/")


def test_navigation_titles_are_translated(page, site):
    page.goto(site.url("/en/"))
    nav = page.locator("nav.md-nav--primary").inner_text()
    assert "Legal basis" in nav and "Trainer kit" in nav
    assert "Cơ sở pháp lý" not in nav
    page.goto(site.url("/"))
    nav = page.locator("nav.md-nav--primary").inner_text()
    assert "Cơ sở pháp lý" in nav and "Legal basis" not in nav


def test_untitled_admonitions_get_a_title_in_the_page_language(page, site):
    page.goto(site.url("/bao-tri/"))
    assert page.locator(".admonition.tip .admonition-title").inner_text() == "Mẹo"
    page.goto(site.url("/en/bao-tri/"))
    assert page.locator(".admonition.tip .admonition-title").inner_text() == "Tip"
