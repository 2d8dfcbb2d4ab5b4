"""Read a rendered form back into POST data, as a browser would submit it unchanged."""

from html.parser import HTMLParser


class _Form(HTMLParser):
    def __init__(self, form_id: str) -> None:
        super().__init__()
        self.form_id, self.inside, self.data = form_id, False, {}
        self._select = self._textarea = None
        self._multi = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside:
            return
        if tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in a:
                    self.data.setdefault(a["name"], []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "file"):
                self.data.setdefault(a["name"], []).append(a.get("value", ""))
        elif tag == "select":
            self._select, self._multi = a.get("name"), "multiple" in a
            self.data.setdefault(self._select, [])
        elif tag == "option" and self._select and "selected" in a:
            self.data[self._select].append(a.get("value", ""))
        elif tag == "textarea":
            self._textarea = a.get("name")
            self.data[self._textarea] = [""]

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            value = self.data[self._textarea][0] + data
            self.data[self._textarea] = [value[1:] if value.startswith("\n") else value]


def form_values(html: str, form_id: str) -> dict[str, list[str]]:
    parser = _Form(form_id)
    parser.feed(html)
    return {k: v for k, v in parser.data.items()}
