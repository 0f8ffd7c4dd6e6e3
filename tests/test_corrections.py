"""The nine corrections of issue 10, each checked where it could come back: pages, data and quizzes."""

from __future__ import annotations

import re

import pytest

from pccc_site import plan
from pccc_site.renderers import expand
from pccc_site.pages import DOCS
from test_legal import LANGUAGES, built, page_url, plain, section

ROOT = DOCS.parent
TEXT_FILES = sorted(
    [p for p in DOCS.rglob("*.md")] + [p for p in (DOCS / "_data").rglob("*.yml")] + sorted((ROOT / "quizzes").glob("*.yml"))
)


def _files_containing(pattern: str) -> list[str]:
    regex = re.compile(pattern, re.IGNORECASE)
    return [p.relative_to(ROOT).as_posix() for p in TEXT_FILES if regex.search(p.read_text(encoding="utf-8"))]


# 1. Chỉ thị 47-CT/TW: the right date, never the misreported ones ----------------


def test_the_misreported_dates_of_chi_thi_47_are_printed_nowhere():
    assert _files_containing(r"25/0?5/2015|25/0?6/2016|25 May 2015|25 June 2016") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chi_thi_47_page_states_the_right_date_and_that_copies_differ(site, language):
    checks = plain(section(built(site, page_url("phap-ly", "chi-thi-47-ct-tw", language)), "nguon"))
    assert ("25/06/2015" if language == "vi" else "25 June 2015") in checks
    assert ("bản sao" if language == "vi" else "copies") in checks


# 2. Nghị định 83/2017/NĐ-CP: a status, and the present tense on the current law ----


def test_decree_83_is_never_cited_in_the_present_tense_as_the_basis_of_114():
    assert _files_containing(r"Theo Điều 5 Nghị định 83|Under Article 5 of Decree 83|theo Điều 5 Nghị định 83") == []
    assert _files_containing(r"follows Article 5 of Decree 83") == []


@pytest.mark.parametrize("slug", ["cuu-nan-cuu-ho", "so-dien-thoai-khan-cap"])
def test_every_skills_mention_of_decree_83_gives_its_status_and_the_current_law(slug):
    for suffix in (".md", ".en.md"):
        for line in (DOCS / "ky-nang" / f"{slug}{suffix}").read_text(encoding="utf-8").splitlines():
            if "83/2017" in line:
                assert "55/2024/QH15" in line and "105/2025/NĐ-CP" in line, line
                assert re.search(r"được coi là đã được thay thế|regarded as replaced", line), line


# 4. CO2 distance: the difference is stated, and the label decides ------------------


@pytest.mark.parametrize("suffix, words", [(".md", ("0,5 m", "nhãn")), (".en.md", ("0.5 m", "label"))])
def test_the_co2_distance_difference_is_in_the_differences_box_with_follow_the_label(suffix, words):
    text = (DOCS / "ky-nang" / f"binh-chua-chay{suffix}").read_text(encoding="utf-8")
    box = text.split('!!! info "', 1)[1].split("\n\n##", 1)[0]
    assert all(word in box for word in words) and "1,8–6 m" in box.replace("1.8–6 m", "1,8–6 m")


# 5. Lift entrapment and smoke inhalation ----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_lift_section_says_press_the_alarm_and_do_not_prise_the_doors(site, language):
    text = plain(section(built(site, page_url("ky-nang", "cuu-nan-cuu-ho", language)), "mac-ket-thang-may"))
    if language == "vi":
        assert "Nhấn nút gọi cứu hộ" in text and "Không tự cạy" in text
    else:
        assert "Press the lift's alarm button" in text and "Do not prise or force the lift doors open" in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_smoke_inhalation_first_moves_the_person_to_fresh_air_if_safe(site, language):
    items = re.findall(r"<li>(.*?)</li>", section(built(site, page_url("ky-nang", "so-cuu", language)), "ngat-khoi"), re.S)
    first = plain(items[0])
    if language == "vi":
        assert first.startswith("Nếu an toàn, đưa người hít phải khói ra khỏi vùng khói, tới chỗ thoáng khí")
    else:
        assert first.startswith("If it is safe, move the person who breathed in smoke out of the smoke and into fresh air")


