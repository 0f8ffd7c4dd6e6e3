"""The April 2024 plan and who does what, rendered from ``docs/_data/plan.yml``.

Markers, for pages in ``docs/ke-hoach/`` (links are relative to that folder):

- ``plan-facts``: who issued the plan, when, on what basis, who signed;
- ``plan-purposes``: its purpose and requirements;
- ``plan-tasks``: the four tasks, each under a ``### ... { #nhiem-vu-N }`` heading;
- ``plan-tasks-table``: the same as a short table;
- ``responsibility-matrix``: task × role, each cell the role's part;
- ``plan-organisation``: part III of the plan, one ``{ #<role id> }`` heading per role;
- ``reporting-flow``: who reports to whom;
- ``plan-recipients``: the recipients and the signature block;
- ``roles-list``: one line per role, linked to its page;
- ``role-tasks <role>``, ``role-checklist <role>``, ``role-reporting <role>``: one role's page.

Only the plan text is a source for duties; nothing here adds to it.
"""

from __future__ import annotations

from .data import load, text
from .legal import bilingual, documents, format_date, reference

DATA_FILE = "plan.yml"
PLAN_PAGE = "ke-hoach-2024.md"
DOCUMENTS_FOLDER = "../phap-ly"
GLOSSARY = "../thuat-ngu.md"
PARTS = ("lead", "support", "does", "inferred")
INFERRED = "inferred"  # the task text asks it of the role; the plan does not assign it
# A dash for the eye, the words for a screen reader.
NOT_ASSIGNED_CELL = '<span aria-hidden="true">—</span><span class="pccc-sr-only">{0}</span>'

# The H2 sections every role page has, in this order, in both languages.
ROLE_SECTIONS = (
    ("viec-cua-toi", {"vi": "Việc của tôi trong Kế hoạch", "en": "My part in the plan"}),
    ("danh-sach", {"vi": "Danh sách việc cần làm", "en": "Checklist"}),
    ("bao-cao", {"vi": "Báo cáo", "en": "Reporting"}),
    ("quy-dinh-hien-hanh", {"vi": "Theo quy định hiện hành", "en": "Under the rules now in force"}),
)

WORDS = {
    "task": {"vi": "Nhiệm vụ", "en": "Task"},
    "assigned": {"vi": "Phân công", "en": "Assigned to"},
    "timing": {"vi": "Thời gian thực hiện", "en": "Timing"},
    "my_part": {"vi": "Phần của bạn", "en": "Your part"},
    "documents": {"vi": "Văn bản được nêu tên", "en": "Documents named"},
    "not_assigned": {"vi": "Không giao", "en": "Not assigned"},
    "matrix_legend": {
        "vi": "Dấu — nghĩa là Kế hoạch không giao nhiệm vụ đó cho vai trò này. Phần in nghiêng là suy ra từ nội dung "
        "nhiệm vụ, Kế hoạch không phân công. Bấm tên vai trò để xem trang của vai trò.",
        "en": "A dash (—) means the plan gives that task to no one in this role. A part in italics is inferred from "
        "the task's text: the plan does not assign it. Select a role's name to open its page.",
    },
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "number": {"vi": "Số, ký hiệu (như bản gốc)", "en": "Number line (as written)"},
    "date": {"vi": "Địa danh, ngày tháng (như bản gốc)", "en": "Place and date line (as written)"},
    "title": {"vi": "Tên Kế hoạch", "en": "Title"},
    "title_vi": {"vi": "Tên Kế hoạch", "en": "Vietnamese title"},
    "basis": {"vi": "Căn cứ", "en": "Carries out"},
    "signer": {"vi": "Người ký", "en": "Signed by"},
    "no_day": {
        "vi": "bản dùng cho trang này để trống số và ngày; chỉ biết tháng ban hành là {0}",
        "en": "the copy used here leaves the number and day blank; only the month, {0}, is known",
    },
    "slip": {"vi": "Lưu ý về ký hiệu", "en": "Note on the symbol"},
    "see_role": {"vi": "Trang của vai trò này", "en": "Page for this role"},
    "no_organisation": {
        "vi": "Mục III (Tổ chức thực hiện) không giao thêm việc riêng; việc của vai trò này nằm ở {0}.",
        "en": "Part III (Organisation) adds nothing of its own; this role's work is in {0}.",
    },
    "part_iii": {"vi": "Mục III, Tổ chức thực hiện", "en": "Part III, Organisation"},
    "as_rules_require": {"vi": "theo quy định", "en": "as the rules require"},
    "recipients": {"vi": "Nơi nhận", "en": "Recipients"},
    "as_written": {"vi": "ghi trong bản gốc", "en": "as written"},
    "and": {"vi": "và", "en": "and"},
}


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def data() -> dict:
    plan = load(DATA_FILE)
    problems = validate(plan)
    if problems:
        raise ValueError(f"{DATA_FILE}: " + "; ".join(problems))
    return plan


