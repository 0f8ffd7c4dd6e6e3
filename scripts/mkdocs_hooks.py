"""MkDocs hooks: wire build events to the plain modules in ``pccc_site``.

static-i18n builds once per language, so every event here fires once per
language; the post-build step runs after static-i18n merged the languages.
"""

from __future__ import annotations

import html
import logging
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

sys.path.insert(0, str(Path(__file__).parent))

from pccc_site import data, html_fixes, meeting_kit, offline, posters, qr, renderers, search_index, sources, webserver  # noqa: E402
from pccc_site.markers import MarkerError  # noqa: E402
from pccc_site.quiz import build as quiz_build  # noqa: E402

DEFAULT_LANGUAGE = "vi"
LANGUAGES = ["vi", "en"]
SEARCH_DIALOG_LABEL = {"vi": "Tìm kiếm", "en": "Search"}
PERMALINK_TITLE = {"vi": "Liên kết tới mục này", "en": "Link to this section"}
log = get_plugin_logger("pccc")
_serving = False  # `mkdocs serve`: a local preview, its QR codes say so
_told_how_to_set = False


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def _printed_site_url(config) -> str:
    """The address QR codes and printed addresses use, or "" for none (see qr.printed_site_url)."""
    return qr.printed_site_url(config["site_url"] or "", _serving)

# static-i18n reports each setting it copies to the English build at INFO level;
# a normal build prints only what needs action (`mkdocs build -v` shows them again).
if logging.getLogger("mkdocs").getEffectiveLevel() >= logging.INFO:
    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n").setLevel(logging.WARNING)


def _language(config) -> str:
    return config["theme"]["language"]


def on_pre_build(config):
    data.clear()  # `mkdocs serve` rebuilds in one process: re-read edited data files
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
    global _told_how_to_set
    if not _printed_site_url(config) and not _told_how_to_set:
        log.info(qr.how_to_set(config["site_url"] or ""))
        _told_how_to_set = True
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
    return quiz_build.page_source(page.file.src_uri, page.file.url, _printed_site_url(config))


def on_serve(server, config, builder):
    server.watch(str(quiz_build.QUIZZES))
    return server


def on_page_markdown(markdown, page, config, files):
    try:
        markdown = renderers.expand(markdown, _language(config), page.file.src_uri)
    except MarkerError as error:
        raise PluginError(str(error)) from error
    problems = sources.check_page_links(markdown, page.file.src_uri, config["site_url"] or "")  # the source register and its deny list
    if problems:
        raise PluginError("\n".join(problems))
    return markdown


def on_post_page(output, page, config):
    language = _language(config)
    output = html_fixes.label_search_dialog(output, SEARCH_DIALOG_LABEL[language])
    output = html_fixes.drop_head_hreflang_links(output)
    output = html_fixes.short_site_name(output, html.escape(config["extra"]["short_name"]))
    output = html_fixes.empty_logo_alt(output)
    if language != DEFAULT_LANGUAGE:
        root = get_relative_url(f"{language}/", page.url)
        output = html_fixes.point_search_at_language_root(output, root)
    address = qr.public_address(_printed_site_url(config), page.url)
    quiz_links = quiz_build.panel_links(page.file.src_uri, page.url, language)
    return qr.insert_panel(output, qr.trainer_panel(address, language, quiz_links))


@event_priority(-50)  # after the search plugin has indexed the page
def on_page_context(context, page, config, nav):
    page.content = posters.fill(page.content, _printed_site_url(config), _language(config))

    def relative(url):
        return get_relative_url(url, page.url)

    kit = meeting_kit.fill(page.content, nav, _printed_site_url(config), relative, _language(config))
    if kit:
        page.content = kit.html
        meeting_kit.write_images(Path(config["site_dir"]), kit.images)
    return context


def on_post_template(output_content, template_name, config):
    """Each language's 404 page: the default one at the root, the others under their prefix."""
    if template_name != "404.html":
        return output_content
    output = html_fixes.drop_head_hreflang_links(output_content)
    return webserver.page_404_per_language(output, _language(config), DEFAULT_LANGUAGE, Path(config["site_dir"]))


@event_priority(-200)  # after static-i18n (-100) has merged both languages' entries
def on_post_build(config):
    site_dir = Path(config["site_dir"])
    search_index.write_split_indexes(site_dir, LANGUAGES, DEFAULT_LANGUAGE)
    if offline.enabled():
        offline.write_search_scripts(site_dir, LANGUAGES, DEFAULT_LANGUAGE)
    elif not _serving and _all_languages_built(config):
        webserver.write_server_files(site_dir)


def _all_languages_built(config) -> bool:
    """False inside static-i18n's build of another language, True once all are written."""
    return not getattr(config.plugins.get("i18n"), "building", False)