# 6. The plan's task 4 is the heads' alone --------------------------------------------


def test_task_4_is_assigned_to_the_heads_alone_and_the_staff_part_is_inferred():
    task = plan.tasks()[3]
    assigned = {a["role"] for a in task["assignments"] if a["part"] != plan.INFERRED}
    assert assigned == {"truong-phong-don-vi"}
    assert "Phân công thực hiện: Trưởng các phòng, đơn vị thuộc Sở." in _seed_plan()
    matrix = expand("<!-- pccc:responsibility-matrix -->", "vi", "ke-hoach-2024.md")
    row = next(line for line in matrix.splitlines() if "#nhiem-vu-4" in line)
    assert "**Chủ trì**" not in row and "*Suy ra từ nội dung, không được phân công*" in row


def _seed_plan() -> str:
    path = ROOT.parent / "shared" / "seed" / "ke-hoach-pccc-2024.txt"
    if not path.exists():
        pytest.skip("the plan text (../shared/seed) is not beside this checkout")
    return " ".join(path.read_text(encoding="utf-8").split())


# 7. The plan's number line is flagged ------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_plan_number_line_is_flagged_as_a_report_symbol(language):
    facts = expand("<!-- pccc:plan-facts -->", language, "ke-hoach-2024.md")
    assert "“Số: /BC-SNgV”" in facts
    assert "“BC”" in facts and "“KH”" in facts


# 8. The single national fire number predates 2013 ------------------------------------


def test_no_page_or_question_says_the_2013_law_created_the_national_fire_number():
    assert _files_containing(r"became the single national number|trở thành số điện thoại thống nhất toàn quốc") == []
    assert _files_containing(r"the number was set by this 2013|số này được quy định bởi Luật sửa đổi năm 2013") == []


@pytest.mark.parametrize("suffix, words", [(".md", "Luật năm 2001"), (".en.md", "2001 law")])
def test_the_2013_law_page_credits_the_2001_law_with_the_single_number(suffix, words):
    text = (DOCS / "phap-ly" / f"luat-40-2013-qh13{suffix}").read_text(encoding="utf-8")
    assert words in text and "114" in text


# 9. Natural English for "từ sớm, từ xa" -------------------------------------------------


def test_the_word_for_word_calque_is_gone_from_every_english_text():
    assert _files_containing(r"from afar|from early and") == []


# The signer: shown where verified, otherwise left out with one sentence ----------------


def test_the_2024_law_page_shows_no_unverified_signer_field(site):
    for language in LANGUAGES:
        page_html = built(site, page_url("phap-ly", "luat-55-2024-qh15", language))
        facts = page_html.split('class="pccc-facts"', 1)[1].split("</div>", 1)[0]
        assert ("Người ký" if language == "vi" else "Signed by") not in facts
        checks = plain(page_html.split('class="pccc-checks"', 1)[1].split("</div>", 1)[0])
        assert ("Người ký:" if language == "vi" else "Signer:") in checks


def test_the_quiz_on_chi_thi_47_keeps_its_id_and_offers_no_misreported_date():
    text = (ROOT / "quizzes" / "van-ban-trich-dan.yml").read_text(encoding="utf-8")
    assert "id: vb-ct47-ngay-ky" in text
    assert not re.search(r"25/0?5/2015|25/0?6/2016", text)


@pytest.mark.parametrize("suffix, words", [(".md", ("Tham khảo", "chỉ ghi văn bản pháp luật Việt Nam")), (".en.md", ("For reference", "names only Vietnamese legal texts"))])
def test_the_checklist_page_explains_the_legal_basis_column_and_the_reference_line(suffix, words):
    text = (DOCS / "ky-nang" / f"phieu-tu-kiem-tra{suffix}").read_text(encoding="utf-8")
    assert all(word in text for word in words)
    assert "Items whose basis is a foreign source" not in text and "căn cứ là nguồn nước ngoài" not in text


def test_no_question_or_page_presents_foreign_advice_as_the_checklist_s_legal_basis():
    assert _files_containing(r"Căn cứ[^\n]{0,60}OSHA|Basis column[^\n]{0,60}OSHA") == []
