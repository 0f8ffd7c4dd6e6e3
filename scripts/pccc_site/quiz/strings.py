"""The quiz page's interface text, per language.

The page carries these strings (``data-strings``), so quiz.js holds no text
of its own. ``{name}`` placeholders are filled in by the renderer or the script.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "vi": {
        "question": "Câu {n}.",
        "meta": "{asked} câu · khoảng {minutes} phút · đạt từ {pass}%",
        "pool": "Mỗi lần làm bài hỏi {asked} câu chọn ngẫu nhiên trong {total} câu.",
        "choose_all": "Chọn tất cả các ý đúng.",
        "hint": "Gợi ý",
        "check": "Kiểm tra",
        "show_answer": "Xem đáp án và giải thích",
        "right_answer": "Đáp án đúng:",
        "source": "Đọc lại:",
        "noscript": "JavaScript đang tắt: bạn vẫn đọc được câu hỏi và mở phần đáp án của từng câu.",
        "saved": "Bài làm chỉ được lưu trên thiết bị này.",
        "right": "Đúng.",
        "wrong": "Chưa đúng.",
        "tag_right": "Đáp án đúng",
        "tag_chosen": "Bạn đã chọn",
        "choose_first": "Hãy chọn đáp án trước khi bấm Kiểm tra.",
        "progress": "Đã làm {done}/{total} câu.",
        "announce": "Câu {n}: {verdict}",
        "score": "Bạn trả lời đúng {right}/{total} câu ({percent}%).",
        "passed": "Đạt: yêu cầu từ {pass}% trở lên.",
        "failed": "Chưa đạt: cần từ {pass}%. Hãy đọc lại các mục được dẫn rồi làm lại.",
        "retry": "Làm lại",
        "retry_done": "Đã xóa bài làm; bạn có thể làm lại từ đầu.",
    },
    "en": {
        "question": "Question {n}.",
        "meta": "{asked} questions · about {minutes} min · pass mark {pass}%",
        "pool": "Each attempt asks {asked} questions drawn at random from {total}.",
        "choose_all": "Choose all that apply.",
        "hint": "Hint",
        "check": "Check",
        "show_answer": "Show the answer and explanation",
        "right_answer": "Right answer:",
        "source": "Read again:",
        "noscript": "JavaScript is off: you can still read the questions and open each answer.",
        "saved": "Your answers are saved on this device only.",
        "right": "Right.",
        "wrong": "Not right.",
        "tag_right": "Right answer",
        "tag_chosen": "Your choice",
        "choose_first": "Choose an answer before pressing Check.",
        "progress": "{done} of {total} questions answered.",
        "announce": "Question {n}: {verdict}",
        "score": "You answered {right} of {total} questions right ({percent}%).",
        "passed": "Passed: {pass}% or more was needed.",
        "failed": "Not passed yet: {pass}% is needed. Read the linked sections again, then try again.",
        "retry": "Try again",
        "retry_done": "Your answers were cleared; you can start again.",
    },
}

# Strings the script needs (the others are used only when rendering).
SCRIPT_KEYS = (
    "question", "right", "wrong", "tag_right", "tag_chosen", "choose_first",
    "progress", "announce", "score", "passed", "failed", "retry_done",
)

INDEX = {
    "vi": {"set": "Bộ câu hỏi", "questions": "Số câu", "minutes": "Thời gian", "unit": "{n} phút", "pool": "{asked} (chọn từ {total})", "none": "Chưa có bộ câu hỏi nào."},
    "en": {"set": "Question set", "questions": "Questions", "minutes": "Time", "unit": "{n} min", "pool": "{asked} (drawn from {total})", "none": "There are no question sets yet."},
}

# The self-check record (rendered hidden; quiz.js fills in the date, the score and the missed questions).
RECORD = {
    "vi": {
        "open": "In kết quả tự kiểm tra",
        "title": "Kết quả tự kiểm tra",
        "private": (
            "Bản kết quả này được tạo ngay trong trình duyệt của bạn. Trang không gửi tên, bài làm hay điểm số "
            "của bạn đi bất cứ đâu và không lưu tên bạn nhập. Muốn nộp cho lãnh đạo phòng, hãy in ra hoặc lưu thành tệp PDF."
        ),
        "name": "Họ và tên (không bắt buộc):",
        "set": "Bộ câu hỏi",
        "version": "Phiên bản nội dung",
        "date": "Ngày",
        "locale": "vi-VN",
        "date_format": '{"day": "2-digit", "month": "2-digit", "year": "numeric"}',  # 29/11/2026
        "result": "Kết quả",
        "missed": "Các câu trả lời chưa đúng và mục cần đọc lại",
        "none_missed": "Bạn đã trả lời đúng tất cả các câu.",
        "print": "In hoặc lưu PDF",
        "close": "Đóng",
    },
    "en": {
        "open": "Print my self-check record",
        "title": "Self-check record",
        "private": (
            "This record is made in your browser. The page sends your name, answers and score nowhere, and does "
            "not keep the name you type. To hand it to your head of division, print it or save it as a PDF."
        ),
        "name": "Name (optional):",
        "set": "Question set",
        "version": "Content version",
        "date": "Date",
        "locale": "en-GB",
        "date_format": '{"day": "numeric", "month": "long", "year": "numeric"}',  # 29 November 2026
        "result": "Result",
        "missed": "Questions answered wrongly, and the sections to read again",
        "none_missed": "You answered every question right.",
        "print": "Print or save as PDF",
        "close": "Close",
    },
}
