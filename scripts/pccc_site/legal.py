"""The legal basis, rendered from ``docs/_data/documents.yml``.

One record per document (see the header of the data file for its fields)
and a list of dated ``events``. Markers, for pages in ``docs/phap-ly/``
(links are written relative to that folder):

- ``<!-- pccc:document-facts <id> -->``: the facts box of one document;
- ``<!-- pccc:document-checks <id> -->``: what could not be verified about it;
- ``<!-- pccc:documents-table -->``: every document by date, with its status;
- ``<!-- pccc:documents-list cited|current|replaced -->``: one group, linked;
- ``<!-- pccc:documents-timeline [YYYY-MM-DD] -->``: dated items from that day
  (default 2015-01-01) to the newest;
- ``<!-- pccc:timeline-sources [YYYY-MM-DD] -->``: the sources of those items.

Whatever FACTS.md marks UNVERIFIED is listed in a record's ``unverified``
and is shown with the words in ``NOT_VERIFIED``; it is never stated bare.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .data import derived, load, text
from .sources import all_sources, kind_label

DATA_FILE = "documents.yml"
PLAN_PAGE = "../ke-hoach/ke-hoach-2024.md"
GLOSSARY = "../thuat-ngu.md"
TIMELINE_START = dt.date(2015, 1, 1)
PLAN_MONTH_END = dt.date(2024, 4, 30)  # the plan is dated April 2024, its day left blank

# The H2 sections every document page has, in this order, in both languages.
DOCUMENT_SECTIONS = (
    ("thong-tin", {"vi": "Thông tin văn bản", "en": "Key facts"}),
    ("boi-canh", {"vi": "Bối cảnh", "en": "Background"}),
    ("yeu-cau-chinh", {"vi": "Yêu cầu chính", "en": "Key requirements"}),
    ("y-nghia", {"vi": "Ý nghĩa với bạn", "en": "What it means for you"}),
    ("nguon", {"vi": "Nguồn và mức độ kiểm chứng", "en": "Sources and how far they were checked"}),
)

TYPES = {
    "chi-thi": {"vi": "Chỉ thị", "en": "Directive"},
    "ket-luan": {"vi": "Kết luận", "en": "Conclusion"},
    "nghi-quyet": {"vi": "Nghị quyết", "en": "Resolution"},
    "cong-dien": {"vi": "Công điện", "en": "Official Telegram"},
    "ke-hoach": {"vi": "Kế hoạch", "en": "Plan"},
    "luat": {"vi": "Luật", "en": "Law"},
    "nghi-dinh": {"vi": "Nghị định", "en": "Decree"},
}
ADOPTED_TYPES = {"luat", "nghi-quyet"}  # dated by adoption, not by signature

STATUSES = {
    "in_force": {"vi": "Còn hiệu lực", "en": "In force"},
    "replaced": {"vi": "Đã được thay thế", "en": "Replaced"},
    "historical": {"vi": "Tư liệu", "en": "Historical"},
    "unverified": {"vi": "Chưa kiểm chứng", "en": "Not verified"},
    # A later document covers the same subject, but no wording that replaces this one was seen.
    "uncertain": {"vi": "Chưa kiểm chứng còn hiệu lực hay không", "en": "Not verified whether still in force"},
}
VERIFIABLE_FIELDS = {"number", "signed", "issuer", "title", "status", "replaced_by", "in_force_from"}
GROUPS = ("cited", "current", "replaced")
CHECK_ORDER = ("number", "signed", "issuer", "title", "in_force_from", "status", "replaced_by")

NOT_VERIFIED = {"vi": "chưa kiểm chứng", "en": "not verified"}
AS_CITED = {"vi": "theo Kế hoạch dẫn, chưa kiểm chứng", "en": "as cited in the plan, not verified"}
REPEAL_NOT_SEEN = {
    "vi": "chưa kiểm chứng điều khoản bãi bỏ",
    "en": "not verified: the repeal clause has not been seen",
}

LABELS = {
    "number": {"vi": "Số, ký hiệu", "en": "Number and symbol"},
    "type": {"vi": "Loại văn bản", "en": "Type"},
    "signed": {"vi": "Ngày ký", "en": "Signed"},
    "adopted": {"vi": "Ngày thông qua", "en": "Adopted"},
    "issuer": {"vi": "Cơ quan ban hành", "en": "Issued by"},
    "signer": {"vi": "Người ký", "en": "Signed by"},
    "title": {"vi": "Trích yếu", "en": "Title (English rendering)"},
    "title_vi": {"vi": "Trích yếu", "en": "Vietnamese title"},
    "in_force_from": {"vi": "Có hiệu lực từ", "en": "In force from"},
    "status": {"vi": "Trạng thái", "en": "Status"},
    "cited": {"vi": "Kế hoạch năm 2024 trích dẫn tại", "en": "Cited in the 2024 plan"},
    "sources": {"vi": "Nguồn", "en": "Sources"},
    "date": {"vi": "Ngày", "en": "Date"},
    "document": {"vi": "Văn bản", "en": "Document"},
}
PHRASES = {
    "plan_writes": {"vi": "Kế hoạch ghi: “{0}”", "en": "the plan writes “{0}”"},
    "task": {"vi": "Nhiệm vụ {0}", "en": "Task {0}"},
    "plan_basis": {
        "vi": "phần mở đầu, là văn bản Kế hoạch thực hiện",
        "en": "the opening paragraph, as the document the plan carries out",
    },
    "not_cited": {"vi": "Không trích dẫn", "en": "Not cited"},
    "issued_after": {"vi": "Không (ban hành sau Kế hoạch)", "en": "No (issued after the plan)"},
    "no_sources": {"vi": "Không tìm thấy nguồn công khai.", "en": "No public source was found."},
    "replaced_by": {"vi": "Đã được thay thế bởi {0} từ {1}", "en": "Replaced by {0} from {1}"},
    "followed_by": {
        "vi": "đã có {0} ({1}) cùng chủ đề, nhưng chưa thấy câu chữ nào nói văn bản đó thay thế văn bản này",
        "en": "{0} ({1}) now covers the same subject, but no wording saying that it replaces this document has been seen",
    },
    "follows_event": {
        "vi": "Việc văn bản này thay thế {0} chưa được kiểm chứng.",
        "en": "Whether it replaces {0} has not been verified.",
    },
    "regarded_replaced": {
        "vi": "Được coi là đã được thay thế bởi {0} từ {1}",
        "en": "Regarded as replaced by {0} from {1}",
    },
    "in_force_event": {"vi": "{0} có hiệu lực.", "en": "{0} comes into force."},
    "ends_event": {
        "vi": "{0} được coi là hết hiệu lực ({1}).",
        "en": "{0} is regarded as no longer in force ({1}).",
    },
    "ends_verified": {"vi": "{0} hết hiệu lực.", "en": "{0} is no longer in force."},
    "checks_intro": {
        "vi": "Những điểm sau chưa kiểm chứng được; trang không khẳng định chúng:",
        "en": "These points could not be verified, and this page does not assert them:",
    },
    "all_checked": {
        "vi": "Không điểm nào trong khung trên còn để ngỏ: mọi thông tin đều khớp với các nguồn dẫn kèm. "
        "Trước khi trích dẫn trong văn bản của cơ quan, hãy đối chiếu với bản chính thức.",
        "en": "Nothing in the box above is left open: every fact matches the sources listed with it. "
        "Check the official text before quoting it in an agency document.",
    },
    "field_unverified": {"vi": "{0}: {1}.", "en": "{0}: {1}."},
    "signer_unknown": {
        "vi": "Người ký: không nguồn nào đã xem nêu tên người ký văn bản, nên trang không ghi mục này.",
        "en": "Signer: no source consulted names who signed the document, so this page leaves that field out.",
    },
    "sources_intro": {"vi": "Các nguồn của dòng thời gian trên:", "en": "Sources of the timeline above:"},
    "see_plan": {"vi": "xem Kế hoạch", "en": "see the plan"},
    "source_word": {"vi": "nguồn", "en": "source"},
    "and": {"vi": "và", "en": "and"},
}
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
_MONTH_ONLY = re.compile(r"^(\d{4})-(\d{2})$")
_ASCII_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


# ---------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------


def raw_data() -> dict:
    return load(DATA_FILE)


@derived  # checked once per build, not for each of the hundreds of markers that list documents
def documents() -> list[dict]:
    data = raw_data()
    problems = validate(data)
    if problems:
        raise ValueError(f"{DATA_FILE}: " + "; ".join(problems))
    return data["documents"]


def events() -> list[dict]:
    return raw_data().get("events") or []


def document(doc_id: str) -> dict:
    for doc in documents():
        if doc["id"] == doc_id:
            return doc
    raise KeyError(f"no document '{doc_id}' in {DATA_FILE}")


def group_of(doc: dict) -> str:
    """Where the index lists a document: cited by the plan, current frame, or replaced."""
    if doc.get("cited_by_task") or doc.get("plan_basis"):
        return "cited"
    return "current" if doc["status"] == "in_force" else "replaced"


def validate(data: dict) -> list[str]:
    """Every problem in the data, as 'id: message' strings (empty when the data is sound)."""
    docs = data.get("documents") or []
    ids = [doc.get("id") for doc in docs]
    problems = [f"{doc_id}: id used twice" for doc_id in sorted({i for i in ids if ids.count(i) > 1})]
    for doc in docs:
        problems += [f"{doc.get('id', '?')}: {message}" for message in _document_problems(doc, set(ids), docs)]
    for event in data.get("events") or []:
        if not _is_date(event.get("date")) and not _MONTH_ONLY.match(str(event.get("date"))):
            problems.append(f"event {event.get('id', '?')}: date must be YYYY-MM-DD or YYYY-MM")
    return problems


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def bilingual(value: object) -> bool:
    """A ``{vi, en}`` text with both languages filled and nothing else (a stray key is a YAML slip)."""
    return isinstance(value, dict) and set(value) == {"vi", "en"} and all(str(v or "").strip() for v in value.values())


def _document_problems(doc: dict, ids: set, docs: list[dict]) -> list[str]:
    problems = []
    for key in ("id", "page"):
        if not _ASCII_ID.match(str(doc.get(key, ""))):
            problems.append(f"{key} must be lower-case ASCII words joined by hyphens")
    if doc.get("type") not in TYPES:
        problems.append(f"type must be one of {sorted(TYPES)}")
    if not str(doc.get("number") or "").strip():
        problems.append("number is missing")
    if not _is_date(doc.get("signed")):
        problems.append("signed must be an ISO date (YYYY-MM-DD)")
    for key in ("issuer", "title"):
        if not bilingual(doc.get(key)):
            problems.append(f"{key} needs vi and en text")
    status = doc.get("status")
    if status not in STATUSES:
        problems.append(f"status must be one of {sorted(STATUSES)}")
    if doc.get("signer_note") is not None and (doc.get("signer") or not bilingual(doc["signer_note"])):
        problems.append("signer_note needs vi and en text, and only when signer is null")
    unknown = set(doc.get("unverified") or []) - VERIFIABLE_FIELDS
    if unknown:
        problems.append(f"unverified names unknown fields {sorted(unknown)}")
    if doc.get("in_force_from") is not None and not _is_date(doc["in_force_from"]):
        problems.append("in_force_from must be an ISO date")
    problems += _replacement_problems(doc, ids)
    if (doc.get("followed_by") is not None) != (status == "uncertain"):
        problems.append("followed_by is given exactly when status is 'uncertain'")
    elif status == "uncertain" and doc["followed_by"] not in ids:
        problems.append(f"followed_by '{doc['followed_by']}' is not a document in the file")
    for source in doc.get("sources") or []:
        if not str(source.get("url", "")).startswith(("http://", "https://")) or not bilingual(source.get("label")):
            problems.append("every source needs an http(s) url and a vi/en label")
    return problems


def _replacement_problems(doc: dict, ids: set) -> list[str]:
    replaced = doc.get("status") == "replaced"
    has_link = doc.get("replaced_by") is not None
    if replaced != has_link:
        return ["replaced_by is given exactly when status is 'replaced'"]
    if not replaced:
        return []
    problems = []
    if doc["replaced_by"] not in ids:
        problems.append(f"replaced_by '{doc['replaced_by']}' is not a document in the file")
    if doc["replaced_by"] == doc.get("id"):
        problems.append("a document cannot replace itself")
    when = doc.get("replaced_from")
    if not _is_date(when):
        problems.append("replaced_from must be an ISO date")
    elif _is_date(doc.get("signed")) and when <= doc["signed"]:
        problems.append("replaced_from must come after the date signed")
    return problems


# ---------------------------------------------------------------------------
# Formatting
# ---------------------------------------------------------------------------


def format_date(value: object, language: str) -> str:
    """25/06/2015 in Vietnamese, 25 June 2015 in English; YYYY-MM gives the month only."""
    month_only = _MONTH_ONLY.match(str(value)) if not _is_date(value) else None
    if month_only:
        year, month = int(month_only.group(1)), int(month_only.group(2))
        return f"tháng {month}/{year}" if language == "vi" else f"{MONTHS_EN[month - 1]} {year}"
    if language == "vi":
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return f"{value.day} {MONTHS_EN[value.month - 1]} {value.year}"


def _sort_key(value: object) -> tuple[int, int, int]:
    if _is_date(value):
        return (value.year, value.month, value.day)
    year, month = _MONTH_ONLY.match(str(value)).groups()
    return (int(year), int(month), 32)  # a month-only date sorts after that month's days


def _time(value: object, language: str) -> str:
    iso = value.isoformat() if _is_date(value) else str(value)
    return f'<time datetime="{iso}">{format_date(value, language)}</time>'


def reference(doc: dict, language: str) -> str:
    """How a document is named in running text: 'Chỉ thị 47-CT/TW', 'Directive 47-CT/TW'."""
    return f"{TYPES[doc['type']][language]} {doc['number']}"


def link(doc: dict, language: str) -> str:
    return f"[{reference(doc, language)}]({doc['page']}.md)"


def _flag(doc: dict, field: str, language: str) -> str:
    if field not in (doc.get("unverified") or []):
        return ""
    words = AS_CITED if doc.get("details_from_plan") else NOT_VERIFIED
    return f' <span class="pccc-unverified">({words[language]})</span>'


def _not_verified_value(language: str) -> str:
    return f'<span class="pccc-unverified">{NOT_VERIFIED[language].capitalize()}</span>'


def status_text(doc: dict, language: str, with_note: bool = False) -> str:
    status = doc["status"]
    if status == "replaced":
        successor = document(doc["replaced_by"])
        when = format_date(doc["replaced_from"], language)
        if "replaced_by" in (doc.get("unverified") or []):
            line = PHRASES["regarded_replaced"][language].format(link(successor, language), when)
            line += f' <span class="pccc-unverified">({REPEAL_NOT_SEEN[language]})</span>'
        else:
            line = PHRASES["replaced_by"][language].format(link(successor, language), when)
    elif status == "unverified":
        line = _not_verified_value(language)
    elif status == "uncertain":
        later = document(doc["followed_by"])
        words = PHRASES["followed_by"][language].format(link(later, language), format_date(later["signed"], language))
        line = f'<span class="pccc-unverified">{STATUSES[status][language]}</span>: {words}'
    else:
        line = STATUSES[status][language] + _flag(doc, "status", language)
    if with_note and doc.get("status_note"):
        line += f"<br>{text(doc['status_note'], language)}"
    return line


def _signer(doc: dict, language: str) -> str:
    signer = doc["signer"]
    role = signer.get("role")
    return f"{signer['name']}, {text(role, language)}" if role else signer["name"]


def _citation(doc: dict, language: str) -> str:
    parts = [
        f"[{PHRASES['task'][language].format(n)}]({PLAN_PAGE}#nhiem-vu-{n})" for n in doc.get("cited_by_task") or []
    ]
    if doc.get("plan_basis"):
        words = PHRASES["plan_basis"][language]
        if not parts:  # it opens the row
            words = words[0].upper() + words[1:]
        parts.append(f"[{words}]({PLAN_PAGE}#thong-tin)")
    if parts:
        return ", ".join(parts)
    return PHRASES["issued_after" if doc["signed"] > PLAN_MONTH_END else "not_cited"][language]


def _source_items(sources: list[dict], language: str) -> list[str]:
    """Each source linked, with its kind from the register (an unregistered address stops the build)."""
    return [f"[{text(s['label'], language)}]({s['url']}) ({_kind(s['url'], language)})" for s in sources]


def _kind(url: str, language: str) -> str:
    try:
        return kind_label(url, language)
    except KeyError:
        raise ValueError(f"{url} is not in the source register (docs/_data/sources.yml); add it with its kind") from None


# ---------------------------------------------------------------------------
# Markers
# ---------------------------------------------------------------------------


def _definition(label: str, value: str) -> str:
    return f"{label}\n:   {value}\n"


def render_facts(doc_id: str, language: str) -> str:
    doc = document(doc_id)
    kind = doc["type"]
    type_value = f"[{TYPES[kind][language]}]({GLOSSARY}#{kind})"
    if language != "vi":
        type_value += f" ({TYPES[kind]['vi']})"
    number = doc["number"] + _flag(doc, "number", language)
    if doc.get("number_in_plan"):
        number += f" ({PHRASES['plan_writes'][language].format(doc['number_in_plan'])})"
    date_label = LABELS["adopted" if kind in ADOPTED_TYPES else "signed"][language]
    rows = [
        _definition(LABELS["number"][language], number),
        _definition(LABELS["type"][language], type_value),
        _definition(date_label, format_date(doc["signed"], language) + _flag(doc, "signed", language)),
        _definition(LABELS["issuer"][language], text(doc["issuer"], language) + _flag(doc, "issuer", language)),
        _definition(LABELS["title"][language], text(doc["title"], language) + _flag(doc, "title", language)),
    ]
    if doc.get("signer"):  # an unverified signer is left out; the checks list below says why
        rows.insert(4, _definition(LABELS["signer"][language], _signer(doc, language)))
    if language != "vi":
        rows.append(_definition(LABELS["title_vi"][language], f"*{doc['title']['vi']}*"))
    if doc.get("in_force_from"):
        value = format_date(doc["in_force_from"], language) + _flag(doc, "in_force_from", language)
        rows.append(_definition(LABELS["in_force_from"][language], value))
    rows.append(_definition(LABELS["status"][language], status_text(doc, language, with_note=True)))
    rows.append(_definition(LABELS["cited"][language], _citation(doc, language)))
    sources = _source_items(doc.get("sources") or [], language)
    sources_value = "\n".join(f"    - {item}" for item in sources).lstrip() if sources else PHRASES["no_sources"][language]
    rows.append(_definition(LABELS["sources"][language], sources_value))
    return f'<div class="pccc-facts" markdown>\n\n{"".join(row + chr(10) for row in rows)}</div>\n'


def render_checks(doc_id: str, language: str) -> str:
    doc = document(doc_id)
    flagged = doc.get("unverified") or []
    points = [_unverified_point(doc, field, language) for field in CHECK_ORDER if field in flagged]
    if not doc.get("signer"):
        note = doc.get("signer_note")
        points.append(text(note, language) if note else PHRASES["signer_unknown"][language])
    points += [text(point, language) for point in doc.get("open_points") or []]
    official = "\n" + render_official_text(doc, language)  # every document page shows where to find the text
    if not points:
        return PHRASES["all_checked"][language] + "\n" + official
    items = "\n".join(f"- {point}" for point in points)
    return f'<div class="pccc-checks" markdown>\n\n{PHRASES["checks_intro"][language]}\n\n{items}\n\n</div>\n' + official


# Where each kind of document is published, as ids of the source register (home pages only:
# no deep link is ever guessed). Provincial documents are not on these national portals.
OFFICIAL_PORTALS = {
    "party": ("cong-tulieuvankien",),
    "assembly": ("cong-vbpl", "cong-quochoi", "cong-congbao"),
    "government": ("cong-vbpl", "cong-vanban-chinhphu", "cong-congbao"),
    "province": (),
}
OFFICIAL_WORDS = {
    "title": {"vi": "Tìm văn bản chính thức", "en": "Finding the official text"},
    "search": {
        "vi": "Tìm theo số và ký hiệu **{0}** (gõ “{1}”).",
        "en": "Search for the number and symbol **{0}** (type “{1}”).",
    },
    "where": {
        "party": {"vi": "Văn bản của Đảng ở trung ương được đăng tại:", "en": "Central Party documents are published at:"},
        "assembly": {
            "vi": "Luật và nghị quyết của Quốc hội được đăng tại:",
            "en": "Laws and resolutions of the National Assembly are published at:",
        },
        "government": {
            "vi": "Văn bản của Chính phủ và Thủ tướng Chính phủ được đăng tại:",
            "en": "Documents of the Government and the Prime Minister are published at:",
        },
        "province": {
            "vi": "Đây là văn bản của tỉnh, và trang chưa tìm thấy nó ở nguồn công khai nào. "
            "Hãy hỏi cơ quan ban hành hoặc bộ phận văn thư của cơ quan mình để xem bản chính.",
            "en": "This is a provincial document, and it was not found in any public source. "
            "Ask the issuing body, or your agency's records office, for the original.",
        },
    },
    "home_only": {
        "vi": "Mỗi liên kết mở trang chủ của cổng; hãy dùng ô tìm kiếm của cổng để mở văn bản.",
        "en": "Each link opens the portal's home page; use the portal's own search box to open the document.",
    },
}


def publisher(doc: dict) -> str:
    """Which official portals publish a document: party, assembly, government or province."""
    number = doc["number"]
    if number.endswith("/TW"):
        return "party"
    if "/QH" in number:
        return "assembly"
    if number.endswith(("NĐ-CP", "TTg")):
        return "government"
    return "province"


def render_official_text(doc: dict, language: str) -> str:
    kind = publisher(doc)
    register = all_sources()
    lines = [
        f"**{OFFICIAL_WORDS['title'][language]}.** "
        + OFFICIAL_WORDS["search"][language].format(doc["number"], reference(doc, "vi")),
        "",
        OFFICIAL_WORDS["where"][kind][language],
    ]
    portals = [register[source_id] for source_id in OFFICIAL_PORTALS[kind]]
    if portals:
        lines.append("")
        lines += [f"- [{text(p.title, language)}]({p.url}) ({kind_label(p.url, language)})" for p in portals]
        lines += ["", OFFICIAL_WORDS["home_only"][language]]
    return '<div class="pccc-official" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def _unverified_point(doc: dict, field: str, language: str) -> str:
    if field == "replaced_by":
        return PHRASES["field_unverified"][language].format(LABELS["status"][language], REPEAL_NOT_SEEN[language])
    label = LABELS["title_vi" if field == "title" else field][language]
    words = AS_CITED if doc.get("details_from_plan") else NOT_VERIFIED
    return PHRASES["field_unverified"][language].format(label, words[language])


def render_table(_argument: str, language: str) -> str:
    header = (LABELS["date"], LABELS["document"], LABELS["status"])
    lines = ["| " + " | ".join(label[language] for label in header) + " |", "|---|---|---|"]
    for doc in sorted(documents(), key=lambda d: _sort_key(d["signed"])):
        cells = (
            format_date(doc["signed"], language) + _flag(doc, "signed", language),
            f"{link(doc, language)}<br>{text(doc['issuer'], language)}",
            status_text(doc, language),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return '<div class="pccc-documents" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def render_list(group: str, language: str) -> str:
    if group not in GROUPS:
        raise ValueError(f"group must be one of {', '.join(GROUPS)}")
    items = []
    for doc in sorted(documents(), key=lambda d: _sort_key(d["signed"])):
        if group_of(doc) == group:
            date = format_date(doc["signed"], language) + _flag(doc, "signed", language)
            items.append(f"- **{link(doc, language)}** ({date}), {text(doc['issuer'], language)}: {text(doc['title'], language)}")
    return "\n".join(items) + "\n"


@dataclass(frozen=True)
class TimelineItem:
    when: object  # a date, or "YYYY-MM"
    body: str
    sources: tuple = ()
    cite_inline: bool = True  # a document's sources are on its own page instead


def _timeline_items(start: dt.date, language: str) -> list[TimelineItem]:
    docs = documents()
    items = [item for doc in docs for item in _document_items(doc, docs, start, language)]
    for event in events():
        if _sort_key(event["date"]) >= _sort_key(start):
            body = text(event["text"], language)
            if event.get("page"):
                body += f" ([{PHRASES['see_plan'][language]}](../{event['page']}))"
            items.append(TimelineItem(event["date"], body, tuple(event.get("sources") or ())))
    return sorted(items, key=lambda item: _sort_key(item.when))


def _document_items(doc: dict, docs: list[dict], start: dt.date, language: str) -> list[TimelineItem]:
    items = []
    if doc["signed"] >= start:
        body = (
            f"**{link(doc, language)}**{_flag(doc, 'signed', language)}, "
            f"{text(doc['issuer'], language)}: {text(doc['title'], language)}."
        )
        body += _ends(doc, docs, doc["signed"], language)
        items.append(TimelineItem(doc["signed"], body, tuple(doc.get("sources") or ()), cite_inline=False))
    when = doc.get("in_force_from")
    if when and when >= start and when != doc["signed"]:
        body = PHRASES["in_force_event"][language].format(f"**{link(doc, language)}**")
        body += _flag(doc, "in_force_from", language) + _ends(doc, docs, when, language)
        items.append(TimelineItem(when, body))
    return items


def _ends(successor: dict, docs: list[dict], when: dt.date, language: str) -> str:
    """The documents that ``successor`` replaces on ``when``, said with the care their data asks for."""
    ends = ""
    for old in docs:
        if old.get("replaced_by") == successor["id"] and old.get("replaced_from") == when:
            if "replaced_by" in (old.get("unverified") or []):
                ends += " " + PHRASES["ends_event"][language].format(link(old, language), REPEAL_NOT_SEEN[language])
            else:
                ends += " " + PHRASES["ends_verified"][language].format(link(old, language))
    followed = [link(old, language) for old in docs if old.get("followed_by") == successor["id"] and when == successor["signed"]]
    if followed:
        ends += " " + PHRASES["follows_event"][language].format(f" {PHRASES['and'][language]} ".join(followed))
    return ends


def _start(argument: str) -> dt.date:
    return dt.date.fromisoformat(argument) if argument else TIMELINE_START


def render_timeline(argument: str, language: str) -> str:
    lines = []
    for item in _timeline_items(_start(argument), language):
        cited = ""
        if item.sources and item.cite_inline:
            links = ", ".join(_source_items(list(item.sources), language))
            cited = f" ({PHRASES['source_word'][language]}: {links})"
        lines.append(f"1. {_time(item.when, language)} {item.body}{cited}")
    return '<div class="pccc-timeline" markdown>\n\n' + "\n".join(lines) + "\n\n</div>\n"


def render_timeline_sources(argument: str, language: str) -> str:
    seen, lines = set(), []
    for item in _timeline_items(_start(argument), language):
        for source in item.sources:
            if source["url"] not in seen:
                seen.add(source["url"])
                lines.append(f"- [{text(source['label'], language)}]({source['url']}) ({_kind(source['url'], language)})")
    return f"{PHRASES['sources_intro'][language]}\n\n" + "\n".join(lines) + "\n"
