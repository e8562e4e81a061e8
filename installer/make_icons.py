"""Render resources/icons/vrijwilligers-app.svg to the PNG sizes and the multi-size .ico that
the window, the Linux .desktop entry, the .exe and the Windows installer use.

Run after changing the SVG:  python installer/make_icons.py   (needs PySide6 and Pillow)
The results are committed, so a build needs neither this script nor Pillow.
"""

import os
import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "vrijwilligers-app.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # what Windows asks for at 100-250 %


def render(renderer: QSvgRenderer, size: int, target: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"cannot write {target}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG")
    for size in PNG_SIZES:
        render(renderer, size, ICONS / f"vrijwilligers-app-{size}.png")
    frames = []
    for size in ICO_SIZES:
        tmp = ICONS / f".ico-{size}.png"
        render(renderer, size, tmp)
        frames.append(Image.open(tmp).convert("RGBA"))
        frames[-1].load()
        tmp.unlink()
    largest = frames[-1]
    largest.save(ICONS / "vrijwilligers-app.ico", format="ICO",
                 sizes=[f.size for f in frames], append_images=frames[:-1])
    print(f"written: {len(PNG_SIZES)} PNG files and vrijwilligers-app.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
