"""OCR of Persian scans made here (issue 11 §4): seed paragraphs rendered to page images in two fonts and
several sizes, with and without speckle noise, read back by Tesseract's Persian model through
``search.extraction``. Prints the character error rate (edit distance / reference length, after the
search normaliser folds letter and digit variants) and pages per second, against the text-layer PDF
of the same paragraph as the baseline speed.

    python -m bench.ocr_bench                 # 2 fonts × 3 sizes × 2 noise levels × 3 paragraphs
    python -m bench.ocr_bench --paragraphs 1 --sizes 28
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "site" / "home" / "demo" / "seeds"


def paragraphs(count: int) -> list[str]:
    """Long lines of the circular (seed 002) and the procedure (seed 000): running text, not tables."""
    lines: list[str] = []
    for name in sorted(SEEDS.glob("00[02]_*.txt")):
        lines += [line.strip() for line in name.read_text().splitlines() if 150 < len(line.strip()) < 600]
    return lines[:count]


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def comparable(text: str) -> str:
    from search.normalise import normalise

    return " ".join(normalise(text).split())


def main() -> None:
    sys.path[:0] = [str(ROOT), str(ROOT / "site")]
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sanad.settings.dev")
    django.setup()
    from bench.scans import page_image, scanned_pdf
    from search.extraction import extract

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--paragraphs", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="+", default=[22, 28, 36])
    parser.add_argument("--fonts", nargs="+", default=["vazirmatn", "dejavu"])
    parser.add_argument("--noise", type=float, nargs="+", default=[0.0, 0.002])
    args = parser.parse_args()

    from weasyprint import HTML

    rows = []
    for n, text in enumerate(paragraphs(args.paragraphs)):
        reference = comparable(text)
        layer = HTML(string=f'<html lang="fa" dir="rtl"><body><p>{text}</p></body></html>').write_pdf()
        started = time.perf_counter()
        extract("layer.pdf", layer)
        layer_seconds = time.perf_counter() - started
        for font in args.fonts:
            for size in args.sizes:
                for noise in args.noise:
                    scan = scanned_pdf([page_image(text, font=font, size=size, noise=noise, seed=n + 1)])
                    result = extract("scan.pdf", scan)
                    cer = edit_distance(comparable(result.text), reference) / max(1, len(reference))
                    rows.append((font, size, noise, cer, result.seconds, layer_seconds, result.status))
                    print(
                        f"paragraph {n + 1} {font:9} {size:2}px noise {noise:.3f}: CER {cer:.3f}, "
                        f"{result.seconds:.2f} s/page ({result.status})",
                        file=sys.stderr,
                    )
    cers = [r[3] for r in rows]
    ocr_seconds = [r[4] for r in rows]
    layer_seconds = [r[5] for r in rows]
    print(
        f"pages: {len(rows)}  CER median {statistics.median(cers):.3f}, mean {statistics.mean(cers):.3f}, "
        f"worst {max(cers):.3f}"
    )
    for font in args.fonts:
        mine = [r[3] for r in rows if r[0] == font]
        print(f"  {font}: CER median {statistics.median(mine):.3f}")
    for noise in args.noise:
        mine = [r[3] for r in rows if r[2] == noise]
        print(f"  noise {noise}: CER median {statistics.median(mine):.3f}")
    print(
        f"speed: OCR {1 / statistics.median(ocr_seconds):.2f} pages/s; text layer "
        f"{1 / statistics.median(layer_seconds):.1f} pages/s; OCR/text-layer time "
        f"{statistics.median(ocr_seconds) / statistics.median(layer_seconds):.0f}x"
    )


if __name__ == "__main__":
    main()
