"""Every list's own filter box forgives diacritics the way the search box does."""

import pytest
from django.urls import reverse

from giaoban.core import textsearch
from giaoban.directives.models import Directive
from giaoban.meetings.models import Meeting
from tests.search.factories import search_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return search_world()


def test_the_directive_list_finds_ho_son_typed_without_diacritics(client, world):
    client.force_login(world.user)
    page = client.get(reverse("directives:list"), {"q": "ho son"}).content.decode()
    assert "Vận động nhân dân xã Hồ Sơn" in page and "Đại đoàn kết" not in page


def test_the_meeting_list_finds_a_title_typed_without_diacritics(client, world):
    client.force_login(world.user)
    page = client.get(reverse("meetings:list"), {"q": "khoi dan van"}).content.decode()
    assert "Hội nghị giao ban khối dân vận quý I/2022" in page


def test_it_asks_the_registered_index(world):
    found = textsearch.matching(Directive.objects.all(), "HỒ SƠN", "text")
    assert {d.text for d in found} == {"Vận động nhân dân xã Hồ Sơn hiến đất làm đường giao thông nông thôn",
                                       "Vận động nhân dân xã Hồ Sơn Xa hiến đất làm đường"}


def test_without_an_index_it_falls_back_to_a_plain_match(world, monkeypatch):
    monkeypatch.setattr(textsearch, "_provider", None)
    assert textsearch.matching(Meeting.objects.all(), "khối dân vận", "title").count() == 1
    assert not textsearch.matching(Meeting.objects.all(), "khoi dan van", "title").exists()
