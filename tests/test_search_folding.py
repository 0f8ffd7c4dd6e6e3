"""Accent folding and the per-language split of Material's search index."""

from pccc_site.search_index import fold_accents, page_boost, split_index


def test_folding_removes_vietnamese_diacritics():
    assert fold_accents("Thoát nạn") == "thoat nan"
    assert fold_accents("BÌNH CHỮA CHÁY") == "binh chua chay"
    assert fold_accents("cứu hộ") == "cuu ho"


def test_folding_turns_d_with_stroke_into_d():
    assert fold_accents("Đội PCCC đến") == "doi pccc den"


def test_folding_accepts_decomposed_input():
    assert fold_accents("thoa\u0301t na\u0323n") == "thoat nan"


def test_split_puts_each_entry_in_its_language_without_a_second_copy_of_the_text():
    merged = {
        "config": {"lang": ["vi", "en"], "fields": {"title": {"boost": 1000}, "text": {"boost": 1}}},
        "docs": [
            {"location": "ky-nang/", "title": "Kỹ năng", "text": "Thoát nạn"},
            {"location": "en/ky-nang/", "title": "Skills", "text": "Escape"},
        ],
    }
    result = split_index(merged, ["vi", "en"], "vi")
    assert [d["location"] for d in result["vi"]["docs"]] == ["ky-nang/"]
    # lunr's language: Material's worker loads overrides/…/lunr/min/lunr.<lang>.min.js for each
    assert result["vi"]["config"]["lang"] == ["vi"] and result["en"]["config"]["lang"] == ["en-stem"]
    assert [d["location"] for d in result["en"]["docs"]] == ["ky-nang/"]
    # accents are folded by lunr in the browser (overrides/…/lunr.vi.min.js), not by a field of the index
    for language in ("vi", "en"):
        assert set(result[language]["config"]["fields"]) == {"title", "text"}
        assert all(set(doc) <= {"location", "title", "text", "boost"} for doc in result[language]["docs"])


def test_code_listings_and_the_list_of_sources_of_a_documents_facts_stay_out():
    merged = {
        "config": {"lang": ["vi", "en"]},
        "docs": [
            {"location": "bao-tri/#xuat-ban", "title": "Xuất bản", "text": "<p>Chạy lệnh:</p> <pre><code>make build\n</code></pre> <p>Rồi chép <code>site/</code>.</p>"},
            {"location": "phap-ly/luat/#thong-tin", "title": "Thông tin văn bản",
             "text": "Số, ký hiệu 55/2024/QH15 Trạng thái Còn hiệu lực Nguồn <ul> <li>VnEconomy: điểm mới (báo chí)</li> </ul>"},
            {"location": "en/phap-ly/luat/#thong-tin", "title": "Key facts",
             "text": "Number 55/2024/QH15 Status In force Sources <ul> <li>VnEconomy: new points (press)</li> </ul>"},
        ],
    }
    result = split_index(merged, ["vi", "en"], "vi")
    assert [d["text"] for d in result["vi"]["docs"]] == [
        "<p>Chạy lệnh:</p> <p>Rồi chép <code>site/</code>.</p>",
        "Số, ký hiệu 55/2024/QH15 Trạng thái Còn hiệu lực",
    ]
    assert [d["text"] for d in result["en"]["docs"]] == ["Number 55/2024/QH15 Status In force"]


def test_sections_under_generic_headings_and_quiz_interface_text_stay_out_of_the_index():
    merged = {
        "config": {"lang": ["vi", "en"]},
        "docs": [
            {"location": "ky-nang/thoat-nan/", "title": "Thoát nạn", "text": "<p>Bò thấp dưới khói.</p>"},
            {"location": "ky-nang/thoat-nan/#nguon", "title": "Nguồn", "text": "<p>Hướng dẫn của cơ quan chức năng.</p>"},
            {"location": "en/ky-nang/thoat-nan/#nguon", "title": "Sources", "text": "<p>Official guidance.</p>"},
            {"location": "trac-nghiem/x/", "title": "Bộ câu hỏi", "text": "<p>Tám câu hỏi.</p> <p>JavaScript đang tắt: bạn vẫn đọc được câu hỏi và mở phần đáp án của từng câu.</p> <p></p> Làm lại In kết quả tự kiểm tra"},
        ],
    }
    result = split_index(merged, ["vi", "en"], "vi")
    assert [d["location"] for d in result["vi"]["docs"]] == ["ky-nang/thoat-nan/", "trac-nghiem/x/"]
    assert result["en"]["docs"] == []
    assert result["vi"]["docs"][1]["text"] == "<p>Tám câu hỏi.</p>"


def test_lessons_count_more_and_pages_that_point_to_them_less_except_their_own_entry():
    assert page_boost("ky-nang/thoat-nan-toa-nha/") > page_boost("phap-ly/luat-55-2024-qh15/") == 1.0
    assert page_boost("ky-nang/thoat-nan-toa-nha/#khoi") == page_boost("ky-nang/thoat-nan-toa-nha/")
    for pointer in ("", "ky-nang/#bai-hoc", "thuat-ngu/#thang-may", "ke-hoach/vai-tro-can-bo-cong-chuc/#danh-sach",
                    "ky-nang/phieu-tu-kiem-tra/#dien", "tap-huan/bo-cong-cu-cuoc-hop/#cach-dung"):
        assert page_boost(pointer) < 1.0, pointer
    for own_entry in ("ky-nang/", "trac-nghiem/", "thuat-ngu/", "ke-hoach/vai-tro-can-bo-cong-chuc/", "ky-nang/phieu-tu-kiem-tra/"):
        assert page_boost(own_entry) == 1.0, own_entry
