import pickle
import string
from datetime import date

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vrijwilligers_app.domain.validation import (
    BSN_WARNING,
    ValidationError,
    age_band,
    format_date_nl,
    format_phone,
    looks_like_bsn,
    normalize_email,
    normalize_pc4_or_postcode,
    normalize_phone,
    normalize_postcode,
    normalize_tags,
    parse_date_nl,
    pc4,
    split_tags,
    validate_birth_year,
)

# Words that show a message is Dutch (every message has at least one of them).
DUTCH = ("geen", "bijvoorbeeld", "bestaat niet", "kan niet kloppen", "schrijf", "gebruik")


def assert_dutch_error(exc: ValidationError, field: str) -> None:
    assert exc.field == field
    assert str(exc) == f"{field}: {exc.message}"
    assert any(word in exc.message for word in DUTCH), exc.message
    assert "bijvoorbeeld" in exc.message or "(" in exc.message, exc.message


# ---------------------------------------------------------------- ValidationError
def test_validation_error_is_value_error_with_field_and_message():
    exc = ValidationError("Postcode", "'x' is geen postcode; bijvoorbeeld 5701 AB.")
    assert isinstance(exc, ValueError)
    assert exc.field == "Postcode"
    assert str(exc) == "Postcode: 'x' is geen postcode; bijvoorbeeld 5701 AB."
    copy = pickle.loads(pickle.dumps(exc))
    assert (copy.field, copy.message) == (exc.field, exc.message)


# ---------------------------------------------------------------- postcode
@pytest.mark.parametrize(
    "text", ["1234ab", "1234 AB", " 1234  ab ", "1234aB", "1234\tAB", "1234 ab\n"]
)
def test_postcode_forms_accepted(text):
    assert normalize_postcode(text) == "1234 AB"


@pytest.mark.parametrize("text", ["", "   "])
def test_postcode_empty_is_allowed(text):
    assert normalize_postcode(text) == ""
    assert normalize_pc4_or_postcode(text) == ""


@pytest.mark.parametrize(
    "text",
    ["0123 AB", "5701 SA", "5701 sd", "5701ss", "570 AB", "57011 AB", "5701 A", "5701 ABC",
     "AB 5701", "5701-AB", "５７０１ AB", "5701 ÄB", "Helmond"],
)
def test_postcode_rejected(text):
    with pytest.raises(ValidationError) as info:
        normalize_postcode(text)
    assert_dutch_error(info.value, "Postcode")


def test_postcode_field_label_is_passed_on():
    with pytest.raises(ValidationError) as info:
        normalize_postcode("0000 AA", field="Postcode bezoekadres")
    assert_dutch_error(info.value, "Postcode bezoekadres")
    assert "0" in info.value.message


def test_postcode_forbidden_letters_explained():
    with pytest.raises(ValidationError) as info:
        normalize_postcode("5701 SS")
    assert "SA, SD en SS" in info.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [("5701", "5701"), (" 5701 ", "5701"), ("5701ab", "5701 AB"), ("5701 AB", "5701 AB")],
)
def test_pc4_or_postcode_accepted(text, expected):
    assert normalize_pc4_or_postcode(text) == expected


@pytest.mark.parametrize("text", ["0570", "570", "57011", "5701 SA", "abcd", "5701 A"])
def test_pc4_or_postcode_rejected(text):
    with pytest.raises(ValidationError) as info:
        normalize_pc4_or_postcode(text, field="Postcodegebied")
    assert_dutch_error(info.value, "Postcodegebied")


@pytest.mark.parametrize(
    ("text", "expected"), [("5701 AB", "5701"), ("5701ab", "5701"), ("5701", "5701"), ("", "")]
)
def test_pc4(text, expected):
    assert pc4(text) == expected


LETTERS = st.text(alphabet=string.ascii_uppercase, min_size=2, max_size=2).filter(
    lambda pair: pair not in {"SA", "SD", "SS"}
)


