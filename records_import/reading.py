"""Reading a source extract as it comes from a Département's offices: CSV in UTF-8 (with or
without BOM) or Windows-1252, separated by ``;`` or ``,``, and ``.xlsx`` workbooks. Rows are
streamed one at a time, so memory does not grow with the file."""

import csv
import io
import itertools
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime

from django.utils.translation import gettext as _

SAMPLE_BYTES = 64 * 1024
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
FRENCH_DATE = re.compile(r"^\d{1,2}/\d{1,2}/\d{4}$")


class FileError(Exception):
    """A file that cannot be read at all (its message is French and names no person)."""


@dataclass(frozen=True)
class SourceRow:
    """One data row: its line number in the file (the header is line 1) and its cells by
    lower-case column name, every value stripped."""

    line: int
    cells: dict


def detect_encoding(raw: bytes) -> str:
    """UTF-8 (its BOM removed) when the bytes decode as such, else Windows-1252, the
    encoding of spreadsheets saved as CSV on French office computers."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as error:
        # A sample may end inside a multi-byte character: only an error before its last three
        # bytes proves the file is not UTF-8.
        if error.start < len(raw) - 3:
            return "cp1252"
    return "utf-8-sig"


def detect_delimiter(text: str) -> str:
    """``;`` or ``,``, whichever splits the header line into more columns."""
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") >= header.count(",") else ","


def _normalise_header(name) -> str:
    return str(name or "").strip().lower()


def _rows(header, records, first_line) -> Iterator[SourceRow]:
    names = [_normalise_header(name) for name in header]
    for line, record in enumerate(records, start=first_line):
        values = ["" if value is None else _cell_text(value) for value in record]
        if not any(values):
            continue
        yield SourceRow(line=line, cells=dict(zip(names, values, strict=False)))


def _cell_text(value) -> str:
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


@contextmanager
def read_csv(handle) -> Iterator[tuple[list[str], Iterator[SourceRow]]]:
    """The header and the rows of a CSV opened in binary mode."""
    sample = handle.read(SAMPLE_BYTES)
    encoding = detect_encoding(sample)
    handle.seek(0)
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")
    try:
        try:
            first = text.readline()
        except UnicodeDecodeError as error:
            raise FileError(_("Le fichier n'est ni en UTF-8 ni en Windows-1252.")) from error
        reader = csv.reader(
            itertools.chain([first], text), delimiter=detect_delimiter(first), strict=False
        )
        header = next(reader, None)
        if not header:
            raise FileError(_("Le fichier est vide : la ligne d'en-tête manque."))
        yield [_normalise_header(name) for name in header], _rows(header, reader, 2)
    finally:
        # The caller closes its own handle: the wrapper lets go of it without closing it.
        text.detach()


@contextmanager
def read_xlsx(handle) -> Iterator[tuple[list[str], Iterator[SourceRow]]]:
    """The header and the rows of the first sheet of a workbook (read-only mode: streamed)."""
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(handle, read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise FileError(_("Le classeur .xlsx est illisible ou endommagé.")) from error
    try:
        records = workbook.worksheets[0].iter_rows(values_only=True)
        header = next(records, None)
        if not header or not any(header):
            raise FileError(_("Le fichier est vide : la ligne d'en-tête manque."))
        yield [_normalise_header(name) for name in header], _rows(header, records, 2)
    finally:
        workbook.close()


def read_table(name: str, handle):
    """A context giving the header and rows of ``handle`` (binary), read by the extension of
    ``name``: ``with read_table(name, handle) as (header, rows): ...``."""
    if name.lower().endswith(".xlsx"):
        return read_xlsx(handle)
    return read_csv(handle)


def parse_date(text: str) -> date:
    """A date written ``jj/mm/aaaa`` or ``aaaa-mm-jj``; ``ValueError`` with a French message
    otherwise, or outside the years 1900–2099 (the bound every form of the portal keeps)."""
    text = text.strip()
    try:
        if ISO_DATE.match(text):
            day = date.fromisoformat(text)
        elif FRENCH_DATE.match(text):
            day_of_month, month, year = (int(part) for part in text.split("/"))
            day = date(year, month, day_of_month)
        else:
            raise ValueError
    except ValueError:
        raise ValueError(
            _("« %(value)s » n'est pas une date (jj/mm/aaaa ou aaaa-mm-jj).") % {"value": text}
        ) from None
    if not 1900 <= day.year <= 2099:
        raise ValueError(_("La date %(value)s est hors des années 1900 à 2099.") % {"value": text})
    return day


TRUE_WORDS = {"1", "o", "oui", "vrai", "x", "y", "yes", "true"}
FALSE_WORDS = {"", "0", "n", "non", "faux", "no", "false"}


def parse_bool(text: str) -> bool:
    """Oui/non as spreadsheets write it (``O``/``N``, ``1``/``0``, ``oui``/``non``, ``X``)."""
    word = text.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError(_("« %(value)s » n'est ni oui ni non (O/N, 1/0).") % {"value": text})


def parse_int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        raise ValueError(_("« %(value)s » n'est pas un nombre entier.") % {"value": text}) from None
