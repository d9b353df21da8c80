"""Reads of the children's files, their measures and deadlines. Each runs a fixed number of
queries whatever the number of children, measures or documents."""

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from welfare.clocks import Clock, caseload_order, clocks_by_child, next_open
from welfare.enums import ClockStatus, MeasureType, PlacementBasis, Role
from welfare.models import (
    AccessLog,
    Child,
    Hearing,
    LegalParameter,
    LegalParameterSet,
    Measure,
    StatutoryDocument,
    User,
)
from welfare.rules import add_months
from welfare.timeline import TimelineEvent


def legal_parameters() -> LegalParameterSet:
    """Every dated legal threshold, to look up values at any date (one query)."""
    return LegalParameterSet(LegalParameter.objects.all())


def children_in_care_on(day: date):
    """Children confiés or accueillis on ``day``, with their territory and référent."""
    return Child.objects.in_care_on(day).select_related("territory", "referent")


@dataclass(frozen=True)
class CareCategory:
    """A legal category of children in care on a day: a care measure's type and, for a
    judicial placement, the item of art. 375-3 C. civ. it applies."""

    type: str
    placement_basis: str
    children: int

    @property
    def label(self) -> str:
        label = MeasureType(self.type).label
        if self.placement_basis:
            return f"{label} — {PlacementBasis(self.placement_basis).label}"
        return str(label)

    @property
    def confided_to_ase(self) -> bool:
        """Confié to the ASE: every care measure but the PEAD (the child stays at home, Cass.
        avis 14/02/2024) and the placements under 375-3 1°, 2°, 4° and 5°, counted apart."""
        return self.type in MeasureType.confided() and self.placement_basis in (
            "",
            PlacementBasis.ASE,
        )


def care_by_legal_category(*, children, day: date) -> list[CareCategory]:
    """How many of ``children`` are in care on ``day`` in each legal category (one grouped
    query), for the dashboard's counts: the PEAD its own line, the judicial placements by
    375-3 item. A child under two care measures that day counts in each of their categories;
    the total of children in care stays ``Child.objects.in_care_on(day)``."""
    rows = (
        Measure.objects.active_on(day)
        .care()
        .filter(child__in=children)
        .values("type", "placement_basis")
        .annotate(children=Count("child_id", distinct=True))
        .order_by("type", "placement_basis")
    )
    return [CareCategory(**row) for row in rows]


def measures_ending_within(*, children, today: date, months: int | None = None):
    """Measures of ``children`` that end between ``today`` and ``months`` later (by default
    the alert period in force) and that no later measure renews."""
    if months is None:
        months = legal_parameters().value("measure_end_alert_months", today)
    return (
        Measure.objects.filter(child__in=children)
        .not_renewed()
        .ending_between(today, add_months(today, months))
        .select_related("child")
        .order_by("end_date")
    )


def children_search(*, user, text: str = "", today: date):
    """The children ``user`` may open whose names contain ``text`` (accents and case
    ignored), with their territory, référent and the measures active ``today`` in
    ``current_measures``."""
    children = Child.objects.for_user(user)
    if text.strip():
        children = children.search(text)
    return children.select_related("territory", "referent").prefetch_related(
        Prefetch(
            "measures",
            queryset=Measure.objects.active_on(today).order_by("start_date"),
            to_attr="current_measures",
        )
    )


def archived_files(*, user, text: str = ""):
    """The files in intermediate archiving ``user`` may read (the archivist: all of them),
    whose names contain ``text``, most recently archived first, with their territory."""
    children = Child.objects.for_user(user).archived()
    if text.strip():
        children = children.search(text)
    return children.select_related("territory").order_by(
        "-archived_at", "last_name", "first_name", "pk"
    )


def child_clocks(child, *, today: date) -> list[Clock]:
    """The deadlines of ``child`` on ``today``, most pressing first (one query); a measure's
    deadline carries the measure when ``child`` comes from ``child_file`` (measures
    prefetched)."""
    clocks = clocks_by_child(Child.objects.filter(pk=child.pk), day=today).get(child.pk, [])
    measures = {measure.pk: measure for measure in child.measures.all()}
    return [
        replace(clock, measure=measures.get(clock.measure_id)) if clock.measure_id else clock
        for clock in clocks
    ]


@dataclass
class CaseloadRow:
    child: Child
    age: int
    clocks: list
    next_clock: Clock | None = None
    overdue: int = 0
    due: int = 0


