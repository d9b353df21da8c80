"""What every part of the dashboard shares: the parameters of a reading, and the shapes of its
figures (a section's JSON-able figures, and the blocks the page, the CSV and the PDF show).

A section is written as two functions (``SectionKind``): ``figures(params)`` computes its plain
figures, which ``indicators`` prints and the coming API will serve; ``blocks(figures, params)``
presents them as tables (and so charts), with no query of its own.

A block is one table: the same rows feed its chart, its CSV file and the PDF, so the three can
never disagree.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils.http import urlencode

from observatory.formatting import display
from welfare.charts import Chart, bar_chart
from welfare.enums import Role
from welfare.models import Territory
from welfare.scope import Scope

# Who reads the dashboard: the directorate (the whole Département) and the territory managers
# (their own territory only).
DASHBOARD_ROLES = (Role.DIRECTORATE, Role.TERRITORY_MANAGER)
# The observatory's national export is the directorate's.
OBSERVATORY_ROLES = (Role.DIRECTORATE,)


@dataclass(frozen=True)
class Params:
    """A reading of the dashboard: the figures at ``day``, the flows from ``start`` to ``end``
    (both included), the yearly figures of ``end``'s year, for one territory or all."""

    day: date
    start: date
    end: date
    territory: Territory | None = None
    # What the reader may count (``Scope.for_user``); the whole Département for a reading
    # with no reader (the ``indicators`` command, a PDF whose request was checked).
    rights: Scope = Scope.departement()

    @property
    def scope(self) -> Scope:
        """What the reading counts: the reader's rights narrowed to the territory chosen."""
        return self.rights.narrowed(self.territory)

    @property
    def year(self) -> int:
        return self.end.year

    def as_json(self) -> dict:
        return {
            "date": self.day.isoformat(),
            "period": {"start": self.start.isoformat(), "end": self.end.isoformat()},
            "year": self.year,
            "territory": self.territory.code if self.territory else None,
        }

    def query(self) -> dict:
        """The GET parameters that give this reading back (for links and the CSV export)."""
        query = {
            "day": self.day.isoformat(),
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
        }
        if self.territory:
            query["territory"] = self.territory.code
        return query


@dataclass(frozen=True)
class Row:
    """A line of a block's table: its label and one value per column after the first.
    ``total`` marks a total or sub-total, ``detail`` a "dont …" line under the one above.
    The chart draws the other lines, unless ``charted`` says otherwise."""

    label: str
    values: tuple
    total: bool = False
    detail: bool = False
    charted: bool | None = None

    @property
    def in_chart(self) -> bool:
        return (not self.total and not self.detail) if self.charted is None else self.charted


@dataclass(frozen=True)
class Link:
    """A page that lists what a figure counts, for the roles that may open it."""

    label: str
    url: str
    roles: tuple


def link(label, url_name, *, roles, args=(), query=None) -> Link:
    url = reverse(url_name, args=args)
    if query:
        url = f"{url}?{urlencode(query)}"
    return Link(label=str(label), url=url, roles=tuple(roles))


@dataclass
class Block:
    """One table of figures. ``columns`` are the headers, the first one heading the rows'
    labels; ``chart_columns`` are the indexes (in ``Row.values``) drawn in the chart;
    ``span`` names the date or period in the CSV file name."""

    key: str
    title: str
    columns: list
    rows: list
    span: str
    chart_columns: tuple = (0,)
    links: list = field(default_factory=list)
    note: str = ""

    def links_for(self, user) -> list[Link]:
        return [link for link in self.links if user.role in link.roles]

    def chart(self) -> Chart | None:
        """The bars of ``chart_columns`` for the rows in the chart, written as in the table;
        None when there is nothing to draw."""
        rows = [row for row in self.rows if row.in_chart]
        values = [[row.values[index] for index in self.chart_columns] for row in rows]
        if not max((value or 0 for row in values for value in row), default=0):
            return None
        return bar_chart(
            key=self.key,
            title=self.title,
            series=[self.columns[index + 1] for index in self.chart_columns],
            rows=[(row.label, row_values) for row, row_values in zip(rows, values, strict=True)],
            text=display,
        )


@dataclass
class Section:
    """A part of the dashboard as shown: its figures (JSON-able, printed by ``indicators``)
    and its blocks; ``roles`` may see it."""

    key: str
    title: str
    figures: dict
    blocks: list
    roles: tuple = DASHBOARD_ROLES


@dataclass(frozen=True)
class SectionKind:
    """A part of the dashboard: ``figures(params)`` gives its figures (a few aggregate
    queries, whatever the number of records); ``title(params)`` and ``blocks(figures,
    params)`` present them. ``block_keys`` name its blocks, so that the CSV of one block
    computes its own section only; ``roles`` may see it."""

    key: str
    figures: Callable[[Params], dict]
    title: Callable[[Params], str]
    blocks: Callable[[dict, Params], list]
    block_keys: tuple
    roles: tuple = DASHBOARD_ROLES

    def section(self, params: Params) -> Section:
        figures = self.figures(params)
        return Section(
            key=self.key,
            title=self.title(params),
            figures=figures,
            blocks=self.blocks(figures, params),
            roles=self.roles,
        )


def total_row(label, rows, columns: int) -> Row:
    """The sum of ``rows`` (their detail lines left out) on each of ``columns`` values."""
    sums = [0] * columns
    for row in rows:
        if row.detail:
            continue
        for index in range(columns):
            sums[index] += row.values[index] or 0
    return Row(label=str(label), values=tuple(sums), total=True)
