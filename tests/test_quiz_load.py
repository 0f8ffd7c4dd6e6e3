"""Reading quiz files: hostile input gets a problem, never a traceback or a hang.

Each case runs in well under a second; the limit in ``_load`` fails the test
if one ever does not.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from pccc_site.quiz import load
from pccc_site.quiz.load import MAX_BYTES, Document, load_bytes, load_file
from pccc_site.quiz.validate import check

SECONDS = 2.0


def _load(raw: bytes) -> Document:
    started = time.perf_counter()
    doc = load_bytes(raw, Document("x.yml"))
    assert time.perf_counter() - started < SECONDS
    return doc


def _codes(doc: Document) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in doc.problems]


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    big = tmp_path / "big.yml"
    big.write_bytes(b"# " + b"x" * (MAX_BYTES + 10) + b"\n")
    monkeypatch.setattr(load, "compose", None)  # parsing it would fail the test
    doc = load_file(big)
    assert _codes(doc) == [(1, 1, "file-too-large")]
    assert "1,048,576" in doc.problems[0].message and doc.data is None


def test_a_file_at_the_limit_is_read(tmp_path):
    path = tmp_path / "edge.yml"
    path.write_bytes(b"a: 1\n" + b"#" * (MAX_BYTES - 6) + b"\n")
    assert path.stat().st_size == MAX_BYTES
    assert load_file(path).data == {"a": 1}


def test_billion_laughs_is_refused_without_expanding():
    bomb = [b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb.append(f"{level}: &{level} [{','.join(['*' + previous] * 9)}]".encode())
    doc = _load(b"\n".join(bomb))
    codes = {code for _, _, code in _codes(doc)}
    assert codes == {"yaml-alias"}
    assert len(str(doc.data)) < 10_000  # nothing was multiplied


def test_python_tags_never_build_objects():
    doc = _load(b'id: !!python/object/apply:os.system ["touch /tmp/pwned-by-quiz"]\n')
    assert _codes(doc) == [(1, 5, "yaml-tag")]
    assert not Path("/tmp/pwned-by-quiz").exists()


@pytest.mark.parametrize("depth", [13, 1000, 100_000])
def test_deep_flow_nesting_gives_a_problem(depth):
    doc = _load(b"a: " + b"[" * depth + b"]" * depth + b"\n")
    assert {code for _, _, code in _codes(doc)} <= {"too-deep", "yaml-syntax"}
    assert doc.problems


def test_deep_block_nesting_gives_too_deep():
    text = "".join("  " * level + f"k{level}:\n" for level in range(40)) + "  " * 40 + "x\n"
    doc = _load(text.encode())
    assert _codes(doc)[0] == (13, 25, "too-deep")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"id: ok\x00\x01\x02", [(1, 7, "binary-content")]),
        (b"\x89PNG\r\n\x1a\n\x00\x00", [(1, 1, "not-utf8")]),
        ("id: café\n".encode("latin-1"), [(1, 8, "not-utf8")]),
        ("id: x\n".encode("utf-16"), [(1, 1, "not-utf8")]),
        (b"a: 1\nb: \x1b[31mred\n", [(2, 4, "binary-content")]),
        (b"\xef\xbb\xbfid: bom-is-fine\n", []),
        (b"", [(1, 1, "empty-file")]),
        (b"a: 'open\n", [(2, 1, "yaml-syntax")]),
        (b"a: 1\na: 2\n", [(2, 1, "duplicate-key")]),
        (b"? [a, b]\n: 1\n", [(1, 1, "wrong-type")]),
    ],
)
def test_bytes_that_are_not_a_clean_yaml_text(raw, expected):
    assert _codes(_load(raw)) == expected


def test_yaml_1_1_words_stay_as_written_in_keys_but_not_in_values():
    doc = _load(b"on: yes\nno: off\n'1': 1\n")
    assert doc.data == {"on": True, "no": False, "1": 1}


def test_positions_are_one_based_and_count_characters_not_bytes():
    doc = _load("title: {vi: \"Tiêu đề\", en: Title}\nminutes: 5\n".encode())
    assert doc.keys[("minutes",)] == load.Mark(2, 1)
    assert doc.values[("title", "en")] == load.Mark(1, 28)  # bytes would give 33


def test_hostile_files_in_a_real_check_never_raise(tmp_path):
    samples = {
        "a.yml": b"\x00" * 100,
        "b.yml": b"- [" * 5000,
        "c.yml": b"!!binary |\n  AAAA\n",
        "d.yml": b"*undefined_alias\n",
        "e.yml": b"questions: [{options: [{text: *x}]}]\n",
        "f.yml": b"id: &x f\nquestions: *x\n",
        "g.yml": b"[1, 2, 3]\n",
        "h.yml": b"'just a string'\n",
    }
    for name, raw in samples.items():
        (tmp_path / name).write_bytes(raw)
    report = check(sorted(tmp_path.glob("*.yml")))
    assert {p.path.rsplit("/", 1)[-1] for p in report.errors} == set(samples)
    assert report.sets == ()


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("9" * 5000, "bad-value"),  # Python refuses to convert more than 4,300 digits
        ("-" + "9" * 4400, "bad-value"),
        ("0x" + "f" * 5000, "bad-value"),  # converts, but could not be printed in a message
        ("0b" + "1" * 20000, "bad-value"),
        (":".join(["59"] * 3000), "bad-value"),  # YAML 1.1 sexagesimal: 60 ** 3000
        ("1." + "5" * 100_000, "bad-value"),
        ("!!int " + "9" * 5000, "bad-value"),
        ("!!int abc", "yaml-tag"),
        ("!!int", "yaml-tag"),
        ("!!int 0x", "yaml-tag"),
        ("!!int '1:'", "yaml-tag"),
        ("!!float abc", "yaml-tag"),
        ("!!bool maybe", "yaml-tag"),
        ("!!timestamp 2024-99-99", "yaml-tag"),
        ("!!binary '###'", "yaml-tag"),
    ],
    ids=lambda item: item[:24] if isinstance(item, str) else None,
)
def test_a_scalar_python_cannot_convert_is_a_problem_at_its_position(value, code):
    doc = _load(f"minutes: {value}\n".encode())
    assert _codes(doc) == [(1, 10, code)]
    assert doc.data == {"minutes": None} and ("minutes",) in doc.refused


@pytest.mark.parametrize("value", ["1.0e+999", "-.inf", ".nan", "1.0e+300", "2024-02-30", "2001-12-14t21:59:43.10-05:00", "12:30:00", "0o17", "1_000"])
def test_odd_numbers_and_dates_are_read_without_a_problem_of_their_own(value):
    """Infinite, huge, sexagesimal numbers and dates are read (dates as text); the schema judges them."""
    doc = _load(f"minutes: {value}\n".encode())
    assert doc.problems == [] and ("minutes",) in doc.values


def test_keys_are_never_converted_however_long():
    doc = _load(b"? " + b"9" * 5000 + b"\n: x\n!!int abc: y\n")
    assert doc.problems == []
    assert list(doc.data) == ["9" * 5000, "abc"]


def test_the_quick_read_gives_the_careful_data_or_gives_up():
    """Every fixture: the quick read (no positions) gives what the careful composer gives, with no problem, or hands over."""
    from pccc_site.quiz.compose import compose
    from pccc_site.quiz.quick import UNUSUAL, read_quickly

    fixtures = Path(__file__).parent / "fixtures" / "quiz"
    quick = 0
    for path in sorted(fixtures.rglob("*.y*ml")):
        raw = path.read_bytes()
        careful = Document(path.name)
        try:
            compose(raw.decode("utf-8").removeprefix("\ufeff"), careful)
        except UnicodeDecodeError:
            continue
        data = read_quickly(raw)
        if data is not UNUSUAL:
            quick += 1
            assert data == careful.data and careful.problems == [], path.name
    assert quick >= 20


def test_positions_of_a_quickly_read_file_are_found_when_asked():
    doc = load_file(Path(__file__).parent / "fixtures" / "quiz" / "valid" / "day-du.yml")
    assert doc.locate is not None, "a clean file is read quickly"
    assert doc.value_mark(("id",)) == load.Mark(3, 5)
    assert doc.locate is None and doc.keys[("id",)] == load.Mark(3, 1)
