"""Every marker renderer of the site, in one table.

A page asks for content rendered from data with a marker, e.g.
``<!-- pccc:documents-table -->`` or ``<!-- pccc:role-tasks van-phong -->``;
``expand`` replaces each marker with what the renderer named here returns.

To add a renderer: write ``render_x(argument: str, language: str) -> str``
in a plain module of ``pccc_site`` (raise ``KeyError`` or ``ValueError`` for
a bad argument: the build then names the page and line), import the module
below and add one line ``"x": module.render_x`` to ``RENDERERS``.
"""

from __future__ import annotations

from . import checklist, figures, glossary, legal, lessons, meeting_kit, plan, posters, sources
from .markers import Renderer, expand_markers


def render_quiz_index(argument: str, language: str) -> str:
    """The table of quiz sets.

    The quiz package is imported here, when the marker is met, not above: its
    source check reads the site's pages through this table, and importing it
    above would tie the two modules in a circle.
    """
    from .quiz import build as quiz_build

    return quiz_build.render_index(argument, language)


RENDERERS: dict[str, Renderer] = {
    # Legal basis (docs/_data/documents.yml)
    "documents-table": legal.render_table,
    "documents-list": legal.render_list,
    "documents-timeline": legal.render_timeline,
    "timeline-sources": legal.render_timeline_sources,
    "document-facts": legal.render_facts,
    "document-checks": legal.render_checks,
    # The plan and each role's duties (docs/_data/plan.yml)
    "plan-facts": plan.render_plan_facts,
    "plan-purposes": plan.render_purposes,
    "plan-tasks": plan.render_tasks,
    "plan-tasks-table": plan.render_tasks_table,
    "plan-organisation": plan.render_organisation,
    "plan-recipients": plan.render_recipients,
    "responsibility-matrix": plan.render_matrix,
    "reporting-flow": plan.render_reporting,
    "roles-list": plan.render_roles_list,
    "role-tasks": plan.render_role_tasks,
    "role-checklist": plan.render_role_checklist,
    "role-reporting": plan.render_role_reporting,
    # Skills: lessons' sources, the checklist, Vietnamese vs international advice
    "sources": sources.render_sources,
    "checklist": checklist.render_checklist,
    "checklist-sources": checklist.render_checklist_sources,
    "differences": lessons.render_differences,
    # Figures and the posters that reuse them
    "figure": figures.figure_marker,
    "poster-qr": posters.render_placeholder,
    # Glossary, trainer kit, quizzes
    "glossary": glossary.render_glossary,
    "meeting-kit": meeting_kit.render_placeholder,
    "quiz-index": render_quiz_index,
}


def expand(markdown: str, language: str, source: str) -> str:
    """Replace every marker in ``markdown`` (``source`` names the page in errors)."""
    return expand_markers(markdown, language, source, RENDERERS)
