"""Figures: one SVG file per figure in ``docs/_figures/``, both languages in it.

A page shows a figure with ``<!-- pccc:figure <slug> -->`` on its own line.
The build reads ``docs/_figures/<slug>.svg``, keeps the page's language,
and writes the drawing inline::

    <figure class="pccc-figure" id="hinh-<slug>">
      <svg role="img" aria-label="<title>">...</svg>
      <figcaption><desc></figcaption>
    </figure>

The rules a figure file follows (``check`` enforces them, the build refuses
a figure that breaks one):

- the root is ``<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 H">``
  with no width or height; integer coordinates;
- only drawing elements (``ALLOWED_ELEMENTS``) and presentation attributes
  (``ALLOWED_ATTRIBUTES``): no scripts, links, images, ids, inline styles
  or colours; colours come from classes (``CLASSES``) defined in
  ``docs/assets/stylesheets/figures.css``;
- words appear twice, as sibling elements with ``lang="vi"`` and
  ``lang="en"``; text with no ``lang`` is language-neutral (numbers,
  "114", "MFZ4") and holds no lower-case letters;
- ``<title>`` (the accessible name) and ``<desc>`` (the caption) once in each
  language, as children of the root;
- at most ``MAX_GZIPPED_BYTES`` gzipped.
"""

from __future__ import annotations

import copy
import gzip
import html
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from .pages import DOCS

FIGURES = DOCS / "_figures"
LANGUAGES = ("vi", "en")
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
WIDTH = 360
MAX_GZIPPED_BYTES = 12 * 1024
MIN_FONT_SIZE = 14
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
VIEWBOX = re.compile(rf"^0 0 {WIDTH} (?P<height>[1-9][0-9]*)$")
DECIMAL = re.compile(r"\d\.\d|\.\d")
LOWER_CASE_LETTER = re.compile(r"[^\W\dA-ZÀ-ỸĐ_]")  # any letter that is not upper case

ALLOWED_ELEMENTS = {
    "svg", "g", "title", "desc", "path", "rect", "circle", "ellipse",
    "line", "polyline", "polygon", "text", "tspan",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "xmlns", "viewBox", "class", "lang",
    "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "points", "transform", "dx", "dy",
    "text-anchor", "font-size", "font-weight", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "fill-rule",
}  # fmt: skip
COORDINATE_ATTRIBUTES = {
    "d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
    "width", "height", "points", "dx", "dy",
}  # fmt: skip
CLASSES = {
    "fire", "safe", "info", "warn", "no", "smoke", "water", "paper", "ink", "muted",
    "solid",  # filled with the text colour (arrow heads, dots, silhouettes)
    "on-dark",  # text on a fire, safe or info fill (white)
    "on-light",  # text on a warn, water or smoke fill (near black in both schemes)
    "small",  # a secondary label (font size 14)
    "thin",  # a thinner outline (detail lines)
}  # fmt: skip


class FigureError(ValueError):
    """A figure is missing or breaks the rules; the message names file and line."""


class MalformedFigure(FigureError):
    """The file is not well-formed XML."""

    def __init__(self, problem: "Problem"):
        super().__init__(str(problem))
        self.problem = problem


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{_display(self.path)}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Drawing:
    """A parsed figure file: its element tree and each element's line."""

    path: Path
    root: ET.Element
    lines: dict[int, int]  # id(element) -> line in the file

    def line(self, element: ET.Element) -> int:
        return self.lines.get(id(element), 1)


def _display(path: Path) -> str:
    try:
        return path.relative_to(DOCS.parent).as_posix()
    except ValueError:
        return str(path)


def figure_path(slug: str, folder: Path = FIGURES) -> Path:
    return folder / f"{slug}.svg"


def all_figures(folder: Path = FIGURES) -> list[Path]:
    return sorted(folder.glob("*.svg"))


# --- Reading ---------------------------------------------------------------


def parse(path: Path) -> Drawing:
    """Read an SVG file into an element tree, remembering each element's line.

    Tag and attribute names are kept as written (no namespace processing),
    so ``xmlns`` is an ordinary attribute and the output needs no prefixes.
    Raises FigureError with file and line if the XML is not well formed.
    """
    builder = ET.TreeBuilder()
    lines: dict[int, int] = {}
    parser = expat.ParserCreate()

    def start(tag, attributes):
        lines[id(builder.start(tag, attributes))] = parser.CurrentLineNumber

    parser.StartElementHandler = start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    try:
        parser.Parse(path.read_bytes(), True)
    except expat.ExpatError as error:
        message = f"not well-formed XML ({expat.errors.messages[error.code]})"
        raise MalformedFigure(Problem(path, error.lineno, message)) from None
    return Drawing(path, builder.close(), lines)


