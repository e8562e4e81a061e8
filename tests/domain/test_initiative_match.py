"""Suggesting the gemeente's entry for a laptop's initiative (issue 17): the name written
otherwise still matches; kind and address decide between names that look alike."""

from vrijwilligers_app.domain.initiative_match import (
    Described,
    is_suggestion,
    name_score,
    normalised,
    score,
)


def test_the_same_name_written_otherwise_scores_full():
    assert normalised("Alzheimer Café  Helmond!") == "alzheimer cafe helmond"
    assert name_score("Alzheimer Café Helmond", "alzheimercafe helmond") == 1.0
    assert name_score("Eetpunt 't Hout", "EETPUNT T HOUT") == 1.0
    assert name_score("Eetpunt 't Hout", "Taalcafé Brandevoort") < 0.55
    assert name_score("", "Eetpunt") == 0.0


def test_kind_and_address_rank_between_alike_names():
    own = Described("Eetpunt", "eetpunt", "Kerkstraat 75", "5701 AB")
    elsewhere = Described("Eetpunt", "eetpunt", "Markt 1", "5703 DA")
    here = Described("Eetpunt", "eetpunt", "kerkstraat 75", "5701AB")
    other_kind = Described("Eetpunt", "buurtnetwerk", "Markt 1", "5703 DA")
    assert score(own, here) > score(own, elsewhere) > score(own, other_kind)


def test_the_same_address_is_a_suggestion_even_under_another_name():
    own = Described("Inloop De Huiskamer", "inloop", "Kerkstraat 75", "5701 AB")
    renamed = Described("Huiskamer Helmond-Oost", "inloop", "Kerkstraat 75", "5701 AB")
    unrelated = Described("Repair Café Stiphout", "overig", "Dorpsstraat 2", "5708 AA")
    assert is_suggestion(own, renamed)
    assert not is_suggestion(own, unrelated)
    # a postcode alone matches when one side has no street
    assert is_suggestion(Described("X", postcode="5701 AB"), Described("Y", postcode="5701AB"))
