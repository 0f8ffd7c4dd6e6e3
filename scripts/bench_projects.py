"""The projects the benchmark builds: this site, a bare Material build of the same Markdown, and both at 4x the content.

The bare project is what plain Material would do with the site's Markdown:
``theme: material`` (no ``custom_dir``), the i18n and search plugins, the
same Markdown extensions and navigation, no hooks, no extra CSS or scripts.
The quiz pages, which the hooks generate from ``quizzes/``, are written out
as Markdown files, so both builds turn the same pages into HTML. The
site's markers (``<!-- pccc:... -->``) stay HTML comments there.

At 4x the content every lesson, legal and plan page is copied three times
under another folder (``ky-nang-2/``...), and every quiz set three times
under other ids, in both projects.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("docs", "quizzes", "scripts", "overrides", "mkdocs.yml")  # what a build reads
GROWN_SECTIONS = ("ky-nang", "phap-ly", "ke-hoach")
_QUESTION_ID = re.compile(r"^(  - id: )(\S+)$", re.MULTILINE)
_SET_ID = re.compile(r"^(id: )(\S+)$", re.MULTILINE)


def copy_site(target: Path, copies: int = 1) -> Path:
    """A copy of what the build reads, with ``copies`` times the content; returns its folder.

    Also used by the tests that build a variant of the site (an extra quiz).
    """
    target.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    for number in range(2, copies + 1):
        _grow(target, number)
    return target


def _grow(project: Path, number: int) -> None:
    docs = project / "docs"
    for section in GROWN_SECTIONS:
        shutil.copytree(docs / section, docs / f"{section}-{number}")
    for quiz in sorted((ROOT / "quizzes").glob("*.yml")):
        text = quiz.read_text(encoding="utf-8")
        text = _SET_ID.sub(rf"\g<1>\g<2>-{number}", text, count=1)
        text = _QUESTION_ID.sub(rf"\g<1>\g<2>-{number}", text)
        (project / "quizzes" / f"{quiz.stem}-{number}.yml").write_text(text, encoding="utf-8")


class _EnvAsEmpty(yaml.SafeLoader):
    """Reads mkdocs.yml outside MkDocs: ``!ENV`` values become empty."""


_EnvAsEmpty.add_constructor("!ENV", lambda loader, node: "")


def bare_material(site_project: Path, target: Path) -> Path:
    """A bare Material project of ``site_project``'s Markdown, quiz pages included; returns its mkdocs.yml."""
    _forget_site_modules()
    sys.path.insert(0, str(site_project / "scripts"))
    try:
        generated, nav = _generated_quiz_pages(site_project)
    finally:
        sys.path.remove(str(site_project / "scripts"))
        _forget_site_modules()
    shutil.copytree(site_project / "docs", target / "docs")
    for src_uri, markdown in generated.items():
        path = target / "docs" / src_uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(markdown, encoding="utf-8")
    config = yaml.load((site_project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvAsEmpty)  # noqa: S506
    for key in ("hooks", "extra_css", "extra_javascript"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config["nav"] = nav
    config_file = target / "mkdocs.yml"
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return config_file


def _forget_site_modules() -> None:
    """Drop imported ``pccc_site`` modules, so that the next import reads another project's copy."""
    for module in [name for name in sys.modules if name == "pccc_site" or name.startswith("pccc_site.")]:
        del sys.modules[module]


def _generated_quiz_pages(project: Path) -> tuple[dict[str, str], list]:
    """The Markdown of every page the hooks generate from the quiz files, and the navigation with them."""
    from pccc_site.quiz import build as quiz_build  # noqa: PLC0415  (the copy's modules, read from its folder)

    quiz_build.validate(lambda message: None)
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_EnvAsEmpty)  # noqa: S506
    quiz_build.add_to_nav(config["nav"])
    pages = {src_uri: quiz_build.page_source(src_uri, _url_of(src_uri)) for src_uri in quiz_build.generated_pages()}
    return pages, config["nav"]


def _url_of(src_uri: str) -> str:
    """``trac-nghiem/x.en.md`` → ``en/trac-nghiem/x/`` (directory URLs, the language as a prefix)."""
    path = src_uri.removesuffix(".md")
    prefix = ""
    if path.endswith(".en"):
        path, prefix = path.removesuffix(".en"), "en/"
    path = path.removesuffix("/index")
    return f"{prefix}{path}/"
