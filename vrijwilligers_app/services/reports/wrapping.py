"""Word wrap for table cells, measured in the report font: a long name goes over more lines,
and only a single word wider than its column is split. Plain strings with line breaks are
far cheaper for reportlab's Table than a Paragraph per cell (a 1,000-row list: ~4x).

Widths add up exactly: reportlab applies no kerning to TrueType text.
"""

from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from vrijwilligers_app.services.reports import styles


@lru_cache(maxsize=50_000)
def text_width(text: str, font: str = styles.FONT, size: float = styles.CELL_SIZE) -> float:
    return float(stringWidth(text, font, size))


BREAK_AFTER = "@./-_"  # an address or URL reads best split after one of these


def _split_word(word: str, width: float, font: str, size: float) -> list[str]:
    pieces, current, used = [], "", 0.0
    for char in word:
        w = text_width(char, font, size)
        while current and used + w > width:  # each round shortens `current`
            cut = max(current.rfind(c) for c in BREAK_AFTER) + 1
            if 0 < cut < len(current):  # e.g. 'linh.van.den.boom85@' + 'mail.example'
                pieces.append(current[:cut])
                current = current[cut:]
                used = text_width(current, font, size)
            else:
                pieces.append(current)
                current, used = "", 0.0
        current += char
        used += w
    return [*pieces, current]


def wrap_text(text: str, width: float, font: str = styles.FONT,
              size: float = styles.CELL_SIZE) -> str:
    """`text` with line breaks so that no line is wider than `width` points."""
    lines: list[str] = []
    space = text_width(" ", font, size)
    for paragraph in text.split("\n"):
        if text_width(paragraph, font, size) <= width:
            lines.append(paragraph)
            continue
        line, used = "", 0.0
        for word in paragraph.split():
            w = text_width(word, font, size)
            if line and used + space + w <= width:
                line, used = f"{line} {word}", used + space + w
                continue
            if line:
                lines.append(line)
            if w > width:
                *whole, word = _split_word(word, width, font, size)
                lines.extend(whole)
                w = text_width(word, font, size)
            line, used = word, w
        lines.append(line)
    return "\n".join(lines)