@given(
    number=st.integers(1000, 9999),
    letters=LETTERS,
    lower=st.booleans(),
    space=st.sampled_from(["", " ", "  ", "\t"]),
    pad=st.sampled_from(["", " ", "  "]),
)
def test_every_valid_postcode_is_accepted_and_formatted(number, letters, lower, space, pad):
    typed = f"{pad}{number}{space}{letters.lower() if lower else letters}{pad}"
    result = normalize_postcode(typed)
    assert result == f"{number} {letters}"
    assert normalize_postcode(result) == result
    assert normalize_pc4_or_postcode(typed) == result
    assert pc4(result) == str(number)


@given(st.text(max_size=12))
def test_postcode_normalize_is_idempotent_or_rejects(text):
    try:
        result = normalize_postcode(text)
    except ValidationError as exc:
        assert exc.field == "Postcode"
        return
    assert normalize_postcode(result) == result


# ---------------------------------------------------------------- phone
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("06-12345678", "+31612345678"),
        ("06 12 34 56 78", "+31612345678"),
        ("0612345678", "+31612345678"),
        ("+31 6 12345678", "+31612345678"),
        ("+31 (0)6 12345678", "+31612345678"),
        ("0031 6 1234 5678", "+31612345678"),
        ("0492-123456", "+31492123456"),
        ("(0492) 123456", "+31492123456"),
        ("0492 12 34 56", "+31492123456"),
        ("0800-2000", "+318002000"),
        ("085-1234567", "+31851234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("  06-12345678  ", "+31612345678"),
    ],
)
def test_phone_forms_accepted(text, expected):
    assert normalize_phone(text) == expected


@pytest.mark.parametrize("text", ["", "  "])
def test_phone_empty_is_allowed(text):
    assert normalize_phone(text) == ""


@pytest.mark.parametrize(
    "text",
    ["06-123", "123", "112", "06-CALLME", "06 1234 567a", "tel 0612345678", "0612345678901",
     "+31", "++31612345678", "06-12345678 toestel 12", "0" * 60, "geen", "06_12345678"],
)
def test_phone_rejected(text):
    with pytest.raises(ValidationError) as info:
        normalize_phone(text)
    assert_dutch_error(info.value, "Telefoon")
    assert "06-12345678" in info.value.message


def test_phone_field_label_is_passed_on():
    with pytest.raises(ValidationError) as info:
        normalize_phone("06", field="Telefoon noodcontact")
    assert_dutch_error(info.value, "Telefoon noodcontact")


@pytest.mark.parametrize(
    ("e164", "expected"),
    [
        ("+31612345678", "06 12345678"),
        ("+31492123456", "0492 123 456"),
        ("+318002000", "0800 2000"),
        ("+31492664151", "0492 664 151"),
        ("+31401234567", "040 123 4567"),
        ("+31851234567", "085 123 4567"),
        ("+319701234567", "9701234567"),  # no NL format fits: as phonenumbers
        ("+3114020", "14 020"),
        ("+32470123456", "+32 470 12 34 56"),
        ("", ""),
    ],
)
def test_format_phone(e164, expected):
    assert format_phone(e164) == expected


def test_format_phone_leaves_unparseable_text_alone():
    assert format_phone("onbekend") == "onbekend"


