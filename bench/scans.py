"""Scans made here: Persian paragraphs rendered to page images (Vazirmatn or DejaVu, several sizes, some
noise) and wrapped as image-only PDFs, the way a scanned circular arrives."""

from __future__ import annotations

import io
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONTS = {
    "vazirmatn": ROOT / "site" / "static" / "fonts" / "vazirmatn" / "Vazirmatn-Regular.woff2",
    "dejavu": Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
}


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: int) -> list[str]:
    lines: list[str] = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            candidate = f"{line} {word}".strip()
            if draw.textlength(candidate, font=font, direction="rtl", language="fa") > width and line:
                lines.append(line)
                line = word
            else:
                line = candidate
        if line:
            lines.append(line)
    return lines


def page_image(text: str, *, font: str = "vazirmatn", size: int = 28, noise: float = 0.0, seed: int = 1):
    """A white A4-ish page (150 dpi) with ``text`` set right to left; ``noise`` is the share of speckled pixels."""
    face = ImageFont.truetype(str(FONTS[font]), size, layout_engine=ImageFont.Layout.RAQM)
    image = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(image)
    margin, y = 90, 110
    for line in wrap(draw, text, face, 1240 - 2 * margin):
        draw.text((1240 - margin, y), line, font=face, fill=0, anchor="ra", direction="rtl", language="fa")
        y += int(size * 1.8)
        if y > 1754 - 120:
            break
    if noise:
        rng = random.Random(seed)  # noqa: S311 - reproducible noise, not secrets
        pixels = image.load()
        for _ in range(int(noise * 1240 * 1754)):
            pixels[rng.randrange(1240), rng.randrange(1754)] = rng.choice((0, 255))
        image = image.filter(ImageFilter.MedianFilter(1))
    return image


def png_bytes(image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def scanned_pdf(pages) -> bytes:
    """An image-only PDF, no text layer: what a scanner makes."""
    buffer = io.BytesIO()
    first, *rest = [p.convert("RGB") for p in pages]
    first.save(buffer, "PDF", resolution=150.0, save_all=True, append_images=rest)
    return buffer.getvalue()
