"""Names sort in Vietnamese alphabetical order, the same on SQLite and PostgreSQL."""

import random

import pytest

from giaoban.core.collation import sort_key, vietnamese
from giaoban.meetings.models import Person
from giaoban.organisations.models import Organization
from tests.factories import OrganizationFactory

# The order PostgreSQL's ICU "vi" collation gives (checked against it by the last test).
LETTERS = ["An", "Ánh", "Ăn", "Ân", "Ba", "Bình", "Dương", "Đào", "E", "Ê", "On", "Ôn", "Ơn", "U", "Ư"]
TONES_AND_CASE = ["da", "Da", "đa", "Đa", "Lê Anh", "Lê Văn An", "Lê văn Ân", "ma", "Ma", "MA", "mà", "mả", "mã",
                  "má", "mạ"]
SYLLABLES = ["an", "anh", "ăn", "ân", "bình", "dũng", "đào", "đức", "hòa", "hoà", "hùng", "lan", "lê", "linh",
             "mai", "minh", "nga", "ngọc", "ơn", "phúc", "quý", "sơn", "thủy", "thuỷ", "trần", "tú", "ư", "vân"]


def test_letters_with_breve_circumflex_and_horn_come_after_their_base_letter():
    assert sorted(reversed(LETTERS), key=sort_key) == LETTERS


def test_tones_then_case_only_break_ties():
    assert sorted(reversed(TONES_AND_CASE), key=sort_key) == TONES_AND_CASE


@pytest.mark.django_db
def test_the_database_orders_names_the_vietnamese_way():
    for name in random.Random(7).sample(LETTERS, len(LETTERS)):
        OrganizationFactory(name=f"Hội {name}")
    ordered = Organization.objects.filter(name__startswith="Hội ").order_by(vietnamese("name"))
    assert [o.name[4:] for o in ordered] == LETTERS


@pytest.mark.django_db
def test_the_database_and_the_python_key_agree_on_many_names():
    rng = random.Random(11)
    names = {" ".join(rng.choice(SYLLABLES).capitalize() if rng.random() < 0.5 else rng.choice(SYLLABLES)
                      for _ in range(rng.randint(1, 3))) for _ in range(150)}
    Person.objects.bulk_create([Person(name=name) for name in names])
    in_database = list(Person.objects.order_by(vietnamese("name"), "pk").values_list("name", flat=True))
    assert len(in_database) == len(names)
    assert in_database == sorted(in_database, key=sort_key)
