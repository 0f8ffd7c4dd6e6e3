"""Quiz figures (a benchmark, not a test): checking speed and the page's own weight.

    python -m pccc_site.quiz.bench        (from scripts/)

Prints:
- ``quiz.py check`` on 10,000 generated questions (100 files of 100), in a
  child process (the whole process: interpreter start-up and imports count),
  run ``RUNS`` times: the run with the median CPU time, with its wall time
  and peak resident memory, against the budget of ``BUDGET_SECONDS`` of CPU;
- ``yamllint`` on the same files, if a ``yamllint`` command is found on PATH
  (or named by the YAMLLINT environment variable); it is not a project
  dependency, so its absence is only reported;
- quiz.js and quiz.css, raw and gzipped, against the 8 KB budget; then the
  trainer pages' own files (meeting mode, printable sheets), which only those
  pages load.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
ASSETS = ROOT / "docs" / "assets" / "quiz"
BUDGET_GZIP = 8 * 1024
OWN_ASSETS = {"meeting mode pages": ("meeting.js", "meeting.css"), "printable sheets": ("sheet.css",)}
FILES, PER_FILE = 100, 100


def _text(words: str, number: int) -> str:
    return json.dumps({"vi": f"{words} số {number}", "en": f"{words} number {number}"}, ensure_ascii=False)


def _question(set_number: int, number: int) -> str:
    qid = f"cau-{set_number}-{number}"
    right = number % 4
    options = "".join(
        f"      - id: lua-chon-{k}\n        text: {_text(f'Lựa chọn {k}', number)}\n"
        + ("        correct: true\n" if k == right else "")
        + f"        feedback: {_text('Giải thích lựa chọn', k)}\n"
        for k in range(4)
    )
    return (
        f"  - id: {qid}\n    type: single\n    text: {_text('Câu hỏi', number)}\n    options:\n{options}"
        f"    explanation: {_text('Giải thích', number)}\n    source: ky-nang/index.md#so-khan-cap\n"
    )


def write_bank(folder: Path) -> int:
    for set_number in range(FILES):
        set_id = f"bo-{set_number}"
        head = (
            f"id: {set_id}\ntitle: {_text('Bộ', set_number)}\nintro: {_text('Giới thiệu', set_number)}\n"
            "minutes: 10\npass_percent: 70\nshuffle_options: true\nquestions:\n"
        )
        body = "".join(_question(set_number, n) for n in range(PER_FILE))
        (folder / f"{set_id}.yml").write_text(head + body, encoding="utf-8")
    return FILES * PER_FILE


BUDGET_SECONDS, BUDGET_RATIO = 2.0, 50
RUNS = 3  # the check is short: its median over a few runs is steadier on a busy machine


def measure(command: list[str]) -> tuple[str, float]:
    """Wall and CPU seconds, peak memory and exit code of one child process, in words; and the CPU seconds.

    CPU time is given because wall time depends on what else the machine runs.
    """
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    cpu = usage.ru_utime + usage.ru_stime
    return f"{seconds:.2f} s wall, {cpu:.2f} s CPU, peak {usage.ru_maxrss / 1024:.0f} MB, exit {os.waitstatus_to_exitcode(status)}", cpu


def _yamllint() -> str | None:
    return os.environ.get("YAMLLINT") or shutil.which("yamllint")


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        questions = write_bank(folder)
        megabytes = sum(p.stat().st_size for p in folder.glob("*.yml")) / 1e6
        print(f"Generated {questions:,} questions in {FILES} files ({megabytes:.1f} MB).")
        runs = sorted((measure([sys.executable, str(ROOT / "scripts" / "quiz.py"), "check", str(folder)]) for _ in range(RUNS)), key=lambda run: run[1])
        words, ours = runs[len(runs) // 2]
        print(f"quiz.py check (median of {RUNS} runs):", words, f"(budget {BUDGET_SECONDS:.0f} s CPU: {'within' if ours <= BUDGET_SECONDS else 'OVER'})")
        yamllint = _yamllint()
        if yamllint:
            words, theirs = measure([yamllint, "-f", "parsable", str(folder)])
            ratio = theirs / ours if ours else float("inf")
            print(f"yamllint ({yamllint}):", words)
            print(f"quiz.py check is {ratio:.0f}x faster than yamllint in CPU time (budget {BUDGET_RATIO}x: {'within' if ratio >= BUDGET_RATIO else 'OVER'})")
        else:
            print("yamllint: not installed (not a project dependency); set YAMLLINT=/path/to/yamllint to compare")
    total = 0
    for name in ("quiz.js", "quiz.css"):
        raw = (ASSETS / name).read_bytes()
        packed = len(gzip.compress(raw, 9))
        total += packed
        print(f"{name}: {len(raw):,} bytes raw, {packed:,} bytes gzipped")
    print(f"quiz.js + quiz.css gzipped: {total:,} bytes (budget {BUDGET_GZIP:,}): {'within' if total <= BUDGET_GZIP else 'OVER'} budget")
    for pages, names in OWN_ASSETS.items():
        packed = sum(len(gzip.compress((ASSETS / name).read_bytes(), 9)) for name in names)
        print(f"{' + '.join(names)} gzipped: {packed:,} bytes, loaded by the {pages} only")
    print("Pages without a quiz load neither file (checked on every page by tests/browser/test_every_page.py).")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.exit(main())
