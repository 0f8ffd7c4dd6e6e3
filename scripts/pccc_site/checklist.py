"""The office self-inspection checklist, rendered from ``docs/_data/checklist.yml``.

``<!-- pccc:checklist -->`` writes the form: header fields to fill in by
hand, one table per group of items (with "met", "not met" and notes columns
to tick and write in), and sign-off lines. The "Căn cứ" column holds only
Vietnamese legal bases the site verifies (a document of ``documents.yml`` in
force, or the agency's plan); advice from police, foreign fire services and
others is printed under each table as a labelled "Tham khảo" note. ``<!-- pccc:checklist-sources -->``
lists every source the items cite. The tables are HTML so the print rules in
``site.css`` (block "Printed forms") can size the columns for A4.
"""

from __future__ import annotations

from html import escape

from .data import load, text
from .legal import document, reference
from .sources import render_list

DATA_FILE = "checklist.yml"
COLUMNS = ("number", "text", "basis", "met", "not_met", "notes")
PLAN = "plan"  # the agency's own plan, a basis beside the documents of documents.yml
WORDS = {
    "plan": {"vi": "Kế hoạch của Sở (tháng 4/2024)", "en": "The Department's plan (April 2024)"},
    "no_basis": {
        "vi": "Không có căn cứ pháp lý đã kiểm chứng; xem phần Tham khảo",
        "en": "No verified legal basis; see For reference",
    },
    "reference": {"vi": "Tham khảo", "en": "For reference"},
    "reference_note": {
        "vi": "khuyến cáo, không phải căn cứ pháp lý",
        "en": "advice, not a legal basis",
    },
}


def checklist() -> dict:
    return load(DATA_FILE)


def cited_source_ids() -> list[str]:
    """Source ids of all items, each once, in the order they first appear."""
    ids: list[str] = []
    for group in checklist()["groups"]:
        for item in group["items"]:
            ids.extend(source_id for source_id in item["sources"] if source_id not in ids)
    return ids


def basis_problems(item: dict) -> list[str]:
    """Why an item's "Căn cứ" would not be a verified Vietnamese legal basis (empty when it is)."""
    basis = item.get("basis")
    if basis is None:
        return [] if item.get("reference") else ["an item needs a legal basis or a reference"]
    if set(basis) != {"document", "detail"}:
        return ["basis is {document, detail {vi, en}}"]
    if basis["document"] == PLAN:
        return []
    try:
        doc = document(basis["document"])
    except KeyError:
        return [f"basis document '{basis['document']}' is not in documents.yml"]
    if doc["status"] != "in_force" or "status" in (doc.get("unverified") or []):
        return [f"basis document '{basis['document']}' is not verified to be in force"]
    return []


def basis_text(item: dict, language: str) -> str:
    basis = item.get("basis")
    if basis is None:
        return ""
    name = WORDS["plan"][language] if basis["document"] == PLAN else reference(document(basis["document"]), language)
    return f"{name}, {text(basis['detail'], language)}"


def _basis_cell(item: dict, language: str) -> str:
    problems = basis_problems(item)
    if problems:
        raise ValueError(f"{DATA_FILE}: {item['text']['en']}: {'; '.join(problems)}")
    if item.get("basis") is None:
        return f'<span aria-hidden="true">—</span><span class="pccc-sr-only">{WORDS["no_basis"][language]}</span>'
    return escape(basis_text(item, language))


def _references(number: int, group: dict, language: str) -> str:
    notes = [
        f"{number}.{index}: {escape(text(item['reference'], language))}"
        for index, item in enumerate(group["items"], start=1)
        if item.get("reference")
    ]
    if not notes:
        return ""
    label = f"<strong>{WORDS['reference'][language]}</strong> ({WORDS['reference_note'][language]})"
    return f'<p class="pccc-checklist-reference">{label}: {"; ".join(notes)}.</p>'


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
            f"<td>{_basis_cell(item, language)}</td>"
            '<td></td><td></td><td></td></tr>'
        )
    title = escape(text(group["title"], language))
    return (
        f'<div class="pccc-scroll" role="region" tabindex="0" aria-label="{title}">'
        f'<table class="pccc-checklist-table"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></div>"
        f"{_references(number, group, language)}"
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
