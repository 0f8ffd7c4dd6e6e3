"""The 2024 plan as data: four tasks with stable anchors, a matrix and one page per role, all agreeing."""

from __future__ import annotations

import copy
import re

import pytest

from pccc_site import plan
from pccc_site.data import load, text
from pccc_site.pages import DOCS, front_matter, h2_headings
from test_legal import LANGUAGES, block, built, page_url, plain, section, table_rows

TASKS = plan.tasks()
ROLES = plan.roles()
ROLE_IDS = [role["id"] for role in ROLES]


# ---------------------------------------------------------------------------
# The data
# ---------------------------------------------------------------------------


def test_the_plan_has_four_tasks_with_stable_anchors_all_ongoing():
    assert [(t["number"], t["anchor"], t["timing"]) for t in TASKS] == [
        (n, f"nhiem-vu-{n}", "ongoing") for n in range(1, 5)
    ]


def test_the_assignments_are_those_the_plan_text_gives():
    # Part II of the plan: "Phân công thực hiện" under each task.
    assert {t["number"]: {a["role"]: a["part"] for a in t["assignments"]} for t in TASKS} == {
        1: {"van-phong-so": "lead"},
        2: {"van-phong-so": "lead", "to-tu-quan-pccc": "support"},
        3: {"to-tu-quan-pccc": "does"},
        # "+ Phân công thực hiện: Trưởng các phòng, đơn vị thuộc Sở": the heads alone (issue 10);
        # what the task's text asks of every staff member is marked as inferred, not assigned.
        4: {"truong-phong-don-vi": "does", "can-bo-cong-chuc": "inferred"},
    }


def test_the_roles_are_the_four_the_plan_names():
    assert ROLE_IDS == ["van-phong-so", "to-tu-quan-pccc", "truong-phong-don-vi", "can-bo-cong-chuc"]


def test_reports_go_from_the_heads_to_the_office_and_on_as_the_rules_require():
    flow = [(step["from"], step["to"]) for step in load(plan.DATA_FILE)["reporting"]]
    assert flow == [("truong-phong-don-vi", "van-phong-so"), ("van-phong-so", None)]


def test_the_data_is_valid():
    assert plan.validate(load(plan.DATA_FILE)) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d["tasks"][2]["assignments"][0].update(role="giam-doc"), "unknown role 'giam-doc'"),
        (lambda d: d["tasks"][0]["assignments"][0].update(part="owns"), "part must be one of"),
        (lambda d: d["tasks"][3].update(anchor="task-4"), "anchors nhiem-vu-1"),
        (lambda d: d["tasks"][1].update(timing="weekly"), "timing 'weekly' is not under 'timings'"),
        (lambda d: d["roles"][2]["short"].update({"đơn vị": None}), "name and short need vi and en text"),
        (lambda d: d["reporting"][0].update(to="lanh-dao-so"), "unknown role 'lanh-dao-so'"),
    ],
)
def test_the_validator_catches_bad_data(change, expected):
    data = copy.deepcopy(load(plan.DATA_FILE))
    change(data)
    problems = plan.validate(data)
    assert any(expected in problem for problem in problems), problems


# ---------------------------------------------------------------------------
# Source pages
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
def test_every_role_has_its_page_in_both_languages_with_the_standard_sections(role):
    expected = [anchor for anchor, _ in plan.ROLE_SECTIONS]
    for suffix in (".md", ".en.md"):
        path = DOCS / "ke-hoach" / f"{role['page']}{suffix}"
        assert path.exists(), f"create {path.relative_to(DOCS)}"
        meta = front_matter(path)
        assert (meta.get("kind"), meta.get("role")) == ("role", role["id"]), path.name
        assert [anchor for _, anchor in h2_headings(path)] == expected, path.name
        source = path.read_text(encoding="utf-8")
        assert set(re.findall(r"<!-- pccc:role-[a-z]+ (\S+) -->", source)) == {role["id"]}, path.name


def test_every_role_page_belongs_to_a_role_in_the_data():
    for path in sorted((DOCS / "ke-hoach").glob("*.md")):
        meta = front_matter(path)
        if meta.get("kind") == "role" or "role" in meta:
            assert meta.get("kind") == "role" and meta.get("role") in ROLE_IDS, path.name
            assert path.name.split(".")[0] == plan.role(meta["role"])["page"], path.name


# ---------------------------------------------------------------------------
# What a reader sees
# ---------------------------------------------------------------------------


def plan_page(site, language: str) -> str:
    return built(site, page_url("ke-hoach", "ke-hoach-2024", language))


