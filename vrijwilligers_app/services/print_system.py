"""Handing a finished PDF to the system's printing as it is: text and vector graphics stay
text and vector (searchable, readable by a screen reader when printed to PDF, and a small
job), instead of one 300 dpi image per page.

- Linux/macOS: CUPS takes a PDF as it is (`lp -d QUEUE -P 1-3 -n 2 file.pdf`).
- Windows: the shell's "printto" verb of the registered PDF program (ShellExecute).
When neither is there, `available()` is False and the window paints page images instead
(ui/pdf_print.py). No Qt here.
"""

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

LP_TIMEOUT_S = 60


class SystemPrintError(Exception):
    """str(exc) is Dutch."""


@dataclass(frozen=True)
class PrintJob:
    method: str  # "cups" or "windows"
    job_id: str  # CUPS request id; "" when the system gives none
    bytes_sent: int


def available() -> bool:
    if sys.platform == "win32":
        return hasattr(os, "startfile")
    return shutil.which("lp") is not None


def _ranges(first: int, last: int, count: int) -> str:
    """'' for every page, else '3-5' (1-based, both included)."""
    if first <= 1 and (last <= 0 or last >= count):
        return ""
    return f"{max(first, 1)}-{min(last, count) if last > 0 else count}"


def lp_command(pdf: Path, queue: str, first: int, last: int, count: int,
               copies: int = 1) -> list[str]:
    command = ["lp"]
    if queue:
        command += ["-d", queue]
    if copies > 1:
        command += ["-n", str(copies)]
    if pages := _ranges(first, last, count):
        command += ["-P", pages]
    command += ["-o", "media=A4", "--", str(pdf)]
    return command


def print_pdf(pdf: Path, queue: str, first: int = 0, last: int = 0, count: int = 0,
              copies: int = 1) -> PrintJob:
    """Send `pdf` to printer `queue` (pages first..last, 1-based; 0 = all)."""
    size = pdf.stat().st_size
    if sys.platform == "win32":
        try:
            # The registered PDF program prints to the named printer; it prints all pages.
            os.startfile(str(pdf), "printto", f'"{queue}"')  # type: ignore[attr-defined]
        except OSError as exc:
            raise SystemPrintError(
                "Windows kon de PDF niet naar de printer sturen: er is geen PDF-programma "
                "dat kan afdrukken. Installeer een PDF-lezer of druk af als afbeelding."
            ) from exc
        return PrintJob("windows", "", size)
    try:
        done = subprocess.run(lp_command(pdf, queue, first, last, count, copies),
                              capture_output=True, text=True, timeout=LP_TIMEOUT_S,
                              check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise SystemPrintError("De printservice (CUPS) reageerde niet. Controleer of de "
                               "printer is ingesteld.") from exc
    if done.returncode != 0:
        raise SystemPrintError(f"De printservice weigerde de opdracht voor printer "
                               f"'{queue}': {done.stderr.strip()[:200]}")
    found = re.search(r"request id is (\S+)", done.stdout)
    return PrintJob("cups", found.group(1) if found else "", size)