def roles() -> list[dict]:
    return data()["roles"]


def role(role_id: str) -> dict:
    for item in roles():
        if item["id"] == role_id:
            return item
    raise KeyError(f"no role '{role_id}' in {DATA_FILE}")


def tasks() -> list[dict]:
    return data()["tasks"]


def tasks_of(role_id: str) -> list[tuple[dict, dict]]:
    """(task, assignment) for every task that assigns ``role_id`` a part."""
    return [(task, a) for task in tasks() for a in task["assignments"] if a["role"] == role_id]


def part_of(task: dict, role_id: str) -> str | None:
    return next((a["part"] for a in task["assignments"] if a["role"] == role_id), None)


def validate(plan: dict) -> list[str]:
    role_ids = [item.get("id") for item in plan.get("roles") or []]
    problems = [f"role id '{r}' used twice" for r in sorted({r for r in role_ids if role_ids.count(r) > 1})]
    for item in plan.get("roles") or []:
        if not (bilingual(item.get("name")) and bilingual(item.get("short"))):
            problems.append(f"role '{item.get('id')}': name and short need vi and en text, and nothing else")
    for recipient in plan.get("recipients") or []:
        if not bilingual(recipient.get("meaning")):
            problems.append(f"recipient '{recipient.get('as_written')}': meaning needs vi and en text, and nothing else")
    for index, task in enumerate(plan.get("tasks") or [], start=1):
        where = f"task {task.get('number', '?')}"
        if task.get("number") != index or task.get("anchor") != f"nhiem-vu-{index}":
            problems.append(f"{where}: tasks are numbered 1, 2, 3… with anchors nhiem-vu-1, nhiem-vu-2…")
        if task.get("timing") not in (plan.get("timings") or {}):
            problems.append(f"{where}: timing '{task.get('timing')}' is not under 'timings'")
        for assignment in task.get("assignments") or []:
            if assignment.get("role") not in role_ids:
                problems.append(f"{where}: unknown role '{assignment.get('role')}'")
            if assignment.get("part") not in PARTS:
                problems.append(f"{where}: part must be one of {', '.join(PARTS)}")
            if not assignment.get("duties"):
                problems.append(f"{where}: role '{assignment.get('role')}' has no duties")
    for entry in (plan.get("organisation") or []) + (plan.get("reporting") or []):
        for key in ("role", "from", "to"):
            if entry.get(key) is not None and entry[key] not in role_ids:
                problems.append(f"organisation/reporting: unknown role '{entry[key]}'")
    return problems


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def task_link(task: dict, language: str, with_title: bool = False) -> str:
    label = f"{WORDS['task'][language]} {task['number']}"
    if with_title:
        label += f": {text(task['title'], language)}"
    return f"[{label}]({PLAN_PAGE}#{task['anchor']})"


def role_link(item: dict, language: str, short: bool = False) -> str:
    return f"[{text(item['short' if short else 'name'], language)}]({item['page']}.md)"


def _part(part: str, language: str) -> str:
    return text(data()["parts"][part], language)


def _timing(task: dict, language: str) -> str:
    return text(data()["timings"][task["timing"]], language)