# --- Checking --------------------------------------------------------------


def check(path: Path) -> list[Problem]:
    """Every rule a figure file breaks, as problems with file and line."""
    problems: list[Problem] = []
    if not SLUG.match(path.stem):
        problems.append(Problem(path, 1, f"file name '{path.name}': use lower-case ASCII words joined by hyphens"))
    try:
        drawing = parse(path)
    except MalformedFigure as error:
        return problems + [error.problem]
    problems += _check_root(drawing)
    problems += _check_elements(drawing)
    problems += _check_languages(drawing)
    problems += _check_name_and_caption(drawing)
    size = gzipped_size(path)
    if size > MAX_GZIPPED_BYTES:
        problems.append(Problem(path, 1, f"{size} bytes gzipped, more than {MAX_GZIPPED_BYTES}: simplify the drawing"))
    return problems


def check_all(folder: Path = FIGURES) -> list[Problem]:
    return [problem for path in all_figures(folder) for problem in check(path)]


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def _check_root(drawing: Drawing) -> list[Problem]:
    root, problems = drawing.root, []

    def problem(message):
        problems.append(Problem(drawing.path, drawing.line(root), message))

    if root.tag != "svg":
        problem(f"the root element is <{root.tag}>, expected <svg>")
    if root.get("xmlns") != SVG_NAMESPACE:
        problem(f'the root needs xmlns="{SVG_NAMESPACE}"')
    if not VIEWBOX.match(root.get("viewBox", "")):
        problem(f'viewBox is "{root.get("viewBox", "")}": use "0 0 {WIDTH} H" with a whole height H')
    for attribute in ("width", "height"):
        if attribute in root.attrib:
            problem(f"remove {attribute} from the root: the page sets the size")
    return problems


def _check_elements(drawing: Drawing) -> list[Problem]:
    problems = []
    for element in drawing.root.iter():
        line = drawing.line(element)

        def problem(message, line=line):
            problems.append(Problem(drawing.path, line, message))

        if element.tag not in ALLOWED_ELEMENTS:
            problem(f"<{element.tag}> is not allowed in a figure (allowed: {', '.join(sorted(ALLOWED_ELEMENTS))})")
        for name, value in element.attrib.items():
            if name not in ALLOWED_ATTRIBUTES:
                problem(f"attribute '{name}' on <{element.tag}> is not allowed (ids, styles, colours, links and scripts are left out)")
            elif name in COORDINATE_ATTRIBUTES and DECIMAL.search(value):
                problem(f"attribute '{name}' on <{element.tag}> has a decimal number: use whole numbers")
        unknown = set(element.get("class", "").split()) - CLASSES
        if unknown:
            problem(f"unknown class {', '.join(sorted(unknown))} on <{element.tag}> (known: {', '.join(sorted(CLASSES))})")
        font_size = element.get("font-size")
        if font_size is not None and (not font_size.isdigit() or int(font_size) < MIN_FONT_SIZE):
            problem(f"font-size {font_size}: use a whole number of at least {MIN_FONT_SIZE}")
    return problems


def _check_languages(drawing: Drawing) -> list[Problem]:
    """Each parent holds as many ``lang="vi"`` children of a kind as ``lang="en"`` ones."""
    problems = []
    for parent in drawing.root.iter():
        counts: dict[tuple[str, str], list[ET.Element]] = {}
        for child in parent:
            language = child.get("lang")
            if language is None:
                continue
            if language not in LANGUAGES:
                problems.append(Problem(drawing.path, drawing.line(child), f'lang="{language}": use "vi" or "en"'))
                continue
            counts.setdefault((child.tag, language), []).append(child)
            if any(inner.get("lang") for inner in child.iter() if inner is not child):
                problems.append(Problem(drawing.path, drawing.line(child), "lang inside an element that already has lang"))
        for tag in {tag for tag, _ in counts}:
            vi, en = counts.get((tag, "vi"), []), counts.get((tag, "en"), [])
            if len(vi) != len(en):
                more, fewer = ("vi", "en") if len(vi) > len(en) else ("en", "vi")
                first = (vi or en)[0]
                problems.append(
                    Problem(
                        drawing.path,
                        drawing.line(first),
                        f'<{parent.tag}> has {max(len(vi), len(en))} <{tag} lang="{more}"> '
                        f'but {min(len(vi), len(en))} <{tag} lang="{fewer}">: give every label both languages',
                    )
                )
    for element in _neutral_text(drawing.root):
        words = "".join(element.itertext()).strip()
        if LOWER_CASE_LETTER.search(words):
            problems.append(
                Problem(drawing.path, drawing.line(element), f'text "{words}" has words but no lang: write it once with lang="vi" and once with lang="en"')
            )
    return problems


