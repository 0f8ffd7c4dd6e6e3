"""Markers expand from data; an unknown marker stops the build with page and line."""

import pytest

from pccc_site import glossary  # noqa: F401  (registers the glossary marker)
from pccc_site.markers import MarkerError, expand_markers


def test_unknown_marker_names_page_and_line():
    with pytest.raises(MarkerError, match=r"x\.md:3: unknown marker 'pccc:nope'"):
        expand_markers("a\n\n<!-- pccc:nope -->\n", "vi", "x.md")


def test_glossary_renders_each_term_with_its_anchor_in_both_languages():
    vi = expand_markers("<!-- pccc:glossary -->", "vi", "thuat-ngu.md")
    en = expand_markers("<!-- pccc:glossary -->", "en", "thuat-ngu.en.md")
    assert "### PCCC { #pccc }" in vi
    assert "### Fire prevention and firefighting (PCCC) { #pccc }" in en


def test_text_without_markers_is_unchanged():
    assert expand_markers("# Title\n<!-- a normal comment -->\n", "vi", "x.md") == "# Title\n<!-- a normal comment -->\n"