def _as_before(e164: str) -> str:
    """format_phone as it was: every stored value parsed with the Dutch default region."""
    number = phonenumbers.parse(e164, "NL")
    style = (phonenumbers.PhoneNumberFormat.NATIONAL if number.country_code == 31
             else phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return phonenumbers.format_number(number, style)


# Dutch mobile, landlines (2- and 3-digit area codes), 0800/0900/0906/0909, 085/088/091/097,
# and foreign numbers (an Italian landline keeps its leading zero), valid or not.
PREFIXES = ("6", "492", "40", "20", "10", "77", "413", "800", "900", "906", "909", "85",
            "88", "91", "97", "14", "1")
FOREIGN = ("+32", "+49", "+390", "+393", "+44", "+1", "+90", "+212", "+48", "+380", "+7",
           "+84", "+33", "+963", "+291", "+599", "+800", "+882")


@given(st.one_of(
    st.tuples(st.sampled_from(["+31"]), st.sampled_from(PREFIXES),
              st.from_regex(r"[0-9]{3,8}", fullmatch=True)),
    st.tuples(st.sampled_from(FOREIGN), st.just(""),
              st.from_regex(r"[0-9]{5,11}", fullmatch=True))))
def test_format_phone_prints_every_stored_number_as_the_dutch_default_region_did(parts):
    e164 = "".join(parts)
    assert format_phone(e164) == _as_before(e164)
    assert phonenumbers.parse(e164, None) == phonenumbers.parse(e164, "NL")


@given(st.from_regex(r"\+31[0-9]{0,19}", fullmatch=True))
def test_format_phone_of_any_plus31_digits_is_what_parse_makes_of_them(e164):
    try:
        expected = _as_before(e164)
    except phonenumbers.NumberParseException:
        expected = e164  # unparseable: shown as stored
    assert format_phone(e164) == expected


@given(st.integers(0, 9), st.integers(0, 18).flatmap(
    lambda n: st.from_regex(rf"[0-9]{{{n}}}", fullmatch=True)))
def test_format_phone_of_plus31_and_every_leading_digit_is_what_parse_makes_of_it(first, rest):
    e164 = f"+31{first}{rest}"
    try:
        expected = _as_before(e164)
    except phonenumbers.NumberParseException:
        expected = e164  # unparseable: shown as stored
    assert format_phone(e164) == expected


@pytest.mark.parametrize("typed", ["0612345678", "0492-123456", "0800 2000", "0900-1234567"])
def test_format_phone_still_reads_a_value_without_plus_as_dutch(typed):
    assert format_phone(typed) == _as_before(typed)


# 061-065 and 068 are mobile numbers; 066 (pagers) is grouped differently, 067/069 unused.
@given(st.from_regex(r"06[1-58][0-9]{7}", fullmatch=True), st.sampled_from(["", " ", "-"]))
def test_mobile_numbers_round_trip(number, sep):
    typed = number[:2] + sep + number[2:]
    e164 = normalize_phone(typed)
    assert e164 == "+31" + number[1:]
    assert normalize_phone(e164) == e164
    assert normalize_phone(format_phone(e164)) == e164
    assert format_phone(e164) == f"06 {number[2:]}"


@given(st.text(alphabet="0123456789 +-()", max_size=20))
def test_phone_normalize_is_idempotent_or_rejects(text):
    try:
        result = normalize_phone(text)
    except ValidationError as exc:
        assert exc.field == "Telefoon"
        return
    assert normalize_phone(result) == result


# ---------------------------------------------------------------- e-mail
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jan@example.nl", "jan@example.nl"),
        ("  Jan.Jansen@Example.NL ", "Jan.Jansen@example.nl"),
        ("a+vrijwilliger@sub.domein-x.nl", "a+vrijwilliger@sub.domein-x.nl"),
        ("info@café.nl", "info@café.nl"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_email_accepted(text, expected):
    assert normalize_email(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jan", "jan@", "@example.nl", "jan@example", "jan@@example.nl", "jan@a@b.nl",
        "jan jansen@example.nl", "jan@exa mple.nl", "jan@.nl", "jan@example.", "jan@-x.nl",
        "jan@x-.nl", "jan@example..nl", ".jan@example.nl", "jan.@example.nl", "ja..n@example.nl",
        "jan,piet@example.nl", "<jan@example.nl>", "jan@1.2", "a" * 65 + "@example.nl",
        "a@" + "b" * 250 + ".nl", "jan@exam_ple.nl",
    ],
)
def test_email_rejected(text):
    with pytest.raises(ValidationError) as info:
        normalize_email(text)
    assert_dutch_error(info.value, "E-mailadres")
    assert "naam@voorbeeld.nl" in info.value.message


EMAILS = st.builds(
    lambda local, labels, tld: f"{local}@{'.'.join(labels)}.{tld}",
    st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9._+-]{0,20}[A-Za-z0-9])?", fullmatch=True).filter(
        lambda local: ".." not in local
    ),
    st.lists(st.from_regex(r"[A-Za-z0-9]([A-Za-z0-9-]{0,10}[A-Za-z0-9])?", fullmatch=True),
             min_size=1, max_size=3),
    st.from_regex(r"[A-Za-z]{2,6}", fullmatch=True),
)


@given(EMAILS)
def test_valid_emails_accepted_and_idempotent(address):
    result = normalize_email(address)
    local, domain = result.split("@")
    assert local == address.split("@")[0]
    assert domain == domain.lower()
    assert normalize_email(result) == result