@dataclass
class CaseworkerSummary:
    caseworker: User | None
    children: int = 0
    overdue: int = 0
    due: int = 0


class CaseloadRows(Sequence):
    """The caseload's rows in order, read from PostgreSQL one page at a time: its length is
    known from the summary query, and a slice reads only the children it holds (the page
    asked for is read with the summary, in the same query)."""

    def __init__(self, *, children, today, kind, status, total, window, rows):
        self._children = children
        self._today = today
        self._kind = kind
        self._status = status
        self._total = total
        self._window = window
        self._rows = rows

    def __len__(self):
        return self._total

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(self._total)
            if step != 1:
                return list(self)[index]
            if (start, stop) == self._window:
                return self._rows
            _summaries, ids = caseload_order(
                self._children,
                day=self._today,
                kind=self._kind,
                status=self._status,
                limit=max(stop - start, 0),
                offset=start,
            )
            return _caseload_rows(ids, today=self._today)
        if index < 0:
            index += self._total
        if not 0 <= index < self._total:
            raise IndexError(index)
        return self[index : index + 1][0]

    def __iter__(self):
        return iter(self[0 : self._total])


@dataclass
class Caseload:
    rows: Sequence
    overdue: int = 0
    due: int = 0
    by_caseworker: list = field(default_factory=list)


def _caseload_rows(ids, *, today: date) -> list[CaseloadRow]:
    """The rows of the children ``ids``, in that order (two queries: the children with their
    référents, their deadlines)."""
    if not ids:
        return []
    children = Child.objects.select_related("referent").in_bulk(ids)
    clocks_of = clocks_by_child(Child.objects.filter(pk__in=ids), day=today)
    rows = []
    for child_id in ids:
        child = children[child_id]
        clocks = clocks_of.get(child_id, [])
        counts = Counter(clock.status for clock in clocks)
        rows.append(
            CaseloadRow(
                child=child,
                age=child.age_on(today),
                clocks=[clock for clock in clocks if clock.is_open],
                next_clock=next_open(clocks),
                overdue=counts[ClockStatus.OVERDUE],
                due=counts[ClockStatus.DUE],
            )
        )
    return rows


def caseload(
    *,
    user,
    today: date,
    referent=None,
    status: str = "",
    kind: str = "",
    page: int = 1,
    per_page: int = 50,
) -> Caseload:
    """The children a caseworker follows (a territory manager: the whole territory, or one
    caseworker's) with their open deadlines, the most pressing first, and the counts of
    overdue and due items, also per caseworker. ``status`` and ``kind`` filter the rows.

    The order, the counts and the filters are PostgreSQL's (``clocks.caseload_order``): only
    the rows of page ``page`` are built. Four queries whatever the number of children: the
    counts per référent with the page's children, the référents, then the page's children
    and their deadlines; a page past the last one reads the last one again (one more).
    """
    children = Child.objects.for_user(user).followed_on(today)
    if user.role == Role.CASEWORKER:
        children = children.filter(referent=user)
    elif referent is not None:
        children = children.filter(referent=referent)
    offset = (max(page, 1) - 1) * per_page
    summaries, ids = caseload_order(
        children, day=today, kind=kind, status=status, limit=per_page, offset=offset
    )
    total = sum(summary.matching for summary in summaries)
    if offset and offset >= total:
        offset = max(math.ceil(total / per_page) - 1, 0) * per_page
        summaries, ids = caseload_order(
            children, day=today, kind=kind, status=status, limit=per_page, offset=offset
        )
    caseworkers = User.objects.in_bulk(
        [summary.referent_id for summary in summaries if summary.referent_id is not None]
    )
    by_caseworker = [
        CaseworkerSummary(
            caseworker=caseworkers.get(summary.referent_id),
            children=summary.children,
            overdue=summary.overdue,
            due=summary.due,
        )
        for summary in summaries
    ]
    by_caseworker.sort(
        key=lambda s: (
            s.caseworker is None,
            s.caseworker and s.caseworker.last_name,
            s.caseworker and s.caseworker.first_name,
            s.caseworker and s.caseworker.pk,
        )
    )
    rows = _caseload_rows(ids, today=today)
    return Caseload(
        rows=CaseloadRows(
            children=children,
            today=today,
            kind=kind,
            status=status,
            total=total,
            window=(offset, min(offset + per_page, total)),
            rows=rows,
        ),
        overdue=sum(summary.overdue for summary in by_caseworker),
        due=sum(summary.due for summary in by_caseworker),
        by_caseworker=by_caseworker,
    )


