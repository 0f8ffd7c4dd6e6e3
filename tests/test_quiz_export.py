"""LMS export: the Moodle XML and GIFT files parsed back and compared with the quiz files.

The GIFT reader below follows what Moodle's GIFT importer does (question/format/gift/format.php):
blocks between blank lines, ``//`` comment lines, escapes turned into placeholders before the
answer part is cut out, ``=`` / ``~%w%`` answers, ``#`` feedback, ``####`` general feedback,
``{T#wrong#right}`` for true-false. It is a check of this exporter, not a GIFT implementation.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

import quiz
from pccc_site.quiz import export
from pccc_site.quiz.links import source_address
from pccc_site.quiz.validate import check, check_bank

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "quiz"
SPECIAL = FIXTURES / "export" / "ky-tu-dac-biet.yml"
FIXTURE_DOCS = FIXTURES / "docs"
SITE_URL = "https://pccc.example.gov.vn/"
# Moodle's grade list (question_bank::fraction_options_full), in percent: an import with
# "match grades: error if not listed" (the default) refuses any other value.
MOODLE_GRADES = {100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667,
                 14.28571, 12.5, 11.11111, 10, 5, 0}


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = quiz.main(["export", *args])
    out, err = capsys.readouterr()
    return code, out, err


def _sets():
    report = check_bank()
    assert report.errors == []
    return report.sets


def _special():
    report = check([SPECIAL], FIXTURE_DOCS)
    assert report.problems == ()
    return report.sets[0]


def _right(question) -> list[str]:
    return [o.id for o in question.options if o.correct]


# --- Moodle XML -------------------------------------------------------------

def _moodle(capsys, *args: str) -> ET.Element:
    code, out, err = _run(capsys, "--format", "moodle", "--site-url", SITE_URL, *args)
    assert code == 0, err
    assert out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
    return ET.fromstring(out)


def _by_idnumber(root: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("idnumber"): q for q in root.findall("question") if q.get("type") != "category"}


@pytest.mark.parametrize("language", ["vi", "en"])
def test_moodle_xml_has_one_category_per_set_and_every_question_by_its_stable_id(capsys, language):
    root = _moodle(capsys, "--lang", language)
    sets = _sets()
    categories = [q for q in root.findall("question") if q.get("type") == "category"]
    assert [c.findtext("category/text") for c in categories] == [f"top/PCCC-CNCH-{language}/{s.id}" for s in sets]
    assert [c.findtext("idnumber") for c in categories] == [f"{s.id}-{language}" for s in sets]
    questions = _by_idnumber(root)
    assert len(questions) == sum(len(s.questions) for s in sets)
    for quiz_set in sets:
        for question in quiz_set.questions:
            element = questions[f"{quiz_set.id}/{question.id}"]
            assert element.findtext("name/text") == f"{quiz_set.id}/{question.id}"
            assert element.get("type") == ("truefalse" if question.type == "true-false" else "multichoice")
            assert element.find("questiontext").get("format") == "html"
            assert element.findtext("questiontext/text") == export.html_text(question.text[language])


def test_moodle_xml_answers_fractions_and_feedback_match_the_quiz_files(capsys):
    questions = _by_idnumber(_moodle(capsys))
    for quiz_set in _sets():
        for question in quiz_set.questions:
            element = questions[f"{quiz_set.id}/{question.id}"]
            answers = element.findall("answer")
            assert len(answers) == len(question.options)
            for answer, option in zip(answers, question.options):
                feedback = answer.findtext("feedback/text") or ""
                assert feedback == (export.html_text(option.feedback["vi"]) if option.feedback else "")
                fraction = float(answer.get("fraction"))
                if question.type == "true-false":
                    assert answer.findtext("text") == option.id and fraction == (100 if option.correct else 0)
                elif question.type == "single":
                    assert element.findtext("single") == "true" and fraction == (100 if option.correct else 0)
                else:
                    assert element.findtext("single") == "false"
                    assert fraction == (pytest.approx(100 / len(_right(question)), abs=1e-5) if option.correct else -100)
            if question.type != "true-false":
                assert element.findtext("shuffleanswers") == ("true" if quiz_set.shuffle_options else "false")
                right = [o.id for o, a in zip(question.options, answers) if float(a.get("fraction")) > 0]
                assert right == _right(question)


def test_multiple_answer_fractions_add_up_to_100_and_are_grades_moodle_accepts(capsys):
    root = _moodle(capsys, str(SPECIAL), "--docs", str(FIXTURE_DOCS))
    checked = 0
    for element in [*root.findall("question"), *_moodle(capsys).findall("question")]:
        if element.findtext("single") != "false":
            continue
        fractions = [float(a.get("fraction")) for a in element.findall("answer")]
        assert round(sum(f for f in fractions if f > 0) / 100, 2) == 1  # how Moodle checks the total
        assert all(abs(f) in MOODLE_GRADES for f in fractions), fractions
        checked += 1
    assert checked >= 2


def test_general_feedback_is_the_explanation_and_the_source_address(capsys):
    questions = _by_idnumber(_moodle(capsys, "--lang", "en"))
    for quiz_set in _sets():
        for question in quiz_set.questions:
            feedback = questions[f"{quiz_set.id}/{question.id}"].findtext("generalfeedback/text")
            address = source_address(SITE_URL, question, "en")
            assert feedback.startswith(f"<p>{export.html_text(question.explanation['en'])}</p>")
            assert f'<a href="{address}">' in feedback and f"({address})" in feedback


def test_special_characters_and_markup_survive_moodle_xml_as_text(capsys):
    root = _moodle(capsys, str(SPECIAL), "--docs", str(FIXTURE_DOCS))
    questions = _by_idnumber(root)
    first = questions["ky-tu-dac-biet/bang-va-ngoac"]
    # XML-decoded, the text is HTML in which <b> and & are escaped: Moodle shows them as typed.
    assert first.findtext("answer[3]/text") == "&lt;b&gt;in đậm&lt;/b&gt; &amp; \"ngoặc\""
    assert first.findtext("questiontext/text") == (
        "Chọn biểu thức đúng: a = {b} hay a ~ b? Dùng <strong>in đậm</strong> và <code>mã: #1</code>.")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in first.findtext("generalfeedback/text")
    assert "<script" not in first.findtext("generalfeedback/text")
    assert questions["ky-tu-dac-biet/nhieu-ky-tu"].findtext("questiontext/text") == (
        "Những dòng nào là đúng?<br>Dòng thứ hai: 50% &amp; 100%.")
    info = root.find("question[@type='category']").findtext("info/text")
    assert "Ký tự đặc biệt: ~ = # { } &amp; \\" in info


# --- GIFT -------------------------------------------------------------------

_PLACEHOLDERS = {"\\:": "\x01058", "\\#": "\x01035", "\\=": "\x01061", "\\{": "\x01123", "\\}": "\x01125", "\\~": "\x01126", "\\n": "\x01010"}
_WEIGHT = re.compile(r"^%(-?[0-9]{1,3}(?:\.[0-9]*)?)%")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "\x01092")
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(escaped, placeholder)
    return text.replace("\x01092", "\\")


def _post(text: str) -> str:
    for escaped, placeholder in _PLACEHOLDERS.items():
        text = text.replace(placeholder, "\n" if escaped == "\\n" else escaped[1])
    return text.strip()


def _answer(raw: str) -> tuple[str, str]:
    text, _, feedback = raw.partition("#")
    return _post(text), _post(feedback)


def parse_gift(source: str) -> list[dict]:
    """Categories and questions of a GIFT file, as Moodle's importer reads them."""
    items, category = [], None
    for block in re.split(r"\n\s*\n", source):
        lines = block.strip().splitlines()
        comments = "\n".join(line for line in lines if line.strip().startswith("//"))
        text = _pre("\n".join(line for line in lines if not line.strip().startswith("//")).strip())
        if not text:
            continue
        if text.startswith("$CATEGORY:"):
            category = text[len("$CATEGORY:"):].strip()
            items.append({"category": category})
            continue
        name, text = re.match(r"^::(.*?)::(.*)$", text, re.DOTALL).groups()
        start, end = text.index("{"), text.index("}")
        answers, _, general = text[start + 1:end].strip().rpartition("####")
        body = text[:start]
        assert body.startswith("[html]")
        item = {"in": category, "name": _post(name), "text": _post(body[len("[html]"):]), "general": _post(general)}
        id_match = re.search(r"\[id:((?:\\]|[^\]])+)\]", comments)
        item["idnumber"] = id_match.group(1) if id_match else None
        answers = answers.strip()
        if re.match(r"^(T|F|TRUE|FALSE)(#|$)", answers):
            verdict, wrong, right = (answers.split("#", 2) + ["", ""])[:3]
            item.update(type="truefalse", answer=verdict.strip() in ("T", "TRUE"), wrong=_post(wrong), right=_post(right))
        else:
            item.update(type="multichoice", single="=" in answers, answers=[])
            for raw in answers.replace("=", "~=").split("~"):
                raw = raw.strip()
                if not raw:
                    continue
                weight = _WEIGHT.match(raw)
                fraction = 100.0 if raw.startswith("=") else float(weight.group(1)) if weight else 0.0
                raw = raw[1:] if raw.startswith("=") else raw[weight.end():] if weight else raw
                item["answers"].append((fraction, *_answer(raw)))
        items.append(item)
    return items


