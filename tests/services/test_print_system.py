"""Handing the PDF to CUPS as it is: the lp command, its answer, and its refusals (a fake
`lp` on PATH stands in for CUPS)."""

import os
import stat
import sys

import pytest

from vrijwilligers_app.services import print_system

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="CUPS path (lp)")


@pytest.fixture
def fake_lp(tmp_path, monkeypatch):
    """An `lp` that keeps its arguments and a copy of the file, and answers like CUPS."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "lp.log"
    script = bin_dir / "lp"
    script.write_text(f"""#!/bin/sh
echo "$@" > {log}
for last; do :; done
cp "$last" {tmp_path}/spooled.pdf
if [ "$2" = "kapot" ]; then echo "lp: The printer or class does not exist." >&2; exit 1; fi
echo "request id is $2-17 (1 file(s))"
""")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return log


def test_lp_command_asks_for_the_chosen_pages_and_copies(tmp_path):
    pdf = tmp_path / "r.pdf"
    assert print_system.lp_command(pdf, "kantoor", 0, 0, 13) == [
        "lp", "-d", "kantoor", "-o", "media=A4", "--", str(pdf)]
    assert print_system.lp_command(pdf, "kantoor", 2, 5, 13, copies=2) == [
        "lp", "-d", "kantoor", "-n", "2", "-P", "2-5", "-o", "media=A4", "--", str(pdf)]
    assert "-P" not in print_system.lp_command(pdf, "", 1, 13, 13)


def test_the_pdf_goes_to_cups_as_it_is(tmp_path, fake_lp):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4 vector text")
    assert print_system.available()
    job = print_system.print_pdf(pdf, "kantoor", 3, 4, 13)
    assert job == print_system.PrintJob("cups", "kantoor-17", pdf.stat().st_size)
    assert (tmp_path / "spooled.pdf").read_bytes() == pdf.read_bytes()
    assert fake_lp.read_text().split() == ["-d", "kantoor", "-P", "3-4", "-o", "media=A4",
                                           "--", str(pdf)]


def test_a_refusal_is_dutch(tmp_path, fake_lp):
    pdf = tmp_path / "rapport.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(print_system.SystemPrintError, match="weigerde de opdracht"):
        print_system.print_pdf(pdf, "kapot")
