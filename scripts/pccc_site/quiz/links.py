"""Where the generated quiz pages live, and how they link to each other and to the lessons.

A generated page knows only its own URL as MkDocs gives it: ``trac-nghiem/x/phieu/``
on the web, ``trac-nghiem/x/phieu.html`` in the offline bundle (no directory
URLs). Links are made relative to that URL in the same style, so they work
in both. Public addresses (printed on paper, encoded in QR codes) always use
the web form, from ``site_url``.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.utils import get_relative_url

from ..qr import public_address
from .model import Question, QuizSet
from .sources import Site

SECTION = "trac-nghiem"
DEFAULT_LANGUAGE = "vi"


def language_prefix(language: str) -> str:
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def directory_url(src: str) -> str:
    """The web URL of a docs page: ky-nang/index.md -> ky-nang/, bao-tri.md -> bao-tri/."""
    stem = src[: -len(".md")]
    if stem == "index":
        return ""
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def site_url_of(src: str, language: str, file_urls: bool) -> str:
    """The URL of a docs page in a language, in the style the build uses."""
    path = src[: -len(".md")] + ".html" if file_urls else directory_url(src)
    return language_prefix(language) + path


def relative(target: str, current: str) -> str:
    """A link from the page at ``current`` to the page at ``target`` (both site URLs)."""
    return get_relative_url(target, current)


def source_address(site_url: str, question: Question, language: str) -> str:
    """The public address of the section a question's answer is taught in."""
    return public_address(site_url, f"{language_prefix(language)}{directory_url(question.page)}#{question.anchor}")


@dataclass(frozen=True)
class PageContext:
    """What a trainer page needs to know about where it is."""

    quiz: QuizSet
    language: str
    url: str  # this page's URL as MkDocs gives it
    site_url: str
    site: Site

    @property
    def file_urls(self) -> bool:
        return self.url.endswith(".html")

    @property
    def assets_root(self) -> str:
        return "../" * self.url.count("/")

    def href(self, src: str, anchor: str = "") -> str:
        """A relative link to a docs page (``ky-nang/index.md``) in this page's language."""
        target = relative(site_url_of(src, self.language, self.file_urls), self.url)
        return f"{target}#{anchor}" if anchor else target

    def quiz_href(self) -> str:
        return self.href(f"{SECTION}/{self.quiz.id}.md")

    def quiz_address(self) -> str:
        return public_address(self.site_url, site_url_of(f"{SECTION}/{self.quiz.id}.md", self.language, False))

    def source_address(self, question: Question) -> str:
        return source_address(self.site_url, question, self.language)