def _gift(capsys, *args: str) -> list[dict]:
    code, out, err = _run(capsys, "--format", "gift", "--site-url", SITE_URL, *args)
    assert code == 0, err
    return parse_gift(out)


@pytest.mark.parametrize("language", ["vi", "en"])
def test_gift_round_trip_of_the_real_bank(capsys, language):
    items = _gift(capsys, "--lang", language)
    sets = _sets()
    assert [i["category"] for i in items if "category" in i] == [f"top/PCCC-CNCH-{language}/{s.id}" for s in sets]
    questions = {i["name"]: i for i in items if "name" in i}
    assert len(questions) == sum(len(s.questions) for s in sets)
    for quiz_set in sets:
        for question in quiz_set.questions:
            ident = f"{quiz_set.id}/{question.id}"
            item = questions[ident]
            assert item["idnumber"] == ident and item["in"] == f"top/PCCC-CNCH-{language}/{quiz_set.id}"
            assert item["text"] == export.html_text(question.text[language])
            assert item["general"].startswith(f"<p>{export.html_text(question.explanation[language])}</p>")
            assert source_address(SITE_URL, question, language) in item["general"]
            _compare_gift_answers(item, question, language)


def _compare_gift_answers(item: dict, question, language: str) -> None:
    if question.type == "true-false":
        right = next(o for o in question.options if o.correct)
        wrong = next(o for o in question.options if not o.correct)
        assert item["type"] == "truefalse" and item["answer"] == (right.id == "true")
        assert item["right"] == (export.html_text(right.feedback[language]) if right.feedback else "")
        assert item["wrong"] == (export.html_text(wrong.feedback[language]) if wrong.feedback else "")
        return
    assert item["type"] == "multichoice" and item["single"] == (question.type == "single")
    assert [text for _, text, _ in item["answers"]] == [export.html_text(o.text[language]) for o in question.options]
    assert [fb for _, _, fb in item["answers"]] == [export.html_text(o.feedback[language]) if o.feedback else "" for o in question.options]
    right = [o.id for o, (fraction, _, _) in zip(question.options, item["answers"]) if fraction > 0]
    assert right == _right(question)
    if question.type == "multiple":
        assert round(sum(f for f, _, _ in item["answers"] if f > 0) / 100, 2) == 1


