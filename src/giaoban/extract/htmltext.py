"""HTML to text with the standard library: markup, scripts, styles and navigation dropped,
block elements become line breaks."""

from __future__ import annotations

import re
from html.parser import HTMLParser

# A whole HTML document (a saved page), whatever the file is called: it opens with a doctype or <html>.
_DOCUMENT_START = re.compile(r"\A\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.IGNORECASE | re.DOTALL)

_SKIP = frozenset(
    [
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "select",
        "option",
        "button",
        "iframe",
        "svg",
        "template",
        "head",
        "menu",
    ]
)
_BLOCK = frozenset(
    [
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "td",
        "th",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "table",
        "blockquote",
        "dd",
        "dt",
        "pre",
        "figcaption",
        "caption",
        "title",
        "hr",
    ]
)
_CHROME_HINTS = (
    "menu",
    "breadcrumb",
    "sidebar",
    "footer",
    "header",
    "navbar",
    "comment",
    "related",
    "share",
    "social",
    "banner",
    "calendar",
    "lich-cong-tac",
    "tin-khac",
    "othernews",
)


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0
        self._stack: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        tag = tag.lower()
        if tag in ("br", "hr"):
            self.parts.append("\n")
            return
        if tag in ("img", "meta", "link", "input", "source", "wbr"):
            return
        attr_text = " ".join((v or "") for k, v in attrs if k in ("class", "id", "role")).lower()
        skip = tag in _SKIP or any(h in attr_text for h in _CHROME_HINTS) or "navigation" in attr_text
        self._stack.append((tag, skip))
        if skip:
            self._skip_depth += 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        tag = tag.lower()
        # Pop to the matching tag; tolerate unclosed tags.
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                for _, skipped in self._stack[i:]:
                    if skipped:
                        self._skip_depth -= 1
                del self._stack[i:]
                break
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth <= 0:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Readable text of an HTML page, one block a line."""
    parser = _TextParser()
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - malformed markup: keep what was parsed
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def is_html_document(text: str) -> bool:
    """Whether ``text`` is a saved HTML page (it opens with "<!DOCTYPE html" or "<html")."""
    return bool(_DOCUMENT_START.match(text[:4000]))
