"""The office self-inspection checklist, rendered from ``docs/_data/checklist.yml``.

``<!-- pccc:checklist -->`` writes the form: header fields to fill in by
hand, one table per group of items (with "met", "not met" and notes columns
to tick and write in), and sign-off lines. ``<!-- pccc:checklist-sources -->``
lists every source the items cite. The tables are HTML so the print rules in
``site.css`` (block "Printed forms") can size the columns for A4.
"""

from __future__ import annotations

from html import escape

from .data import load, text
from .sources import render_list

DATA_FILE = "checklist.yml"
COLUMNS = ("number", "text", "basis", "met", "not_met", "notes")


def checklist() -> dict:
    return load(DATA_FILE)


def cited_source_ids() -> list[str]:
    """Source ids of all items, each once, in the order they first appear."""
    ids: list[str] = []
    for group in checklist()["groups"]:
        for item in group["items"]:
            ids.extend(source_id for source_id in item["sources"] if source_id not in ids)
    return ids


def _label_rows(labels: list[dict], language: str, css_class: str) -> str:
    rows = "".join(
        f'<tr><th scope="row">{escape(text(label, language))}</th><td></td></tr>' for label in labels
    )
    return f'<table class="{css_class}"><tbody>{rows}</tbody></table>'


def _group_table(number: int, group: dict, language: str) -> str:
    columns = checklist()["columns"]
    head = "".join(
        f'<th scope="col" class="pccc-col-{name}">{escape(text(columns[name], language))}</th>' for name in COLUMNS
    )
    rows = []
    for index, item in enumerate(group["items"], start=1):
        rows.append(
            f'<tr><td class="pccc-col-number">{number}.{index}</td>'
            f"<td>{escape(text(item['text'], language))}</td>"
            f"<td>{escape(text(item['basis'], language))}</td>"
            '<td></td><td></td><td></td></tr>'
        )
    title = escape(text(group["title"], language))
    return (
        f'<div class="pccc-scroll" role="region" tabindex="0" aria-label="{title}">'
        f'<table class="pccc-checklist-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
    )


def render_checklist(_argument: str, language: str) -> str:
    data = checklist()
    parts = [f'<div class="pccc-form">{_label_rows(data["fields"], language, "pccc-form-fields")}</div>']
    for number, group in enumerate(data["groups"], start=1):
        parts.append(f"### {number}. {text(group['title'], language)} {{ #{group['id']} }}")
        parts.append(f'<div class="pccc-form">{_group_table(number, group, language)}</div>')
    parts.append(f'<div class="pccc-form">{_label_rows(data["sign_off"], language, "pccc-form-sign-off")}</div>')
    return "\n\n".join(parts) + "\n"


def render_checklist_sources(_argument: str, language: str) -> str:
    return render_list(cited_source_ids(), language)
