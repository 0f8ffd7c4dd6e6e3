"""MkDocs hooks: wire build events to the plain modules in ``pccc_site``.

static-i18n builds once per language, so every event here fires once per
language; the post-build step runs after static-i18n merged the languages.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))

from pccc_site import data, html_fixes, meeting_kit, offline, qr, search_index  # noqa: E402
from pccc_site import glossary  # noqa: E402,F401  (registers its marker)
from pccc_site import checklist, lessons, sources  # noqa: E402,F401  (register the Skills markers)
from pccc_site import legal, plan  # noqa: E402,F401  (register their markers)
from pccc_site.markers import MarkerError, expand_markers  # noqa: E402
from pccc_site.quiz import build as quiz_build  # noqa: E402  (quiz pages; registers the quiz-index marker)

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ["vi", "en"]
SEARCH_DIALOG_LABEL = {"vi": "Tìm kiếm", "en": "Search"}
PERMALINK_TITLE = {"vi": "Liên kết tới mục này", "en": "Link to this section"}
log = get_plugin_logger("pccc")


def _language(config) -> str:
    return config["theme"]["language"]


def on_pre_build(config):
    data.load.cache_clear()  # `mkdocs serve` rebuilds in one process: re-read edited data files
    # Runs once per language, after static-i18n has set it (the Markdown options cannot be set per language).
    config["mdx_configs"]["toc"]["permalink_title"] = PERMALINK_TITLE[_language(config)]


def on_config(config):
    """Check every quiz file before anything is built; list the quiz pages in the nav."""
    if offline.enabled():
        offline.configure(config)
    try:
        quiz_build.validate(log.warning)
    except quiz_build.QuizBuildError as error:
        raise PluginError(str(error)) from None
    quiz_build.add_to_nav(config["nav"])
    return config


def on_files(files, config):
    """Add the generated quiz pages (priority 0: before static-i18n sorts files by language)."""
    for src_uri in quiz_build.generated_pages():
        files.append(File(src_uri, config["docs_dir"], config["site_dir"], config["use_directory_urls"]))
    return files


def on_page_read_source(page, config):
    """Quiz pages have no file in docs/: their source is made from the quiz files.

    MkDocs accepts one handler of this event in the whole build; None lets
    every other page be read from its file as usual.
    """
    return quiz_build.page_source(page.file.src_uri, page.file.url, config["site_url"])


def on_serve(server, config, builder):
    server.watch(str(quiz_build.QUIZZES))
    return server


def on_page_markdown(markdown, page, config, files):
    try:
        return expand_markers(markdown, _language(config), page.file.src_uri)
    except MarkerError as error:
        raise PluginError(str(error)) from error


def on_post_page(output, page, config):
    language = _language(config)
    output = html_fixes.label_search_dialog(output, SEARCH_DIALOG_LABEL[language])
    output = html_fixes.drop_head_hreflang_links(output)
    output = html_fixes.short_site_name(output, html.escape(config["extra"]["short_name"]))
    output = html_fixes.empty_logo_alt(output)
    if language != DEFAULT_LANGUAGE:
        root = get_relative_url(f"{language}/", page.url)
        output = html_fixes.point_search_at_language_root(output, root)
    address = qr.public_address(config["site_url"], page.url)
    quiz_links = quiz_build.panel_links(page.file.src_uri, page.url, language)
    return qr.insert_panel(output, qr.trainer_panel(address, language, quiz_links))


@event_priority(-50)  # after the search plugin has indexed the page
def on_page_context(context, page, config, nav):
    def relative(url):
        return get_relative_url(url, page.url)

    kit = meeting_kit.fill(page.content, nav, config["site_url"], relative, _language(config))
    if kit:
        page.content = kit.html
        meeting_kit.write_images(Path(config["site_dir"]), kit.images)
    return context


@event_priority(-200)  # after static-i18n (-100) has merged both languages' entries
def on_post_build(config):
    search_index.write_split_indexes(Path(config["site_dir"]), LANGUAGES, DEFAULT_LANGUAGE)
    if offline.enabled():
        offline.write_search_scripts(Path(config["site_dir"]), LANGUAGES, DEFAULT_LANGUAGE)