def test_gift_escapes_its_special_characters_and_keeps_markup_as_text(capsys):
    code, out, _ = _run(capsys, "--format", "gift", "--site-url", SITE_URL, "--docs", str(FIXTURE_DOCS), str(SPECIAL))
    assert code == 0
    special = _special()
    items = {i["name"]: i for i in parse_gift(out) if "name" in i}
    assert set(items) == {f"ky-tu-dac-biet/{q.id}" for q in special.questions}
    for question in special.questions:
        _compare_gift_answers(items[f"ky-tu-dac-biet/{question.id}"], question, "vi")
        assert items[f"ky-tu-dac-biet/{question.id}"]["text"] == export.html_text(question.text["vi"])
    first = items["ky-tu-dac-biet/bang-va-ngoac"]
    assert first["answers"][0][1] == "a = {b}" and first["answers"][1][1] == "a ~ b # c"
    assert first["answers"][2][1] == "&lt;b&gt;in đậm&lt;/b&gt; &amp; \"ngoặc\""
    assert "gạch chéo ngược \\ và" in first["general"]
    # In the file itself every reserved character of the text is escaped.
    line = next(line for line in out.splitlines() if line.startswith("::ky-tu-dac-biet/bang-va-ngoac::"))
    assert "a \\= \\{b\\} hay a \\~ b? " in line and "<code>mã\\: \\#1</code>" in line
    assert "Những dòng nào là đúng?<br>Dòng thứ hai" in out