def _cited_documents(task: dict, language: str) -> list[str]:
    return [
        f"[{reference(doc, language)}]({DOCUMENTS_FOLDER}/{doc['page']}.md)"
        for doc in documents()
        if task["number"] in (doc.get("cited_by_task") or [])
    ]


def _emphasised_part(part: str, language: str) -> str:
    """Bold for what the plan assigns; italics for what the site infers from the task's text."""
    return f"*{_part(part, language)}*" if part == INFERRED else f"**{_part(part, language)}**"


def _assignment_line(assignment: dict, language: str) -> str:
    return f"{role_link(role(assignment['role']), language)}: {_emphasised_part(assignment['part'], language)}"


def _definition(label: str, value: str) -> str:
    return f"{label}\n:   {value}\n\n"


# ---------------------------------------------------------------------------
# The plan page
# ---------------------------------------------------------------------------


def render_plan_facts(_argument: str, language: str) -> str:
    plan = data()["plan"]
    basis = next(doc for doc in documents() if doc["id"] == plan["basis"])
    month = format_date(plan["month"], language)
    signer = f"{text(plan['signer']['meaning'], language)} ({WORDS['as_written'][language]}: “{plan['signer']['as_written']}”)"
    rows = [
        _definition(WORDS["issuer"][language], text(plan["issuer"], language)),
        _definition(WORDS["title"][language], text(plan["title"], language)),
    ]
    if language != "vi":
        rows.append(_definition(WORDS["title_vi"][language], f"*{plan['title']['vi']}*"))
    rows += [
        _definition(
            WORDS["number"][language],
            f"“{plan['number_as_written']}” ({WORDS['no_day'][language].format(month)})"
            f"<br>{WORDS['slip'][language]}: {text(plan['number_slip'], language)}",
        ),
        _definition(WORDS["date"][language], f"“{plan['date_as_written']}”"),
        _definition(
            WORDS["basis"][language],
            f"[{reference(basis, language)}]({DOCUMENTS_FOLDER}/{basis['page']}.md) "
            f"({format_date(basis['signed'], language)}), {text(basis['issuer'], language)}",
        ),
        _definition(WORDS["signer"][language], signer),
    ]
    return '<div class="pccc-facts" markdown>\n\n' + "".join(rows) + "</div>\n"


def render_purposes(_argument: str, language: str) -> str:
    return "\n".join(f"{i}. {text(item, language)}" for i, item in enumerate(data()["purposes"], start=1)) + "\n"


