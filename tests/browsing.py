"""What a person does in the browser tests, step by step."""

import re


def follow(link) -> None:
    """Click a link and wait, as a person does, until the page it opens has loaded: the page's scripts (htmx) run
    before "load", and a control clicked earlier acts without them (a link htmx would swap into its row opens a page
    of its own instead)."""
    href = link.get_attribute("href")
    link.click()
    link.page.wait_for_url(re.compile(re.escape(href) + "$"), wait_until="load")


def menu(page, name: str) -> None:
    """Open a page from the main navigation."""
    follow(page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name=name, exact=True))