@given(st.text(max_size=30))
def test_email_normalize_is_idempotent_or_rejects(text):
    try:
        result = normalize_email(text)
    except ValidationError as exc:
        assert exc.field == "E-mailadres"
        return
    assert normalize_email(result) == result


# ---------------------------------------------------------------- dates
@pytest.mark.parametrize(
    "text",
    ["05-03-2026", "5-3-2026", "05/03/2026", "5/3/2026", "05.03.2026", "5.03.2026",
     " 05-03-2026 ", "2026-03-05"],
)
def test_date_forms_accepted_day_first(text):
    assert parse_date_nl(text) == date(2026, 3, 5)


def test_date_day_first_even_when_both_could_be_a_month():
    assert parse_date_nl("01-02-2026") == date(2026, 2, 1)
    assert parse_date_nl("12/11/2026") == date(2026, 11, 12)


def test_leap_day():
    assert parse_date_nl("29-02-2024") == date(2024, 2, 29)


@pytest.mark.parametrize("text", ["", "  "])
def test_date_empty_is_none(text):
    assert parse_date_nl(text) is None


@pytest.mark.parametrize(
    "text",
    ["31-02-2026", "29-02-2025", "00-01-2026", "32-01-2026", "15-13-2026", "15-00-2026",
     "2026-02-30", "2026-13-01"],
)
def test_impossible_dates_rejected(text):
    with pytest.raises(ValidationError) as info:
        parse_date_nl(text)
    assert_dutch_error(info.value, "Datum")
    assert "bestaat niet" in info.value.message
    assert "dd-mm-jjjj" in info.value.message


@pytest.mark.parametrize(
    "text",
    ["05-03-26", "5-3-202", "05-03-20266", "05-03/2026", "05 03 2026", "5 maart 2026",
     "2026/03/05", "2026-3-5", "03-2026", "050-3-2026", "morgen", "05-03-2026 10:00",
     "١٢-٠٣-٢٠٢٦"],
)
def test_malformed_dates_rejected(text):
    with pytest.raises(ValidationError) as info:
        parse_date_nl(text, field="Startdatum")
    assert_dutch_error(info.value, "Startdatum")
    assert "dd-mm-jjjj" in info.value.message


def test_two_digit_year_explained():
    with pytest.raises(ValidationError) as info:
        parse_date_nl("05-03-26")
    assert "vier cijfers" in info.value.message


@pytest.mark.parametrize(
    ("d", "expected"),
    [(date(2026, 3, 5), "05-03-2026"), (date(1999, 12, 31), "31-12-1999"), (None, ""),
     (date(5, 1, 2), "02-01-0005")],
)
def test_format_date_nl(d, expected):
    assert format_date_nl(d) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip_1900_2100(d):
    assert parse_date_nl(format_date_nl(d)) == d
    assert parse_date_nl(d.isoformat()) == d
    assert parse_date_nl(f"{d.day}/{d.month}/{d.year}") == d


@given(st.dates())
def test_date_round_trip_all_dates(d):
    assert parse_date_nl(format_date_nl(d)) == d


# ---------------------------------------------------------------- BSN
@pytest.mark.parametrize(
    "text",
    ["123456782", "1234.56.782", "1234 56 782", "123 456 782", "BSN: 111222333 graag bellen",
     "nummer 12 1234.56.782", "abc123456782def"],
)
def test_bsn_like_numbers_found(text):
    assert looks_like_bsn(text)


@pytest.mark.parametrize(
    "text",
    ["", "123456789", "000000000", "1234567820", "12345678", "06-12345678", "0612345678",
     "05-03-2026", "5701 AB", "€ 1.250,00", "12345-6782", "1234.56.7820", "geen nummer"],
)
def test_other_text_not_taken_for_bsn(text):
    assert not looks_like_bsn(text)


def _bsn_check_digit_ok(digits: str) -> bool:
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    total = sum(w * int(d) for w, d in zip(weights, digits, strict=True))
    return total % 11 == 0 and set(digits) != {"0"}


@given(st.from_regex(r"[0-9]{9}", fullmatch=True), st.text(alphabet="abc ,:", max_size=5))
def test_bsn_detection_matches_11_proof(digits, around):
    text = f"{around}{digits}{around[::-1]}"
    assert looks_like_bsn(text) == _bsn_check_digit_ok(digits)


