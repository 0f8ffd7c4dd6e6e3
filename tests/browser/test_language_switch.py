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


ANCHORED = "ky-nang/thoat-nan-toa-nha/"


def _an_anchor_in_the_middle(page) -> str:
    ids = page.locator("article h2[id]").evaluate_all("items => items.map(h => h.id)")
    assert len(ids) >= 3
    return ids[len(ids) // 2]


def test_the_switch_keeps_the_section_being_read_both_ways(page, site):
    page.goto(site.url(ANCHORED))
    anchor = _an_anchor_in_the_middle(page)
    page.goto(site.url(ANCHORED) + "#" + anchor)
    switch_language(page, "English")
    assert page.url == site.url("en/" + ANCHORED) + "#" + anchor
    heading = page.locator(f"h2#{anchor}")
    assert heading.evaluate("h => { const b = h.getBoundingClientRect(); return b.top >= 0 && b.top < innerHeight; }")
    switch_language(page, "Tiếng Việt")
    assert page.url == site.url(ANCHORED) + "#" + anchor


def test_the_switch_follows_the_section_written_into_the_address_after_loading(page, site):
    """While the reader scrolls, Material (navigation.tracking) rewrites the address with
    history.replaceState; the switch reads the address when it is used, not when the page loaded."""
    page.goto(site.url("en/" + ANCHORED))
    anchor = _an_anchor_in_the_middle(page)
    page.evaluate(f"history.replaceState(null, '', '#{anchor}')")
    switch_language(page, "Tiếng Việt")
    assert page.url == site.url(ANCHORED) + "#" + anchor


def test_a_page_without_an_anchor_switches_to_the_top_of_its_twin(page, site):
    page.goto(site.url(ANCHORED))
    switch_language(page, "English")
    assert page.url == site.url("en/" + ANCHORED)


def test_the_switch_script_is_a_file_and_no_inline_script_or_style_attribute_is_added(site):
    html = (site.root / ANCHORED / "index.html").read_text(encoding="utf-8")
    assert 'src="../../assets/javascripts/site.js"' in html
    script = (site.root / "assets" / "javascripts" / "site.js").read_text(encoding="utf-8")
    assert "md-select__link" in script
    kit = (site.root / "tap-huan" / "bo-cong-cu-cuoc-hop" / "index.html").read_text(encoding="utf-8")
    assert 'style="' not in kit[kit.index('<div class="pccc-kit">'):]
