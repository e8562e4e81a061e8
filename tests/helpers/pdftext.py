"""Reading a report back: the text of every page, as pypdf extracts it."""

import io
import re

from pypdf import PdfReader


def pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def text(data: bytes) -> str:
    return "\n".join(pages(data))


def squeezed(value: str) -> str:
    """Without any white space: a wrapped cell reads back as one piece."""
    return re.sub(r"\s+", "", value)


def dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")