@pytest.mark.parametrize("text", [
    "111-222-333", "111 222 333", "111.222.333", "111222333", "111/222/333",
    "bsn 111\u2013222\u2013333.", "1112-22-333", "111\u00a0222\u00a0333"])
def test_bsn_with_any_separator_is_found(text):
    assert looks_like_bsn(text)  # 111222333 passes the 11-proof


@given(st.from_regex(r"[0-9]{9}", fullmatch=True),
       st.sampled_from([(3, 3, 3), (4, 2, 3), (2, 3, 4), (3, 2, 4), (9,), (1, 4, 4)]),
       st.lists(st.sampled_from([" ", ".", "-", "/", "\u2013", "\u00a0"]), min_size=2,
                max_size=2),
       st.text(alphabet="abc ,:", max_size=5))
def test_bsn_detection_with_separators_matches_11_proof(digits, sizes, separators, around):
    groups, at = [], 0
    for size in sizes:
        groups.append(digits[at:at + size])
        at += size
    joins = zip(separators, groups[1:], strict=False)
    written = groups[0] + "".join(sep + group for sep, group in joins)
    assert looks_like_bsn(f"{around}{written}{around[::-1]}") == _bsn_check_digit_ok(digits)


def test_bsn_warning_is_dutch():
    assert "BSN" in BSN_WARNING
    assert "mag geen BSN" in BSN_WARNING


# ---------------------------------------------------------------- age and birth year
ON = date(2026, 3, 5)


@pytest.mark.parametrize(
    ("birth_year", "expected"),
    [(2026, "0-17"), (2009, "0-17"), (2008, "18-26"), (2000, "18-26"), (1999, "27-44"),
     (1982, "27-44"), (1981, "45-64"), (1962, "45-64"), (1961, "65-74"), (1952, "65-74"),
     (1951, "75-84"), (1942, "75-84"), (1941, "85+"), (1906, "85+"), (None, "onbekend"),
     (2027, "onbekend")],
)
def test_age_band(birth_year, expected):
    assert age_band(birth_year, ON) == expected


BANDS = ["0-17", "18-26", "27-44", "45-64", "65-74", "75-84", "85+"]


@given(st.integers(1900, 2026), st.integers(0, 50))
def test_age_band_never_goes_down_with_time(birth_year, years_later):
    before = age_band(birth_year, ON)
    after = age_band(birth_year, date(ON.year + years_later, 1, 1))
    assert BANDS.index(after) >= BANDS.index(before)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(1980, 1980), (1906, 1906), (2026, 2026), ("1980", 1980), (" 1980 ", 1980), (None, None),
     ("", None)],
)
def test_birth_year_accepted(year, expected):
    assert validate_birth_year(year, ON) == expected


@pytest.mark.parametrize("year", [1905, 2027, 0, -1980, 80, "80x", "19 80", "negentien", True])
def test_birth_year_rejected(year):
    with pytest.raises(ValidationError) as info:
        validate_birth_year(year, ON)
    assert_dutch_error(info.value, "Geboortejaar")


def test_birth_year_message_names_the_range():
    with pytest.raises(ValidationError) as info:
        validate_birth_year(2030, ON)
    assert "1906" in info.value.message and "2026" in info.value.message


# ---------------------------------------------------------------- tags
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Koken, Nederlands;koken", ["koken", "nederlands"]),
        ("  tuin  werk ;; ,TAAL", ["tuin werk", "taal"]),
        ("Arabisch;Turks;Arabisch", ["arabisch", "turks"]),
        ("", []),
        (" ; , ", []),
    ],
)
def test_split_tags(text, expected):
    assert split_tags(text) == expected


def test_normalize_tags():
    assert normalize_tags("Koken, Nederlands;koken") == "koken;nederlands"
    assert normalize_tags("") == ""


@given(st.text(max_size=40))
def test_normalize_tags_is_idempotent(text):
    once = normalize_tags(text)
    assert normalize_tags(once) == once
    assert split_tags(once) == split_tags(text)
    tags = split_tags(text)
    assert len(tags) == len(set(tags))
    assert all(tag and tag == tag.strip() and "," not in tag and ";" not in tag for tag in tags)
