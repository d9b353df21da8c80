"""Reading extracts as French offices write them."""

import io
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from records_import.enums import CodeList
from records_import.models import CodeMapping
from records_import.reading import FileError, parse_bool, parse_date, read_table


def rows_of(name, raw: bytes):
    with read_table(name, io.BytesIO(raw)) as (header, rows):
        return header, [(row.line, row.cells) for row in rows]


def test_a_windows_1252_csv_with_semicolons_is_read_with_its_accents():
    raw = "Id;Prénom\r\n1;Benoît\r\n".encode("cp1252")

    assert rows_of("enfants.csv", raw) == (["id", "prénom"], [(2, {"id": "1", "prénom": "Benoît"})])


def test_a_utf8_csv_with_a_bom_and_commas_is_read_without_the_bom():
    raw = "\ufeffid,nom\n1,Chloé\n\n2,Noé\n".encode()

    header, rows = rows_of("enfants.csv", raw)

    assert header == ["id", "nom"]
    # The blank line is skipped, and the lines keep their number in the file.
    assert rows == [(2, {"id": "1", "nom": "Chloé"}), (4, {"id": "2", "nom": "Noé"})]


def test_an_empty_file_is_refused_with_a_french_reason():
    with pytest.raises(FileError, match="en-tête"):
        rows_of("enfants.csv", b"")


def test_an_xlsx_sheet_is_read_with_its_dates_and_numbers():
    workbook = Workbook()
    workbook.active.append(["ID", "NAISSANCE", "PLACES"])
    workbook.active.append(["E1", date(2012, 3, 14), 3])
    buffer = io.BytesIO()
    workbook.save(buffer)

    header, rows = rows_of("enfants.xlsx", buffer.getvalue())

    assert rows == [(2, {"id": "E1", "naissance": "2012-03-14", "places": "3"})]


def test_a_damaged_workbook_is_refused():
    with pytest.raises(FileError, match="illisible"):
        rows_of("enfants.xlsx", b"not a workbook")


@pytest.mark.parametrize("text", ["14/03/2012", "2012-03-14", "14/3/2012"])
def test_dates_are_read_french_or_iso(text):
    assert parse_date(text) == date(2012, 3, 14)


@pytest.mark.parametrize("text", ["31/02/2015", "2015/02/01", "hier", "01/01/1850"])
def test_other_dates_are_refused_with_a_french_message(text):
    with pytest.raises(ValueError, match="date"):
        parse_date(text)


def test_yes_and_no_are_read_as_spreadsheets_write_them():
    assert [parse_bool(word) for word in ("O", "oui", "1", "X", "N", "non", "0", "")] == [
        True,
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    with pytest.raises(ValueError, match="ni oui ni non"):
        parse_bool("peut-être")


def test_a_mapping_to_a_value_the_portal_does_not_know_is_refused(db):
    mapping = CodeMapping(code_list=CodeList.MEASURE_TYPE, source_code="PLJ", target="placemnt")

    with pytest.raises(ValidationError) as error:
        mapping.full_clean()

    assert "placement" in error.value.message_dict["target"][0]


def test_a_mapping_to_an_unknown_territory_is_refused(nord):
    CodeMapping(code_list=CodeList.TERRITORY, source_code="C1", target="nord").full_clean()

    with pytest.raises(ValidationError, match="Aucun territoire"):
        CodeMapping(code_list=CodeList.TERRITORY, source_code="C2", target="est").full_clean()