def role_page(site, role: dict, language: str) -> str:
    return built(site, page_url("ke-hoach", role["page"], language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_task_has_its_anchor_on_the_plan_page_with_its_title_and_timing(site, language):
    tasks_html = section(plan_page(site, language), "nhiem-vu")
    headings = re.findall(r'<h3 id="([^"]+)">(.*?)</h3>', tasks_html, re.DOTALL)
    assert [anchor for anchor, _ in headings] == [task["anchor"] for task in TASKS]
    for (_, heading), task in zip(headings, TASKS):
        assert text(task["title"], language) in plain(heading)
    blocks = re.split(r"<h3 ", tasks_html)[1:]
    for task_html, task in zip(blocks, TASKS):
        timing = text(load(plan.DATA_FILE)["timings"][task["timing"]], language)
        assert f"{plan.WORDS['timing'][language]}: {timing}" in plain(task_html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_matrix_has_one_row_per_task_and_one_column_per_role(site, language):
    rows = table_rows(block(plan_page(site, language), "pccc-matrix"))
    header, body = rows[0], rows[1:]
    assert [plain(cell) for cell in header[1:]] == [text(role["short"], language) for role in ROLES]
    assert [f'href="../{role["page"]}/"' in cell for cell, role in zip(header[1:], ROLES)] == [True] * len(ROLES)
    assert len(body) == len(TASKS)
    parts = load(plan.DATA_FILE)["parts"]
    for row, task in zip(body, TASKS):
        assert f'href="#{task["anchor"]}"' in row[0] or f'href="./#{task["anchor"]}"' in row[0]
        assert len(row) == 1 + len(ROLES)
        for cell, role in zip(row[1:], ROLES):
            part = plan.part_of(task, role["id"])
            expected = text(parts[part], language) if part else plan.WORDS["not_assigned"][language]
            assert plain(cell).endswith(expected), (task["number"], role["id"], plain(cell))


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_role_page_shows_exactly_the_tasks_assigned_to_that_role(site, role, language):
    mine = section(role_page(site, role, language), "viec-cua-toi")
    shown = re.findall(r'<h3 id="(nhiem-vu-\d)">', mine)
    assert shown == [task["anchor"] for task, _ in plan.tasks_of(role["id"])]
    for task, assignment in plan.tasks_of(role["id"]):
        part = text(load(plan.DATA_FILE)["parts"][assignment["part"]], language)
        assert part in plain(mine)


@pytest.mark.parametrize("role", ROLES, ids=ROLE_IDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_role_s_checklist_has_one_box_per_duty_the_plan_gives_it(site, role, language):
    checklist = section(role_page(site, role, language), "danh-sach")
    duties = [duty for _, assignment in plan.tasks_of(role["id"]) for duty in assignment["duties"]]
    duties += [duty for entry in load(plan.DATA_FILE)["organisation"] if entry["role"] == role["id"] for duty in entry["duties"]]
    # each box is named by its duty: the <label> around it holds the duty's text
    labels = re.findall(r'<li class="task-list-item"><label><input type="checkbox">(.*?)</label>', checklist, re.DOTALL)
    assert [plain(label) for label in labels] == [text(duty, language) for duty in duties]
    assert checklist.count('type="checkbox"') == len(duties)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_reporting_flow_runs_from_the_heads_to_the_office_and_onwards(site, language):
    steps = re.findall(r"<li>(.*?)</li>", block(plan_page(site, language), "pccc-flow"), re.DOTALL)
    heads, office = plan.role("truong-phong-don-vi"), plan.role("van-phong-so")
    assert len(steps) == 2
    assert plain(steps[0]).startswith(f"{text(heads['name'], language)} → {text(office['name'], language)}")
    assert plain(steps[1]).startswith(f"{text(office['name'], language)} → {plan.WORDS['as_rules_require'][language]}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_page_shows_every_recipient_and_the_signer(site, language):
    page = plan_page(site, language)
    recipients = plain(section(page, "noi-nhan"))
    for recipient in load(plan.DATA_FILE)["recipients"]:
        assert f"“{recipient['as_written']}”" in recipients
    assert "Phạm Dương Tuyền" in plain(section(page, "thong-tin"))
    assert "KT. GIÁM ĐỐC" in plain(section(page, "thong-tin"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_section_page_links_each_task_and_each_role(site, language):
    page = built(site, "ke-hoach/" if language == "vi" else "en/ke-hoach/")
    tasks_html = section(page, "nhiem-vu")
    for task in TASKS:
        assert f'href="ke-hoach-2024/#{task["anchor"]}"' in tasks_html
    roles_html = section(page, "trach-nhiem-cua-toi")
    for role in ROLES:
        assert f'href="{role["page"]}/"' in roles_html
