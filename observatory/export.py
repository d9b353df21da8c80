"""The CSV file of one block: French headers, ``;`` between fields and UTF-8 with a byte-order
mark, so that Excel opens it as it is."""

import csv

from django.http import HttpResponse

from observatory.formatting import csv_value

BOM = "\ufeff"


def block_filename(block, params) -> str:
    parts = ["tableau-de-bord", block.key.replace("_", "-"), block.span]
    if params.territory:
        parts.append(params.territory.code)
    return "_".join(parts) + ".csv"


def block_csv(block, params) -> HttpResponse:
    """A download of ``block``'s table as it is on the page."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{block_filename(block, params)}"'
    response.write(BOM)
    writer = csv.writer(response, delimiter=";")
    writer.writerow([str(column) for column in block.columns])
    for row in block.rows:
        writer.writerow([row.label, *(csv_value(value) for value in row.values)])
    return response
