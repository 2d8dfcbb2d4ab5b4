"""Minutes are rich text typed or pasted by office staff: keep the formatting, drop anything active."""

import html
import re

import nh3

# Formatting a Word or browser paste keeps; no scripts, styles, forms, frames or event handlers.
ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "u", "s", "sub", "sup", "ul", "ol", "li", "h2", "h3", "h4",
                "blockquote", "table", "thead", "tbody", "tr", "th", "td", "a", "span", "div", "hr"}
_LOOKS_LIKE_HTML = re.compile(r"<(/?[a-z][a-z0-9]*)(\s[^<>]*)?/?>", re.IGNORECASE)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "td": {"colspan", "rowspan"}, "th": {"colspan", "rowspan"}}


def sanitize_minutes(value: str | None) -> str:
    """Safe HTML; plain text (no tags at all) becomes paragraphs so line breaks survive."""
    if not value or not value.strip():
        return ""
    if not _LOOKS_LIKE_HTML.search(value):
        paragraphs = [p.strip() for p in value.replace("\r\n", "\n").split("\n\n") if p.strip()]
        value = "".join(f"<p>{html.escape(p).replace(chr(10), '<br>')}</p>" for p in paragraphs)
    return nh3.clean(value, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