def render_tasks(_argument: str, language: str) -> str:
    blocks = []
    for task in tasks():
        heading = f"### {WORDS['task'][language]} {task['number']}: {text(task['title'], language)} {{ #{task['anchor']} }}"
        lines = [heading, "", text(task["summary"], language), ""]
        assigned = "; ".join(_assignment_line(a, language) for a in task["assignments"])
        lines.append(f"- {WORDS['assigned'][language]}: {assigned}")
        lines.append(f"- {WORDS['timing'][language]}: {_timing(task, language)}")
        cited = _cited_documents(task, language)
        if cited:
            lines.append(f"- {WORDS['documents'][language]}: {', '.join(cited)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def render_tasks_table(_argument: str, language: str) -> str:
    header = f"| {WORDS['task'][language]} | {WORDS['assigned'][language]} | {WORDS['timing'][language]} |"
    rows = [header, "|---|---|---|"]
    for task in tasks():
        assigned = "<br>".join(_assignment_line(a, language) for a in task["assignments"])
        rows.append(f"| {task_link(task, language, with_title=True)} | {assigned} | {_timing(task, language)} |")
    return "\n".join(rows) + "\n"


def render_matrix(_argument: str, language: str) -> str:
    columns = roles()
    header = f"| {WORDS['task'][language]} | " + " | ".join(role_link(r, language, short=True) for r in columns) + " |"
    rows = [header, "|---" * (len(columns) + 1) + "|"]
    for task in tasks():
        cells = []
        for item in columns:
            part = part_of(task, item["id"])
            cells.append(_emphasised_part(part, language) if part else NOT_ASSIGNED_CELL.format(WORDS["not_assigned"][language]))
        rows.append(f"| {task_link(task, language)} | " + " | ".join(cells) + " |")
    legend = WORDS["matrix_legend"][language]
    return '<div class="pccc-matrix" markdown>\n\n' + "\n".join(rows) + f"\n\n</div>\n\n{legend}\n"


def _organisation_duties(role_id: str) -> list[dict]:
    return [duty for entry in data()["organisation"] if entry["role"] == role_id for duty in entry["duties"]]


def render_organisation(_argument: str, language: str) -> str:
    blocks = []
    for item in roles():
        lines = [f"### {text(item['name'], language)} {{ #{item['id']} }}", ""]
        duties = _organisation_duties(item["id"])
        if duties:
            lines += [f"- {text(duty, language)}" for duty in duties]
        else:
            tasks_text = f" {WORDS['and'][language]} ".join(task_link(t, language) for t, _ in tasks_of(item["id"]))
            lines.append(WORDS["no_organisation"][language].format(tasks_text))
        lines += ["", f"{WORDS['see_role'][language]}: {role_link(item, language)}."]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def render_reporting(_argument: str, language: str) -> str:
    steps = []
    for entry in data()["reporting"]:
        source = role_link(role(entry["from"]), language)
        target = role_link(role(entry["to"]), language) if entry["to"] else WORDS["as_rules_require"][language]
        steps.append(f"1. {source} → {target}: {text(entry['what'], language)}.")
    gaps = text(data()["reporting_gaps"], language)
    return '<div class="pccc-flow" markdown>\n\n' + "\n".join(steps) + f"\n\n</div>\n\n{gaps}\n"


def render_recipients(_argument: str, language: str) -> str:
    plan = data()
    items = [f"- “{r['as_written']}”: {text(r['meaning'], language)}" for r in plan["recipients"]]
    return f"**{WORDS['recipients'][language]}**\n\n" + "\n".join(items) + "\n"


def render_roles_list(_argument: str, language: str) -> str:
    lines = []
    for item in roles():
        parts = ", ".join(
            f"{task_link(task, language)} ({_part(a['part'], language).lower()})" for task, a in tasks_of(item["id"])
        )
        lines.append(f"- **{role_link(item, language)}**: {parts}")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# A role's page
# ---------------------------------------------------------------------------


def render_role_tasks(role_id: str, language: str) -> str:
    role(role_id)
    blocks = []
    for task, assignment in tasks_of(role_id):
        heading = f"### {WORDS['task'][language]} {task['number']}: {text(task['title'], language)} {{ #{task['anchor']} }}"
        lines = [
            heading,
            "",
            f"{WORDS['my_part'][language]}: {_emphasised_part(assignment['part'], language)} · "
            f"{WORDS['timing'][language]}: **{_timing(task, language)}** · {task_link(task, language)}",
            "",
            text(task["summary"], language),
            "",
        ]
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def render_role_checklist(role_id: str, language: str) -> str:
    """A task list whose boxes carry their duty as a <label> (a Markdown ``- [ ]`` box has no name for a screen reader)."""
    role(role_id)
    items = []
    for task, assignment in tasks_of(role_id):
        where = f"{task_link(task, language)}, {_timing(task, language).lower()}"
        items += [_checklist_item(text(duty, language), where) for duty in assignment["duties"]]
    for duty in _organisation_duties(role_id):
        items.append(_checklist_item(text(duty, language), f"[{WORDS['part_iii'][language]}]({PLAN_PAGE}#to-chuc-thuc-hien)"))
    return '<ul class="task-list pccc-checklist" markdown="1">\n' + "\n".join(items) + "\n</ul>\n"


def _checklist_item(duty: str, where: str) -> str:
    return f'<li class="task-list-item" markdown="span"><label><input type="checkbox"> {duty}</label> ({where})</li>'


def render_role_reporting(role_id: str, language: str) -> str:
    role(role_id)
    note = text(data()["reporting_notes"][role_id], language)
    return f"{note}\n\n" + render_reporting("", language)
