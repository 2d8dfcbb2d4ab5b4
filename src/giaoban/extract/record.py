"""The output record (GUIDE.md format)."""

from __future__ import annotations

KINDS = ("briefing", "working_session", "conference", "other")


def empty_record(kind: str = "other") -> dict:
    """A record with every list empty and every meeting field null."""
    return {
        "kind": kind,
        "meeting": {"date": None, "period": None, "next_period": None, "host": None, "chairs": []},
        "people": [],
        "directives": [],
        "figures": [],
        "references": [],
    }


def person_dict(name: str, title: str | None) -> dict:
    return {"name": name, "title": title}