def test_gift_escape_handles_the_backslash_first():
    assert export.gift_escape("a\\:b") == "a\\\\\\:b"
    assert _post(_pre(export.gift_escape("~ = # { } : \\ x\ny"))) == "~ = # { } : \\ x\ny"


# --- Command line -----------------------------------------------------------

@pytest.mark.parametrize("fmt", export.FORMATS)
def test_two_runs_give_identical_bytes(fmt):
    command = [sys.executable, str(ROOT / "scripts" / "quiz.py"), "export", "--format", fmt, "--site-url", "https://pccc.example.gov.vn/"]
    first = subprocess.run(command, cwd=ROOT, capture_output=True, check=True).stdout
    second = subprocess.run(command, cwd=ROOT, capture_output=True, check=True).stdout
    assert first == second and len(first) > 1000
    assert not re.search(rb"20\d\d-\d\d-\d\d", first)  # no date in the output


def test_default_language_is_vietnamese_and_site_url_comes_from_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://noi-bo.example.vn/pccc/")
    code, out, _ = _run(capsys, "--format", "moodle")
    assert code == 0
    assert "top/PCCC-CNCH-vi/" in out and "https://noi-bo.example.vn/pccc/ky-nang/" in out


def test_one_question_can_be_exported_alone(capsys):
    root = _moodle(capsys, "--question", "kien-thuc-co-ban/so-bao-chay")
    assert list(_by_idnumber(root)) == ["kien-thuc-co-ban/so-bao-chay"]
    assert len(root.findall("question[@type='category']")) == 1
    code, _, err = _run(capsys, "--format", "gift", "--question", "kien-thuc-co-ban/khong-co")
    assert code == 2 and "no such question" in err


def test_bad_usage_and_broken_files(capsys):
    assert _run(capsys, "--format", "qti")[0] == 2
    assert _run(capsys)[0] == 2  # --format is required
    assert _run(capsys, "--format", "gift", "--lang", "fr")[0] == 2
    assert _run(capsys, "--format", "gift", "no/such/file.yml")[0] == 2
    code, out, err = _run(capsys, "--format", "gift", "--docs", str(FIXTURE_DOCS), str(FIXTURES / "invalid" / "wrong-type.yml"))
    assert code == 1 and out == "" and "[wrong-type]" in err


def test_an_idnumber_longer_than_moodle_keeps_is_refused():
    special = _special()
    question = replace(special.questions[0], id="y" * 45)
    long_set = replace(special, id="x" * 60, questions=(question,))
    with pytest.raises(export.ExportError, match="at most 100 characters"):
        export.export((long_set,), "moodle", "vi", SITE_URL, None)


def test_export_without_an_address_is_refused(capsys, monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    code, out, err = _run(capsys, "--format", "gift")
    assert (code, out) == (2, "") and "--site-url or SITE_URL" in err
