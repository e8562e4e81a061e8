"""Nothing identifying about residents leaves the laptop; the package is a valid Frictionless
Data Package that opens cleanly in Excel."""

import io
import re
import zipfile

import pytest

from tests.helpers.exchange import export_to, unpack
from vrijwilligers_app.domain.validation import format_phone
from vrijwilligers_app.services.exchange.schema import EXPORT_TABLES


def _occurs(needle: str, text: str) -> bool:
    """`needle` as a whole token, not inside a longer run of letters and digits: a postcode
    such as 5702BB is also valid hex and turns up by chance inside random keys, pseudonyms
    and hashes (it did, in about one run in ten), while a real leak is a cell of its own."""
    start = text.find(needle)
    while start != -1:
        end = start + len(needle)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or after.isalnum()):
            return True
        start = text.find(needle, start + 1)
    return False


def test_the_token_check_finds_cells_and_ignores_hex_runs():
    assert _occurs("5702bb", "x;5702bb;y") and _occurs("jan de vries", '"jan de vries"')
    assert not _occurs("5702bb", "a95702bb01") and not _occurs("5702bb", "5702bbc")


@pytest.fixture
def exported(laptop, tmp_path):
    return export_to(laptop, tmp_path / "sync").read_bytes()


def test_no_name_phone_email_or_postcode_of_any_demo_resident_in_any_byte(laptop, exported):
    residents = laptop.rows("""SELECT first_name, name_prefix, last_name, phone, email,
                                      postcode, birth_year FROM resident""")
    assert len(residents) >= 400
    # Names that are also public (an initiative's contact person, a volunteer who agreed to
    # be listed) may rightly appear: they are someone else's, shared with consent.
    public = " ".join(n for (n,) in laptop.rows(
        """SELECT contact_name FROM initiative UNION ALL
           SELECT first_name || ' ' || CASE WHEN name_prefix <> '' THEN name_prefix || ' '
                  ELSE '' END || last_name FROM volunteer WHERE listed_consent""")).lower()
    # A postcode is an area of ~20 addresses: a resident may live in the postcode of an
    # initiative's public address. Those may appear, but only in the initiatives' table.
    public_postcodes = {p.lower() for (p,) in laptop.rows("SELECT postcode FROM initiative")}
    files = unpack(exported)
    for postcode in public_postcodes:
        holders = [n for n, data in files.items()
                   if _occurs(postcode, data.decode("latin-1").lower())]
        assert holders in ([], ["data/initiatieven.csv"]), (postcode, holders)
    haystacks = [exported] + list(files.values())
    text = "\n".join(h.decode("utf-8", "replace") for h in haystacks).lower()
    raw = [h.decode("latin-1").lower() for h in haystacks]  # byte for byte
    needles: set[str] = set()
    checked_names = 0
    for first, prefix, last, phone, email, postcode, _ in residents:
        full = " ".join(filter(None, [first, prefix, last])).lower()
        if full not in public:
            needles.add(full)
            needles.add(f"{last}, {first}".lower())
            checked_names += 1
        if phone:
            needles |= {phone, phone.replace("+31", "0"), format_phone(phone)}
        if email:
            needles.add(email.lower())
        if postcode and len(postcode) > 4 and postcode.lower() not in public_postcodes:
            needles |= {postcode.lower(), postcode.replace(" ", "").lower()}
    assert checked_names >= 390
    assert len(needles) > 1000
    found = sorted(n for n in needles if n and _occurs(n.lower(), text))
    assert found == []
    # And in the raw bytes too (ASCII needles; compressed entries could hide nothing).
    ascii_needles = [n for n in needles if n.isascii()]
    assert [n for n in ascii_needles for haystack in raw if _occurs(n.lower(), haystack)] == []


def test_no_birth_year_column_or_free_text_columns(exported):
    files = unpack(exported)
    headers = {name: data.split(b"\r\n", 1)[0].decode("utf-8-sig")
               for name, data in files.items() if name.endswith(".csv")}
    all_columns = {c for header in headers.values() for c in header.split(";")}
    for forbidden in ("geboortejaar", "geboortedatum", "naam_inwoner", "vraag", "notitie",
                      "wens", "uitkomst", "telefoon_inwoner", "bsn", "straat"):
        assert forbidden not in all_columns
    inwoners = headers["data/inwoners.csv"].split(";")
    assert inwoners == ["pseudoniem", "leeftijdsgroep", "wijk", "pc4"]


def test_csv_opens_cleanly_in_excel_bom_semicolons_and_no_formulas(exported):
    files = unpack(exported)
    for name, data in files.items():
        if not name.endswith(".csv"):
            continue
        assert data.startswith(b"\xef\xbb\xbf"), name
        for line in data[3:].decode("utf-8").split("\r\n"):
            for cell in re.split(r";(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", line):
                assert not cell.strip('"').startswith(("=", "+", "-", "@")), (name, cell)


def test_a_formula_in_an_initiative_is_neutralised_and_stays_text_when_read(laptop, tmp_path):
    """Issue 17: a formula read from a package is kept as text (leading apostrophe), never
    handed on as a live formula to whatever opens the gemeente's data next."""
    from sqlalchemy import text

    from vrijwilligers_app.services.exchange.package_read import read_package
    from vrijwilligers_app.store.engine import write_session

    with write_session(laptop.engine) as session:
        session.execute(text("UPDATE initiative SET description = "
                             "'=HYPERLINK(\"http://x\";\"klik\")', phone = '+31492123456', "
                             "contact_name = '+SOM(A1)' WHERE id = 1"))
    content = export_to(laptop, tmp_path / "s").read_bytes()
    csv = unpack(content)["data/initiatieven.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK" in csv and "'+SOM(A1)" in csv
    # phone numbers go out as people read them, so Excel shows no quote before them
    assert ";0492 123 456;" in csv and "+31492123456" not in csv
    package = read_package(content)
    descriptions = {r["beschrijving"] for r in package.tables["initiatieven"]}
    assert '\'=HYPERLINK("http://x";"klik")' in descriptions
    assert "'+SOM(A1)" in {r["contactpersoon"] for r in package.tables["initiatieven"]}


def test_frictionless_validate_passes_on_the_unencrypted_package(exported, tmp_path):
    from frictionless import validate

    folder = tmp_path / "uitgepakt"
    with zipfile.ZipFile(io.BytesIO(exported)) as archive:
        archive.extractall(folder)  # our own package, in a test: safe to extract
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:10]
    assert len(report.tasks) == len(EXPORT_TABLES) == 12
    assert all(task.stats["rows"] is not None for task in report.tasks)
