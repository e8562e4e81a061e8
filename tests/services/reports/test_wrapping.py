"""Cell wrapping: never wider than the column, never a character lost."""

from hypothesis import given, settings
from hypothesis import strategies as st

from vrijwilligers_app.services.reports import styles
from vrijwilligers_app.services.reports.wrapping import text_width, wrap_text

styles.register_fonts()
WORDS = st.text(alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzİıŞşŁłЖжαß-.@ "),
                max_size=80)


@settings(max_examples=200, deadline=None)
@given(text=WORDS, width=st.floats(min_value=20, max_value=300))
def test_lines_fit_and_nothing_is_lost(text, width):
    wrapped = wrap_text(text, width)
    for line in wrapped.split("\n"):
        assert text_width(line) <= width + 1e-6 or len(line) == 1
    assert "".join(wrapped.split()) == "".join(text.split())


def test_words_stay_whole_when_they_fit():
    assert wrap_text("Stichting Sociale Teams Helmond", 80) == "Stichting Sociale\nTeams Helmond"


def test_a_word_wider_than_the_column_is_split_not_cut():
    word = "Maatjesprojectbrandevoortenhelmondwest"
    lines = wrap_text(word, 60).split("\n")
    assert len(lines) > 1 and "".join(lines) == word


def test_line_breaks_in_the_text_are_kept():
    assert wrap_text("Kerkstraat 1\n5701 AB Helmond", 300) == "Kerkstraat 1\n5701 AB Helmond"
