"""Accent folding and the per-language split of Material's search index."""

from pccc_site.search_index import fold_accents, folded_words, split_index


def test_folding_removes_vietnamese_diacritics():
    assert fold_accents("Thoát nạn") == "thoat nan"
    assert fold_accents("BÌNH CHỮA CHÁY") == "binh chua chay"
    assert fold_accents("cứu hộ") == "cuu ho"


def test_folding_turns_d_with_stroke_into_d():
    assert fold_accents("Đội PCCC đến") == "doi pccc den"


def test_folding_accepts_decomposed_input():
    assert fold_accents("thoa\u0301t na\u0323n") == "thoat nan"


def test_split_puts_each_entry_in_its_language_with_a_folded_field():
    merged = {
        "config": {"lang": ["vi", "en"], "fields": {"title": {"boost": 1000}}},
        "docs": [
            {"location": "ky-nang/", "title": "Kỹ năng", "text": "Thoát nạn"},
            {"location": "en/ky-nang/", "title": "Skills", "text": "Escape"},
        ],
    }
    result = split_index(merged, ["vi", "en"], "vi")
    assert [d["location"] for d in result["vi"]["docs"]] == ["ky-nang/"]
    assert result["vi"]["docs"][0]["folded"] == "ky nang thoat nan"
    assert result["vi"]["config"]["fields"]["folded"] == {"boost": 1}
    assert [d["location"] for d in result["en"]["docs"]] == ["ky-nang/"]
    assert "folded" not in result["en"]["docs"][0]
    assert result["en"]["config"]["lang"] == ["en"]


def test_the_folded_field_holds_only_accented_words_without_markup():
    text = "<p>Gọi <strong>114</strong> khi thoát nạn; PCCC và CNCH</p>"
    assert folded_words(text) == "goi thoat nan; va"


def test_each_folded_word_appears_once_per_entry():
    assert folded_words("Cháy nhà cháy rừng, cháy chợ") == "chay nha rung, cho"


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
    assert "javascript" not in result["vi"]["docs"][1]["folded"]
