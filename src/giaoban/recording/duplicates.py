"""A meeting that is already recorded: the same host and date, or the same directives.

Importing the same text twice used to make a second meeting silently, and the
carry-over list of the next briefing then named every directive twice.  The
review page flags such a match and the save is refused until the user confirms.
"""

from django.utils.translation import gettext as _

from giaoban.core.text import fold
from giaoban.meetings.models import Meeting

SHARE = 0.8  # this share of the proposed directives found in one meeting makes it "the same directives"


def _key(text: str) -> str:
    return " ".join(fold(text).split()).strip(" .;")


def same_directives(user, texts: list[str]) -> list[Meeting]:
    """Visible meetings that already hold (nearly) all of these directive texts."""
    keys = {_key(t) for t in texts if t and t.strip()}
    if not keys:
        return []
    # Stored texts are compared as written, with and without a final stop; the folded keys decide.
    written = {t.strip() for t in texts if t and t.strip()}
    written |= {t.rstrip(" .;") for t in written}
    candidates = Meeting.objects.visible_to(user).filter(directives__text__in=sorted(written)).distinct()
    found = []
    for meeting in candidates.prefetch_related("directives"):
        theirs = {_key(d.text) for d in meeting.directives.all()}
        if len(keys & theirs) >= max(1, SHARE * len(keys)):
            found.append(meeting)
    return found


def warnings(user, host, date, texts: list[str]) -> list[str]:
    """One Vietnamese line per existing meeting this one seems to repeat."""
    lines, seen = [], set()
    same_day = Meeting.objects.visible_to(user).same_occasion(host, date) if host and date else []
    for meeting in same_day:
        seen.add(meeting.pk)
        lines.append(_("Đã có cuộc họp “%(title)s” của %(host)s ngày %(date)s.")
                     % {"title": meeting.title, "host": meeting.host.name, "date": meeting.date.strftime("%d/%m/%Y")})
    for meeting in same_directives(user, texts):
        if meeting.pk not in seen:
            lines.append(_("Cuộc họp “%(title)s” ngày %(date)s đã có các chỉ đạo này.")
                         % {"title": meeting.title, "date": meeting.date.strftime("%d/%m/%Y")})
    return lines
