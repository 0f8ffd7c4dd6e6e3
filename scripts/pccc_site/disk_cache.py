"""Work a build repeats with the same input, kept on disk under ``.cache/`` and named by a hash of that input.

QR codes (``qr.py``) and the strongest compression of Material's
fingerprinted files (``webserver.py``) cost the most and change the least.
A missing or read-only cache folder only means the work is done again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable

CACHE_ROOT = Path(__file__).resolve().parents[2] / ".cache"


def key_of(*parts: object) -> str:
    """A file name for the result of ``parts`` (everything that shapes it)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def remembered(path: Path, make: Callable[[], bytes]) -> bytes:
    """The bytes kept at ``path``; made by ``make`` and kept there when missing."""
    try:
        return path.read_bytes()
    except OSError:
        pass
    made = make()
    keep(path, made)
    return made


def keep(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically (two builds may run at once); a read-only disk is no error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        pass
