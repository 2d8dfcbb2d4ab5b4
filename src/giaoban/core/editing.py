"""Shared pieces of the edit pages: the refusal of a stale save and what the other person changed."""

from django.http import QueryDict

from giaoban.core.versioning import ConcurrentEditError


def conflict(error: ConcurrentEditError, label: str = "") -> dict:
    """Template context for the refusal box: who saved last, when, and the fields that differ."""
    current = error.current
    last = current.history.select_related("history_user").first() if current is not None else None
    return {
        "label": label or (str(current) if current is not None else ""),
        "who": last.history_user if last else None,
        "when": last.history_date if last else None,
        "deleted": current is None,
        "changes": [{"field": name, "theirs": _plain(theirs), "ours": _plain(ours)}
                    for name, (theirs, ours) in error.changes.items()],
    }


def _plain(value) -> str:
    if value in (None, ""):
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value)


def with_versions(data: QueryDict, versions: dict[str, int]) -> QueryDict:
    """The user's input with the hidden versions moved to the current ones.

    The refused form keeps everything the user typed; saving it again is then a
    deliberate choice made after seeing the other person's changes.
    """
    data = data.copy()
    for name, version in versions.items():
        data[name] = str(version)
    return data
