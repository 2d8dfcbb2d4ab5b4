"""Every page and action of the briefing cycle against four personas.

anonymous → login page; outsider (editor of another body) → 404 for objects
outside their tree, never 403 (existence does not leak); lead editor (editor
of the directive's lead body, a bloc member) → sees, reports progress, may not
close or edit the meeting; leader (Role.LEADER of the bloc's convening body) →
edits, closes, carries over, but does not report for a body that is not theirs.
"""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from giaoban.directives.models import Directive, DirectiveStatus
from giaoban.meetings.models import Attachment
from tests.directives.factories import DirectiveFactory, DirectiveUpdateFactory
from tests.expectations import EXPECTATIONS, build_world, check
from tests.meetings.factories import MeetingFactory, briefing_world

PERSONAS = ["anonymous", "outsider", "lead_editor", "leader"]
SECRET = "Vận động xây dựng nhà Đại đoàn kết bí mật"


@pytest.fixture
def world(db):
    w = briefing_world()
    w.directive = DirectiveFactory(meeting=w.meeting, lead=w.front, coordinating=[w.farmers], text=SECRET)
    w.update = DirectiveUpdateFactory(directive=w.directive, evidence=SimpleUploadedFile("bb.pdf", b"%PDF-1.4 x"))
    w.attachment = Attachment.objects.create(meeting=w.meeting, name="bien-ban.pdf",
                                             file=SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 y"), size=10)
    w.next_meeting = MeetingFactory(host=w.party, bloc=w.bloc, date=datetime.date(2022, 7, 5),
                                    title="Giao ban quý II/2022 huyện Thử Nghiệm")
    return w


def _client(client, world, persona):
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


def _expect(response, expected):
    if expected == "login":
        assert response.status_code == 302 and reverse("login") in response["Location"]
    else:
        assert response.status_code == expected, response.content.decode()[:500]


GET_PAGES = [
    # (url name, args from world, expected per persona: anonymous, outsider, lead_editor, leader)
    ("meetings:list", lambda w: [], ["login", 200, 200, 200]),
    ("meetings:bloc", lambda w: [w.bloc.pk], ["login", 404, 200, 200]),
    ("meetings:detail", lambda w: [w.meeting.pk], ["login", 404, 200, 200]),
    ("meetings:edit", lambda w: [w.meeting.pk], ["login", 404, 403, 200]),
    ("recording:conclusion", lambda w: [w.meeting.pk], ["login", 404, 403, 200]),
    ("meetings:create", lambda w: [], ["login", 200, 200, 200]),
    ("recording:import", lambda w: [], ["login", 200, 200, 200]),
    ("meetings:attachment", lambda w: [w.meeting.pk, w.attachment.pk], ["login", 404, 200, 200]),
    ("directives:list", lambda w: [], ["login", 200, 200, 200]),
    ("directives:mine", lambda w: [], ["login", 200, 200, 200]),
    ("directives:detail", lambda w: [w.directive.pk], ["login", 404, 200, 200]),
    ("directives:edit", lambda w: [w.directive.pk], ["login", 404, 403, 200]),
    ("directives:progress", lambda w: [w.directive.pk], ["login", 404, 200, 403]),
    ("directives:evidence", lambda w: [w.update.pk], ["login", 404, 200, 200]),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args", "expected"), GET_PAGES, ids=[p[0] for p in GET_PAGES])
@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_answer_each_persona_as_they_should(client, world, name, args, expected, persona):
    response = _client(client, world, persona).get(reverse(name, args=args(world)))
    _expect(response, expected[PERSONAS.index(persona)])


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["meetings:list", "directives:list", "directives:mine"])
def test_lists_never_show_another_organisations_meeting_or_directive(client, world, name):
    client.force_login(world.outsider)
    page = client.get(reverse(name)).content.decode()
    assert SECRET not in page and world.meeting.title not in page


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["directives:list", "directives:mine"])
def test_lead_editor_sees_the_directive_in_the_lists(client, world, name):
    client.force_login(world.lead_editor)
    assert SECRET in client.get(reverse(name)).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, ["login", 404, 302, 403], strict=True))
def test_only_lead_or_coordinating_editors_report_progress(client, world, persona, expected):
    before = world.directive.updates.count()
    response = _client(client, world, persona).post(reverse("directives:progress", args=[world.directive.pk]),
                                                    {"note": "Đã họp triển khai", "percent": 30,
                                                     "organization": world.front.pk})
    _expect(response, expected)
    assert world.directive.updates.count() == before + (1 if expected == 302 else 0)


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, ["login", 404, 403, 302], strict=True))
def test_only_the_convening_leader_closes_a_directive(client, world, persona, expected):
    response = _client(client, world, persona).post(reverse("directives:close", args=[world.directive.pk]), {
        "status": "done", "reason": "Đã hoàn thành", "version": world.directive.version})
    _expect(response, expected)
    status = Directive.objects.get(pk=world.directive.pk).status
    assert (status == DirectiveStatus.DONE) == (expected == 302)


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, ["login", 404, 403, 302], strict=True))
def test_only_the_convening_leader_carries_over(client, world, persona, expected):
    response = _client(client, world, persona).post(reverse("directives:carry", args=[world.directive.pk]),
                                                    {"meeting": world.next_meeting.pk})
    _expect(response, expected)
    assert world.directive.carried_to.filter(pk=world.next_meeting.pk).exists() == (expected == 302)


@pytest.mark.django_db
@pytest.mark.parametrize(("persona", "expected"), zip(PERSONAS, ["login", 404, 403, 302], strict=True))
def test_only_meeting_editors_upload_attachments(client, world, persona, expected):
    before = Attachment.objects.count()
    response = _client(client, world, persona).post(
        reverse("meetings:attachment_upload", args=[world.meeting.pk]),
        {"file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 plan")})
    _expect(response, expected)
    assert Attachment.objects.count() == before + (1 if expected == 302 else 0)


@pytest.mark.django_db
def test_member_of_a_bloc_member_sees_the_bloc_meeting_but_a_viewer_elsewhere_does_not(client, world):
    from giaoban.accounts.models import Role
    from tests.factories import MembershipFactory, UserFactory

    farmer = UserFactory(username="hoinongdan")
    MembershipFactory(user=farmer, organization=world.farmers, role=Role.VIEWER)
    client.force_login(farmer)
    assert client.get(reverse("meetings:detail", args=[world.meeting.pk])).status_code == 200
    client.force_login(world.outsider)
    assert client.get(reverse("meetings:detail", args=[world.meeting.pk])).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=[e.action for e in EXPECTATIONS])
@pytest.mark.parametrize("persona", PERSONAS)
def test_web_pages_follow_the_shared_table_of_expectations(client, expectation, persona):
    """The same table drives tests/api/test_permissions.py: the site and the API never disagree."""
    w = build_world()
    name, args = expectation.web.target(w)
    call = getattr(_client(client, w, persona), expectation.web.method.lower())
    response = call(reverse(name, args=args), expectation.web.data(w))
    check(response, expectation, persona, w, api=False)