def child_for_user(*, user, public_id, for_update: bool = False) -> Child:
    """The child ``user`` may open, or 404 (another territory's child reveals nothing)."""
    children = Child.objects.for_user(user).select_related("territory", "referent")
    if for_update:
        children = children.select_for_update(of=("self",))
    return get_object_or_404(children, public_id=public_id)


def child_file(*, user, public_id) -> Child:
    """The child's file with everything its page shows, or 404 outside ``user``'s scope.

    Seven queries: the child, guardians, measures, documents (with their authors), siblings,
    hearings (with their measures).
    """
    children = (
        Child.objects.for_user(user)
        .select_related("territory", "referent")
        .prefetch_related(
            "guardians",
            Prefetch(
                "measures",
                queryset=Measure.objects.select_related("created_by").order_by("start_date", "pk"),
            ),
            Prefetch(
                "documents",
                queryset=StatutoryDocument.objects.select_related(
                    "author", "referent", "measure"
                ).order_by("completed_on"),
            ),
            Prefetch("siblings", queryset=Child.objects.order_by("birth_date")),
            Prefetch(
                "hearings",
                queryset=Hearing.objects.select_related("measure", "decision").order_by(
                    "date", "pk"
                ),
            ),
        )
    )
    return get_object_or_404(children, public_id=public_id)


def own_timeline(child) -> list[TimelineEvent]:
    """welfare's events of a child fetched through ``child_file`` (no query): measures
    decided, started, renewed and ended, documents done and sent to the judge, hearings."""
    events = []
    for measure in child.measures.all():
        events.append(
            TimelineEvent(
                date=measure.start_date,
                kind=_("Mesure"),
                title=_("Début : %(type)s") % {"type": measure.get_type_display()},
                detail=_("Décision du %(day)s, %(by)s")
                % {
                    "day": f"{measure.decision_date:%d/%m/%Y}",
                    "by": measure.get_decided_by_display(),
                },
            )
        )
        if measure.end_reason:
            events.append(
                TimelineEvent(
                    date=measure.end_date,
                    kind=_("Mesure"),
                    title=_("Fin : %(type)s") % {"type": measure.get_type_display()},
                    detail=measure.get_end_reason_display(),
                )
            )
    for document in child.documents.all():
        events.append(
            TimelineEvent(
                date=document.completed_on,
                kind=_("Document"),
                title=document.get_kind_display(),
                detail=str(document.author or ""),
            )
        )
        if document.sent_to_judge_on:
            events.append(
                TimelineEvent(
                    date=document.sent_to_judge_on,
                    kind=_("Document"),
                    title=_("Transmis au juge : %(kind)s") % {"kind": document.get_kind_display()},
                )
            )
    for hearing in child.hearings.all():
        events.append(
            TimelineEvent(
                date=hearing.date,
                kind=_("Audience"),
                title=_("Audience : %(kind)s") % {"kind": hearing.get_kind_display()},
                detail=", ".join(
                    part for part in (hearing.court, hearing.judge, hearing.outcome) if part
                ),
            )
        )
    return events


def territory_caseworkers(territory):
    """The référents ASE and managers of ``territory``, who may be a child's référent."""
    return User.objects.filter(
        territory=territory,
        role__in=(Role.CASEWORKER, Role.TERRITORY_MANAGER),
        is_active=True,
    ).order_by("last_name", "first_name")


def access_log(child):
    """Who opened this child's file, newest first, with the users."""
    return AccessLog.objects.for_child(child)


def territory_refusals(territory):
    """The refused attempts at the files of ``territory``'s children, newest first, with the
    users and the children (none for a manager without a territory)."""
    if territory is None:
        return AccessLog.objects.none()
    return (
        AccessLog.objects.refused()
        .filter(child__territory=territory)
        .select_related("user", "child")
        .order_by("-accessed_at", "-pk")
    )


def access_audit(*, child=None, user=None, first: date | None = None, last: date | None = None):
    """Every access, allowed or refused, to ``child``'s file or by ``user``'s account, on the
    days from ``first`` to ``last`` (both included, either may be open), oldest first, with
    the accounts and the children (one query)."""
    rows = AccessLog.objects.all()
    if child is not None:
        rows = rows.filter(child=child)
    if user is not None:
        rows = rows.filter(user=user)
    return rows.between(first, last).select_related("user", "child").order_by("accessed_at", "pk")
