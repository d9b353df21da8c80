"""Reading a list page's pagination the way a browser follows it."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

PAGINATION = re.compile(r'<nav aria-label="Pages de résultats">(.*?)</nav>', re.S)
HREF = re.compile(r'href="([^"]*)"')


def page_links(content: str) -> list[dict]:
    """The query of every link of the page's pagination, as ``{name: [values]}``."""
    [nav] = PAGINATION.findall(content)
    return [parse_qs(urlsplit(unescape(href)).query) for href in HREF.findall(nav)]
