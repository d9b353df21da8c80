"""HTML to PDF with WeasyPrint, the same way for the worker, the command line and the bench,
for every document the portal prints (the plans' and budgets' reports, the letters).

Safety: the fetcher serves only the project's own static files (and data: URIs, which the
templates build themselves); anything else, in particular file:// paths and network URLs that
text typed by staff could smuggle in, is refused.
Speed (research notes §2): one FontConfiguration per process, reused by every render.
"""

import base64
import mimetypes
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.utils._os import safe_join
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Documents are parsed as if they were at the file system's root, so that the templates'
# ``{% static %}`` URLs ("/static/css/pdf.css") resolve to file:///static/… for the fetcher.
BASE_URL = "file:///"
# Tagged PDF with its title and language, readable by screen readers (RGAA covers downloads).
PDF_VARIANT = "pdf/ua-1"


class StaticFilesFetcher(URLFetcher):
    """Serves ``{% static %}`` files and data: URIs; refuses every other URL."""

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.lstrip("/")
        path = unquote(parts.path)
        if parts.scheme != "file" or parts.netloc or not path.startswith(prefix):
            raise ValueError(f"Ressource refusée dans un rapport PDF : {url}")
        found = _static_file(path.removeprefix(prefix))
        if found is None:
            raise ValueError(f"Fichier statique introuvable : {url}")
        mime_type = mimetypes.guess_type(found.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, found.read_bytes(), headers={"Content-Type": mime_type}, status=200
        )


def _static_file(name: str) -> Path | None:
    """The static file ``name`` from the apps' and project's folders, or from STATIC_ROOT
    (where collectstatic put it, hashed names included)."""
    try:
        found = finders.find(name)
        if found:
            return Path(found)
        collected = Path(safe_join(settings.STATIC_ROOT, name))
    except SuspiciousFileOperation:
        return None
    return collected if collected.is_file() else None


@cache
def font_configuration() -> FontConfiguration:
    """This process's font configuration: building one per render costs time (WeasyPrint #1495)."""
    return FontConfiguration()


def html_to_pdf(html: str) -> bytes:
    """The PDF of ``html`` (A4 and margins come from the document's own stylesheet)."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticFilesFetcher())
    return document.write_pdf(font_config=font_configuration(), pdf_variant=PDF_VARIANT)


def logo_data_uri(departement) -> str:
    """The Département's logo inlined, so that the PDF fetcher never reads the media folder."""
    if not departement.logo:
        return ""
    try:
        with departement.logo.open("rb") as handle:
            content = handle.read()
    except OSError:
        return ""
    mime_type = "image/svg+xml" if departement.logo.name.endswith(".svg") else "image/png"
    if departement.logo.name.lower().endswith((".jpg", ".jpeg")):
        mime_type = "image/jpeg"
    return f"data:{mime_type};base64,{base64.b64encode(content).decode()}"
