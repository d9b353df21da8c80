"""The portal's texts are written in French and go through gettext without a catalogue of the
portal's own (docs/decisions.md, "Language"): a msgid is shown as written. A msgid that some
installed app's French catalogue also holds is shown as that app translates it instead: the
concern's badge ``{% translate "Close" %}`` read "Fermer", from Django admin's catalogue. This
test reads the codebase itself and fails on any such msgid; give it a context
(``{% translate "…" context "…" %}``, ``pgettext``) or other words."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

SOURCES = ("templates", "welfare", "placements", "prevention", "schemes")
TEMPLATE_MSGID = re.compile(r"""\{%\s*(?:translate|trans)\s+(["'])(.+?)\1(?!\s+context)""")
PYTHON_MSGID = re.compile(
    r"""\b(?:_|gettext|gettext_lazy|ngettext|ngettext_lazy)\(\s*(["'])(.+?)(?<!\\)\1\s*[,)]"""
)


def _msgids():
    found = {}
    for folder in SOURCES:
        for path in (Path(settings.BASE_DIR) / folder).rglob("*"):
            if path.suffix in (".html", ".txt", ".svg"):
                pattern = TEMPLATE_MSGID
            elif path.suffix == ".py" and "migrations" not in path.parts:
                pattern = PYTHON_MSGID
            else:
                continue
            for match in pattern.finditer(path.read_text()):
                found.setdefault(match.group(2), path.relative_to(settings.BASE_DIR))
    return found


def test_the_collector_finds_the_portals_msgids():
    msgids = _msgids()
    assert msgids["Informations préoccupantes"]
    assert msgids["Écrivez votre question."]


def test_no_msgid_of_the_portal_is_translated_by_another_apps_catalogue():
    with translation.override("fr"):
        collisions = {
            f"{msgid!r} → {translation.gettext(msgid)!r} ({path})"
            for msgid, path in _msgids().items()
            if translation.gettext(msgid) != msgid
        }
    assert not collisions
