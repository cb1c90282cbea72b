"""Optical character recognition through Debian's Tesseract with the Persian model (``tesseract-ocr-fas``)
and Poppler's ``pdftoppm`` for scanned PDF pages. Each call is a bounded subprocess: it ends by the
caller's deadline or raises ``OCRTimeout``; a missing program raises ``OCRUnavailable``.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

LANGUAGES = "fas+eng"  # Persian text with Latin codes and numbers among it


class OCRUnavailable(RuntimeError):
    pass


class OCRTimeout(RuntimeError):
    pass


def available() -> bool:
    return bool(shutil.which("tesseract")) and bool(shutil.which("pdftoppm"))


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise OCRTimeout("مهلت نویسه‌خوانی گذشت")
    return left


def _run(args: list[str], deadline: float) -> subprocess.CompletedProcess:
    if not shutil.which(args[0]):
        raise OCRUnavailable(f"{args[0]} نصب نیست")
    try:
        return subprocess.run(  # noqa: S603 - fixed programs, arguments built here
            args, capture_output=True, timeout=_remaining(deadline), check=True
        )
    except subprocess.TimeoutExpired as exc:
        raise OCRTimeout(f"{args[0]}: {exc}") from None


def image_file(path: Path, deadline: float) -> str:
    # --psm 3: automatic page segmentation, the default for a scanned page.
    result = _run(["tesseract", str(path), "stdout", "-l", LANGUAGES, "--psm", "3"], deadline)
    return result.stdout.decode("utf-8", errors="replace")


def image(data: bytes, deadline: float) -> str:
    with tempfile.TemporaryDirectory(prefix="sanad-ocr-") as folder:
        path = Path(folder) / "page"
        path.write_bytes(data)
        return image_file(path, deadline)


def pdf_pages(data: bytes, pages: list[int], *, dpi: int, deadline: float) -> list[str]:
    """Rasterise the given 1-based pages and recognise each; the texts in the order given."""
    texts: list[str] = []
    with tempfile.TemporaryDirectory(prefix="sanad-ocr-") as folder:
        source = Path(folder) / "scan.pdf"
        source.write_bytes(data)
        for page in pages:
            prefix = Path(folder) / f"p{page}"
            _run(
                [
                    "pdftoppm",
                    "-r",
                    str(dpi),
                    "-gray",
                    "-png",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-singlefile",
                    str(source),
                    str(prefix),
                ],
                deadline,
            )
            texts.append(image_file(prefix.with_suffix(".png"), deadline))
    return texts
