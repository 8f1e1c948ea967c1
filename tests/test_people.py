"""Finding the person a question means: by a name inside a description, by a misspelt name, and
among several people by the description's words."""

from __future__ import annotations

import pytest

from embeddings.people import Directory
from tests.quotes_helper import quotes_of


@pytest.fixture(scope="module")
def directory() -> Directory:
    quotes = [
        *quotes_of("\u201cThe war was right,\u201d Prime Minister Tony Blair said."),
        *quotes_of("\u201cIt was a mistake,\u201d said Michael Howard, the Conservative leader."),
        *quotes_of("\u201cSales will rise,\u201d said Tom McKillop, chief executive of AstraZeneca."),
        *quotes_of("\u201cThe cards are safe,\u201d said Charles Clarke, the home secretary."),
        *quotes_of("\u201cThe economy is strong,\u201d said Kenneth Clarke, the former chancellor."),
    ]
    return Directory(quotes)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("AstraZeneca boss Tom McKillop", "Tom McKillop"),
        ("Conservative leader Michael Howard", "Michael Howard"),
        ("Mr Blair", "Tony Blair"),
    ],
    ids=["role-before-name", "party-and-role-before-name", "title"],
)
def test_a_name_inside_a_description_finds_the_person(directory: Directory, query: str, name: str) -> None:
    found = directory.lookup(query)
    assert [s.name for s in found.speakers][:1] == [name] and found.corrected is None


@pytest.mark.parametrize(("query", "name"), [("Tony Blaire", "Tony Blair"), ("Michael Howerd", "Michael Howard")], ids=["blaire", "howerd"])
def test_a_misspelt_name_finds_the_person_and_says_which_name_it_used(directory: Directory, query: str, name: str) -> None:
    found = directory.lookup(query)
    assert [s.name for s in found.speakers] == [name]
    assert found.corrected == name


def test_a_name_nobody_has_finds_nobody(directory: Directory) -> None:
    assert directory.lookup("Angela Merkel").speakers == []


@pytest.mark.parametrize(
    ("query", "first"),
    [("home secretary Clarke", "Charles Clarke"), ("former chancellor Clarke", "Kenneth Clarke")],
    ids=["home-secretary", "chancellor"],
)
def test_the_description_ranks_people_of_the_same_name(directory: Directory, query: str, first: str) -> None:
    found = [s.name for s in directory.lookup(query).speakers]
    assert found[0] == first and set(found) == {"Charles Clarke", "Kenneth Clarke"}


def test_a_party_is_a_speaker_too() -> None:
    quotes = [
        *quotes_of("\u201cThe cards will not work,\u201d said David Davis, the Tory home affairs spokesman."),
        *quotes_of("The Conservatives said the scheme was a waste of money."),
        *quotes_of("\u201cWe back the plan,\u201d said Charles Clarke, the Labour home secretary."),
    ]
    found = {s.name for s in Directory(quotes).lookup("the Conservatives").speakers}
    assert "David Davis" in found and "Charles Clarke" not in found
    assert any("Conservative" in name for name in found)
