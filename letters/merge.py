"""The merge syntax of letter templates: plain text where ``{{ champ }}`` is replaced by the
value of one field of a closed list, and nothing else.

It is deliberately not Django's template language: a template typed in the portal must not
reach an object's attributes, call a method, load a tag library or include a file. Here a
template is text and names; each name is looked up in a flat dict of strings built by
``letters.fields``, and anything that is not a known name is refused when the template is
saved, with the line where it is (docs/letters.md lists the fields).
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

# ``{{ name }}``: lower-case letters, digits and underscores, spaces allowed inside the braces.
FIELD = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
NAME = re.compile(r"[a-z][a-z0-9_]*")
# What Django's or Jinja's syntax would open: refused, so that no one believes it works.
FORBIDDEN = (("{%", "%}"), ("{#", "#}"))
# Shown in the draft where the file holds no value, so that the caseworker sees what to fill.
MISSING = "[à compléter]"


@dataclass(frozen=True)
class MergeError:
    line: int
    message: str

    def __str__(self):
        return _("Ligne %(line)s : %(message)s") % {"line": self.line, "message": self.message}


def errors(text: str, allowed: set[str] | frozenset[str]) -> list[MergeError]:
    """Every fault of ``text`` as a template whose fields are ``allowed``, line by line (the
    first line is 1): unknown fields, expressions that are not a plain name, braces left
    open or closed alone, and template tags or comments."""
    found = []
    for number, line in enumerate(text.splitlines() or [""], start=1):
        for opening, closing in FORBIDDEN:
            if opening in line or closing in line:
                found.append(
                    MergeError(
                        number,
                        _(
                            "« %(mark)s » n'est pas admis : un modèle ne contient que du texte "
                            "et des champs écrits {{ nom_du_champ }}."
                        )
                        % {"mark": opening if opening in line else closing},
                    )
                )
        for match in FIELD.finditer(line):
            expression = match.group(1)
            if not NAME.fullmatch(expression):
                found.append(
                    MergeError(
                        number,
                        _(
                            "« %(expression)s » n'est pas un nom de champ : seuls les noms de "
                            "la liste sont admis, sans point, filtre ni espace."
                        )
                        % {"expression": match.group(0)},
                    )
                )
            elif expression not in allowed:
                found.append(
                    MergeError(
                        number,
                        _("le champ « %(name)s » n'existe pas pour ce type de dossier.")
                        % {"name": expression},
                    )
                )
        rest = FIELD.sub("", line)
        if "{{" in rest or "}}" in rest:
            found.append(
                MergeError(
                    number,
                    _(
                        "accolades non appariées : un champ s'écrit {{ nom_du_champ }}, sur "
                        "une seule ligne."
                    ),
                )
            )
    return found


def names(text: str) -> set[str]:
    """The field names ``text`` uses."""
    return {match.group(1) for match in FIELD.finditer(text)}


def merge(text: str, values: dict[str, str]) -> str:
    """``text`` with each field replaced by its value (plain text: the PDF template escapes
    it); an empty value leaves a mark to complete. ``text`` must have passed ``errors``."""

    def value(match):
        return values.get(match.group(1)) or MISSING

    return FIELD.sub(value, text)