def _neutral_text(root: ET.Element):
    """<text> elements with no lang on themselves or any ancestor."""

    def walk(element, inherited):
        has_lang = inherited or element.get("lang") is not None
        if element.tag == "text" and not has_lang and not any(inner.get("lang") for inner in element.iter()):
            yield element
        for child in element:
            yield from walk(child, has_lang)

    yield from walk(root, False)


def _check_name_and_caption(drawing: Drawing) -> list[Problem]:
    problems = []
    for tag, role in (("title", "accessible name"), ("desc", "caption")):
        for language in LANGUAGES:
            found = [child for child in drawing.root if child.tag == tag and child.get("lang") == language]
            if len(found) != 1:
                problems.append(
                    Problem(drawing.path, 1, f'needs exactly one <{tag} lang="{language}"> (the {role}) as a child of <svg>, found {len(found)}')
                )
            elif not "".join(found[0].itertext()).strip():
                problems.append(Problem(drawing.path, drawing.line(found[0]), f'<{tag} lang="{language}"> is empty'))
    return problems


# --- Rendering -------------------------------------------------------------


def render(slug: str, language: str, folder: Path = FIGURES) -> str:
    """The ``<figure>`` for ``slug`` in ``language``, as one line of HTML."""
    if not SLUG.match(slug):
        raise FigureError(f"figure name '{slug}': use lower-case ASCII words joined by hyphens")
    path = figure_path(slug, folder)
    if not path.exists():
        known = ", ".join(p.stem for p in all_figures(folder)) or "none"
        raise FigureError(f"no figure '{slug}': {_display(path)} does not exist (figures: {known})")
    problems = check(path)
    if problems:
        raise FigureError("figure breaks the rules:\n" + "\n".join(str(problem) for problem in problems))
    drawing = parse(path)
    svg = _in_language(drawing.root, language)
    name = _text_of(svg, "title")
    caption = _text_of(svg, "desc")
    for child in [child for child in svg if child.tag in ("title", "desc")]:
        svg.remove(child)
    # No xmlns: inside HTML, the parser puts <svg> in the SVG namespace by itself.
    # data-search-exclude: Material's search leaves the labels out of the index
    # (the caption stays in) and removes the attribute from the page.
    attributes = {"viewBox": svg.get("viewBox"), "role": "img", "aria-label": name, "data-search-exclude": "true"}
    svg.attrib.clear()
    svg.attrib.update(attributes)
    _collapse_whitespace(svg)
    drawing_html = ET.tostring(svg, encoding="unicode", short_empty_elements=True)
    return (
        f'<figure class="pccc-figure" id="hinh-{slug}">{drawing_html}'
        f"<figcaption>{html.escape(caption, quote=False)}</figcaption></figure>"
    )


def _in_language(root: ET.Element, language: str) -> ET.Element:
    """A copy of the drawing with the other language's elements removed and lang dropped."""
    svg = copy.deepcopy(root)
    for parent in list(svg.iter()):
        for child in list(parent):
            if child.get("lang") not in (None, language):
                parent.remove(child)
    for element in svg.iter():
        element.attrib.pop("lang", None)
    return svg


def _text_of(svg: ET.Element, tag: str) -> str:
    return " ".join("".join(svg.find(tag).itertext()).split())


def _collapse_whitespace(svg: ET.Element) -> None:
    """Drop indentation between elements and squeeze spaces in text, so the figure is one line."""
    for element in svg.iter():
        if element.text is not None:
            element.text = " ".join(element.text.split()) or None
        if element.tail is not None:
            element.tail = " ".join(element.tail.split()) or None


def figure_marker(argument: str, language: str) -> str:
    """``<!-- pccc:figure slug -->``: the figure, with blank lines so Markdown keeps it as HTML."""
    return "\n\n" + render(argument, language) + "\n\n"
