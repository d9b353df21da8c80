"""Statutory deadlines of children, computed from the measures and documents on record and the
dated legal thresholds (domain_rules.md §2.2, §2.3, §2.5); nothing here is typed by hand.

The rules are written once, as one SQL statement (``_CLOCKS``): the child's file, the
caseload "Mon activité" and the directorate's dashboard all read their deadlines from it, so
their counts agree, and any number of children costs one query, without a loop over rows.

The day matters for history: on a past day only what was on record by then counts (documents
completed by that day, measures begun or decided by then).

The rules, per child, on the day:

- every measure that has an end date but neither an end reason nor a renewal decided by the
  day gives a "measure end" deadline on its end date, with an alert the number of months
  before it in force on that end date;
- the "episode" is the last unbroken run of measures begun by the day (a measure starting
  the day after the previous one ends continues it); the child is "under a measure" while it
  lasts;
- a minor under a measure has a PPE due a number of months after the episode starts (done by
  a PPE completed since), a rapport de situation due a period after the last one (or after the
  start), the period being the shorter one when the child was under the age threshold at that
  last report; and, when accommodated and a year short of the interview age or older, an
  autonomy interview due at that age (at once if care started later);
- a child under a measure and in care from the interview age gets the decision at majority
  (done by a jeune majeur measure starting from majority), and a young adult under a jeune
  majeur measure the end of that support the day before the age limit. These clocks of
  children confiés (the interview, the decision at majority) run under a judicial placement
  only when it confies the child to the ASE (art. 375-3 3° C. civ.), and never under a PEAD
  (an AEMO renforcée with hébergement: the child is not confié, Cass. avis 14/02/2024);
- a child confié by the judge (a placement 375-3 3°, an OPP) has his rapport de situation
  due to the judge: the period runs from the last report sent to the judge (art. 375 last
  al. C. civ., L223-5 CASF), not from the last one written;
- the judicial cycle (issue 17): a recueil without the parents' agreement has the judge
  seized within 5 days (L223-2 al. 4 CASF), a parquet OPP within 8 days (art. 375-5 al. 2
  C. civ.), done on the day of the referral; an OPP of the judge made without hearing the
  parties has them summoned within 15 days (art. 1184 al. 2 CPC), done by a hearing on
  record, and a decision on the merits within 6 months, once extended by 6 (art. 1185 CPC).
  A later measure of the child, or the provisional measure's own end, closes them all, and
  the end deadline of the provisional measure with them;
- a judicial measure with a term has its rapport d'échéance due a number of months before
  its end, or before the hearing set for it when that comes first; done once sent to the
  judge. Once the end has passed unsent, only the measure's end deadline remains.

Each deadline is overdue once past, due from its alert date, upcoming before, or done.
"""

import re
from dataclasses import dataclass
from datetime import date

from django.db import connection

from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureType, PlacementBasis
from welfare.enums import LegalParameterKey as Key
from welfare.models import Hearing, LegalParameter, Measure, StatutoryDocument

STATUS_ORDER = {status: rank for rank, status in enumerate(ClockStatus)}


@dataclass(frozen=True)
class Clock:
    kind: str
    due_on: date
    status: str
    done_on: date | None = None
    measure_id: int | None = None
    measure: object = None

    @property
    def label(self):
        return ClockKind(self.kind).label

    @property
    def status_label(self):
        return ClockStatus(self.status).label

    @property
    def is_open(self):
        return self.status != ClockStatus.DONE

    @property
    def sort_key(self):
        return (STATUS_ORDER[self.status], self.due_on)


def next_open(clocks: list[Clock]) -> Clock | None:
    """The most pressing clock still to do (``clocks`` sorted by ``sort_key``)."""
    return next((clock for clock in clocks if clock.is_open), None)


# --- The rules, in SQL -------------------------------------------------------------------------


def _literal(value: str) -> str:
    """A code constant (an enum value) written into the statement; never user input."""
    if not re.fullmatch(r"[a-z0-9_]+", value):
        raise ValueError(value)
    return f"'{value}'"


def _in(values) -> str:
    return "(" + ", ".join(_literal(str(value)) for value in values) + ")"


def _param(key: str, on: str) -> str:
    """The value of the legal threshold ``key`` in force on the date ``on`` (the oldest row
    before any is dated), from the ``parameter`` CTE."""
    return (
        f"(SELECT p.value FROM parameter p WHERE p.key = {_literal(key)} "
        f"AND (p.valid_from <= {on} OR p.oldest) AND (p.valid_to IS NULL OR p.valid_to > {on}) "
        "ORDER BY p.valid_from DESC LIMIT 1)"
    )


def _months(day: str, months: str) -> str:
    """``day`` plus ``months`` calendar months (31 January + 1 month = end of February)."""
    return f"({day} + make_interval(months => {months}))::date"


def _years(day: str, years: str) -> str:
    """``day`` plus ``years`` (29 February becomes 28 February in common years)."""
    return f"({day} + make_interval(years => {years}))::date"


def _age(birth: str, on: str) -> str:
    """Age in whole years on ``on``."""
    return (
        f"(extract(year FROM {on})::int - extract(year FROM {birth})::int - "
        f"((extract(month FROM {on}), extract(day FROM {on})) "
        f"< (extract(month FROM {birth}), extract(day FROM {birth})))::int)"
    )


def _status(due: str, alert_from: str) -> str:
    return (
        f"CASE WHEN {due} < day THEN {_literal(ClockStatus.OVERDUE)} "
        f"WHEN day >= {alert_from} THEN {_literal(ClockStatus.DUE)} "
        f"ELSE {_literal(ClockStatus.UPCOMING)} END"
    )


def _done_or(done: str, status: str) -> str:
    return f"CASE WHEN {done} IS NOT NULL THEN {_literal(ClockStatus.DONE)} ELSE {status} END"


def _latest(kind: str, since: str) -> str:
    """The last document of ``kind`` completed between ``since`` and the day."""
    return (
        f"(SELECT max(d.completed_on) FROM {StatutoryDocument._meta.db_table} d "
        f"WHERE d.child_id = c.id AND d.kind = {_literal(kind)} "
        f"AND d.completed_on >= {since} AND d.completed_on <= day)"
    )


def _active(types, alias="m") -> str:
    return (
        f"{alias}.type IN {_in(types)} AND {alias}.start_date <= day "
        f"AND ({alias}.end_date IS NULL OR {alias}.end_date >= day)"
    )


_MEASURE = Measure._meta.db_table
_HEARING = Hearing._meta.db_table
_DOCUMENT = StatutoryDocument._meta.db_table
_ALERT_TODAY = _param(Key.MEASURE_END_ALERT_MONTHS, "day")
_ALERT_AT_END = _param(Key.MEASURE_END_ALERT_MONTHS, "end_date")
_PPE_MONTHS = _param(Key.PPE_DUE_MONTHS, "episode_start")
_REPORT_PERIOD = (
    f"CASE WHEN {_age('birth_date', 'anchor')} < {_param(Key.REPORT_YOUNG_AGE, 'anchor')} "
    f"THEN {_param(Key.REPORT_PERIOD_YOUNG_MONTHS, 'anchor')} "
    f"ELSE {_param(Key.REPORT_PERIOD_MONTHS, 'anchor')} END"
)


def _confided(alias="m") -> str:
    """The measure confies the child: a care measure but the PEAD, and a judicial placement
    only under art. 375-3 3° (the ASE)."""
    return (
        f"({alias}.type IN {_in(MeasureType.confided())} AND ({alias}.type <> "
        f"{_literal(MeasureType.PLACEMENT)} OR {alias}.placement_basis = "
        f"{_literal(PlacementBasis.ASE)}))"
    )


def _confided_by_judge(alias="m") -> str:
    """The judge confied the child to the ASE: a placement 375-3 3° or an OPP."""
    return (
        f"(({alias}.type = {_literal(MeasureType.PLACEMENT)} AND {alias}.placement_basis = "
        f"{_literal(PlacementBasis.ASE)}) OR {alias}.type IN "
        f"{_in([MeasureType.OPP_PROSECUTOR, MeasureType.OPP_JUDGE])})"
    )


def _days(day: str, days: str) -> str:
    return f"({day} + {days})::date"


# The rapport d'échéance is due before the measure's end, or before the hearing set for it.
_REPORT_BEFORE = (
    f"least(m.end_date, (SELECT min(h.date) FROM {_HEARING} h "
    "WHERE h.measure_id = m.id AND h.date >= m.start_date))"
)
_DEADLINE_REPORT_DUE = _months(
    _REPORT_BEFORE, f"-{_param(Key.DEADLINE_REPORT_MONTHS, 'm.end_date')}"
)


def _alerted(due: str) -> str:
    """The status of a deadline raised the alert period in force on the day before it."""
    return _status(due, _months(due, f"-{_ALERT_TODAY}"))


_CLOCKS = f"""
WITH
on_day AS (SELECT %s::date AS day),
scope AS ({{children}}),
parameter AS (
    SELECT key, value, valid_from,
           lead(valid_from) OVER (PARTITION BY key ORDER BY valid_from) AS valid_to,
           row_number() OVER (PARTITION BY key ORDER BY valid_from) = 1 AS oldest
    FROM {LegalParameter._meta.db_table}
),
begun AS (
    -- Measures begun by the day, with how far the measures before them reach.
    SELECT m.child_id, m.start_date, m.end_date,
           max(coalesce(m.end_date, 'infinity'::date)) OVER (
               PARTITION BY m.child_id ORDER BY m.start_date, m.id
               ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING
           ) AS reach_before
    FROM {_MEASURE} m JOIN scope ON scope.id = m.child_id CROSS JOIN on_day
    WHERE m.start_date <= day
),
episode AS (
    -- The last unbroken run: it starts at the last measure that did not continue another.
    SELECT child_id,
           max(start_date) FILTER (
               WHERE reach_before IS NULL OR start_date > reach_before + 1
           ) AS start_date,
           max(coalesce(end_date, 'infinity'::date)) AS end_date
    FROM begun GROUP BY child_id
),
c AS (
    SELECT c.id, c.birth_date, day, e.start_date AS episode_start,
           {_years("c.birth_date", _param(Key.MAJORITY_AGE, "day"))} AS majority,
           {_age("c.birth_date", "day")} AS age,
           {_param(Key.AUTONOMY_INTERVIEW_AGE, "day")} AS interview_age
    FROM scope c CROSS JOIN on_day
    JOIN episode e ON e.child_id = c.id AND e.end_date >= day
),
minor AS MATERIALIZED (
    -- Materialised: the last report is looked up once, not once per use of ``anchor``.
    SELECT c.*, CASE WHEN EXISTS (
               SELECT 1 FROM {_MEASURE} m
               WHERE m.child_id = c.id AND {_confided_by_judge()}
                 AND m.start_date <= day AND (m.end_date IS NULL OR m.end_date >= day)
           ) THEN (
               SELECT max(d.sent_to_judge_on) FROM {_DOCUMENT} d
               WHERE d.child_id = c.id AND d.kind = {_literal(DocumentKind.SITUATION_REPORT)}
                 AND d.sent_to_judge_on >= c.episode_start AND d.sent_to_judge_on <= day
           ) ELSE {_latest(DocumentKind.SITUATION_REPORT, "c.episode_start")} END AS last_report
    FROM c WHERE day < majority
),
report AS MATERIALIZED (
    SELECT minor.*, coalesce(last_report, episode_start) AS anchor FROM minor
),
report_due AS (
    SELECT report.*, {_months("anchor", _REPORT_PERIOD)} AS due_on FROM report
),
ppe AS (
    SELECT c.*, {_months("episode_start", _PPE_MONTHS)} AS due_on,
           {_latest(DocumentKind.PPE, "c.episode_start")} AS done_on
    FROM c WHERE day < majority
),
interview AS (
    SELECT c.*, greatest({_years("birth_date", "interview_age")}, care_start) AS due_on,
           {_latest(DocumentKind.AUTONOMY_INTERVIEW, "'-infinity'::date")} AS done_on
    FROM c CROSS JOIN LATERAL (
        SELECT min(m.start_date) AS care_start FROM {_MEASURE} m
        WHERE m.child_id = c.id AND {_active(MeasureType.accommodation())} AND {_confided()}
    ) accommodated
    WHERE day < majority AND care_start IS NOT NULL AND age >= interview_age - 1
),
decision AS (
    SELECT c.*, (
        SELECT min(m.start_date) FROM {_MEASURE} m
        WHERE m.child_id = c.id AND m.type = {_literal(MeasureType.YOUNG_ADULT)}
          AND m.start_date >= majority AND least(m.start_date, m.decision_date) <= day
    ) AS done_on
    FROM c
    WHERE day < majority AND age >= interview_age AND EXISTS (
        SELECT 1 FROM {_MEASURE} m
        WHERE m.child_id = c.id AND {_active(MeasureType.care())} AND {_confided()}
    )
),
young_adult AS (
    SELECT c.*,
           {_years("birth_date", _param(Key.YOUNG_ADULT_AGE_LIMIT, "day"))} - 1 AS due_on
    FROM c
    WHERE EXISTS (
        SELECT 1 FROM {_MEASURE} m
        WHERE m.child_id = c.id AND {_active([MeasureType.YOUNG_ADULT])}
    )
),
measure_end AS (
    SELECT m.child_id, m.id, m.end_date, day
    FROM {_MEASURE} m JOIN scope ON scope.id = m.child_id CROSS JOIN on_day
    WHERE m.end_date IS NOT NULL AND m.end_reason = '' AND m.start_date <= day
      AND NOT EXISTS (
          SELECT 1 FROM {_MEASURE} r
          WHERE r.renews_id = m.id AND least(r.start_date, r.decision_date) <= day
      )
      AND NOT (m.type IN {_in(MeasureType.provisional())} AND EXISTS (
          SELECT 1 FROM {_MEASURE} f
          WHERE f.child_id = m.child_id AND f.id <> m.id AND f.start_date >= m.start_date
            AND least(f.start_date, f.decision_date) <= day
      ))
),
provisional AS (
    -- Recueils and OPP begun by the day, with the day a later measure took over, if any, or
    -- their own recorded end.
    SELECT m.child_id, m.id, m.type, m.start_date, m.decision_date, m.judge_referral_date,
           m.without_hearing, m.merits_extension_date, day,
           least(
               (SELECT min(least(f.start_date, f.decision_date)) FROM {_MEASURE} f
                WHERE f.child_id = m.child_id AND f.id <> m.id AND f.start_date >= m.start_date
                  AND least(f.start_date, f.decision_date) <= day),
               CASE WHEN m.end_reason <> '' AND m.end_date <= day THEN m.end_date END
           ) AS followed_on
    FROM {_MEASURE} m JOIN scope ON scope.id = m.child_id CROSS JOIN on_day
    WHERE m.type IN {_in(MeasureType.provisional())} AND m.start_date <= day
),
referral AS (
    SELECT provisional.*,
           CASE WHEN type = {_literal(MeasureType.OPP_PROSECUTOR)}
                THEN {_days("start_date", _param(Key.OPP_REFERRAL_DAYS, "start_date"))}
                ELSE {_days("start_date", _param(Key.INTAKE_REFERRAL_DAYS, "start_date"))}
           END AS due_on,
           least(CASE WHEN judge_referral_date <= day THEN judge_referral_date END,
                 followed_on) AS done_on
    FROM provisional
    WHERE type IN {_in([MeasureType.OPP_PROSECUTOR, MeasureType.EMERGENCY_INTAKE])}
),
opp_hearing AS (
    SELECT provisional.*,
           {_days("decision_date", _param(Key.OPP_HEARING_DAYS, "decision_date"))} AS due_on,
           least((SELECT min(h.date) FROM {_HEARING} h
                  WHERE h.child_id = provisional.child_id AND h.date >= decision_date
                    AND h.date <= day), followed_on) AS done_on
    FROM provisional
    WHERE type = {_literal(MeasureType.OPP_JUDGE)} AND without_hearing
),
opp_merits AS (
    SELECT provisional.*,
           {_months("decision_date", _param(Key.OPP_MERITS_MONTHS, "decision_date"))}
           + CASE WHEN merits_extension_date <= day
                  THEN make_interval(
                      months => {_param(Key.OPP_MERITS_EXTENSION_MONTHS, "decision_date")})
                  ELSE make_interval() END AS due_at,
           followed_on AS done_on
    FROM provisional
    WHERE type = {_literal(MeasureType.OPP_JUDGE)}
),
deadline_report AS (
    -- Due a number of months before the end, or before the hearing set for the measure.
    SELECT m.child_id, m.id, m.end_date, day, {_DEADLINE_REPORT_DUE} AS due_on,
           (SELECT min(d.sent_to_judge_on) FROM {_DOCUMENT} d
            WHERE d.measure_id = m.id AND d.kind = {_literal(DocumentKind.DEADLINE_REPORT)}
              AND d.sent_to_judge_on <= day) AS done_on
    FROM {_MEASURE} m JOIN measure_end e ON e.id = m.id
    WHERE m.type IN {_in(MeasureType.deadline_report())}
),
clock AS (
    SELECT child_id, {_literal(ClockKind.MEASURE_END)} AS kind, end_date AS due_on,
           {_status("end_date", _months("end_date", f"-{_ALERT_AT_END}"))} AS status,
           NULL::date AS done_on, id AS measure_id
    FROM measure_end
    UNION ALL
    SELECT id, {_literal(ClockKind.PPE)}, due_on,
           {_done_or("done_on", _status("due_on", "episode_start"))}, done_on, NULL
    FROM ppe
    UNION ALL
    SELECT id, {_literal(ClockKind.SITUATION_REPORT)}, due_on,
           {_alerted("due_on")}, last_report, NULL
    FROM report_due
    UNION ALL
    SELECT id, {_literal(ClockKind.AUTONOMY_INTERVIEW)}, due_on,
           {_done_or("done_on", _alerted("due_on"))},
           done_on, NULL
    FROM interview
    UNION ALL
    SELECT id, {_literal(ClockKind.MAJORITY)}, majority,
           {_done_or("done_on", _alerted("majority"))},
           done_on, NULL
    FROM decision
    UNION ALL
    SELECT id, {_literal(ClockKind.YOUNG_ADULT_END)}, due_on,
           {_alerted("due_on")}, NULL, NULL
    FROM young_adult
    UNION ALL
    SELECT child_id,
           CASE WHEN type = {_literal(MeasureType.OPP_PROSECUTOR)}
                THEN {_literal(ClockKind.OPP_REFERRAL)}
                ELSE {_literal(ClockKind.INTAKE_REFERRAL)} END,
           due_on, {_done_or("done_on", _status("due_on", "start_date"))}, done_on, id
    FROM referral
    UNION ALL
    SELECT child_id, {_literal(ClockKind.OPP_HEARING)}, due_on,
           {_done_or("done_on", _status("due_on", "decision_date"))}, done_on, id
    FROM opp_hearing
    UNION ALL
    SELECT child_id, {_literal(ClockKind.OPP_MERITS)}, due_at::date,
           {_done_or("done_on", _alerted("due_at::date"))}, done_on, id
    FROM opp_merits
    UNION ALL
    SELECT child_id, {_literal(ClockKind.DEADLINE_REPORT)}, due_on,
           {_done_or("done_on", _alerted("due_on"))}, done_on, id
    FROM deadline_report
    -- Past the end, the measure's own overdue end says it: no report can serve any more.
    WHERE done_on IS NOT NULL OR day <= end_date
)
"""


def _statement(children, day: date, select: str, fields=()) -> tuple[str, list]:
    """The clocks of ``children`` (a Child queryset) on ``day``, read by ``select``; the
    ``scope`` CTE holds the children's id, birth date, territory and ``fields``."""
    scope = children.order_by().values("id", "birth_date", "territory_id", *fields)
    scope_sql, scope_params = scope.query.sql_with_params()
    sql = _CLOCKS.replace("{children}", scope_sql) + select
    return sql, [day, *scope_params]


def clocks_by_child(children, *, day: date) -> dict[int, list[Clock]]:
    """Every deadline of ``children`` (a Child queryset) on ``day``, most pressing first, by
    child id (one query)."""
    sql, params = _statement(
        children,
        day,
        "SELECT child_id, kind, due_on, status, done_on, measure_id FROM clock",
    )
    found = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for child_id, kind, due_on, status, done_on, measure_id in cursor.fetchall():
            found.setdefault(child_id, []).append(
                Clock(kind, due_on, status, done_on=done_on, measure_id=measure_id)
            )
    for clocks in found.values():
        clocks.sort(key=lambda clock: clock.sort_key)
    return found


def status_counts(children, *, day: date, status: str) -> list[dict]:
    """How many deadlines of ``children`` are at ``status`` on ``day``, per territory and
    kind, with the number of children concerned (one grouped query). Rows of
    ``{"territory_id", "kind", "clocks", "children"}``; the row whose ``kind`` is None counts
    the children with at least one such deadline in the territory."""
    sql, params = _statement(
        children,
        day,
        """
        SELECT child.territory_id, clock.kind,
               count(*) AS clocks, count(DISTINCT clock.child_id) AS children
        FROM clock JOIN scope child ON child.id = clock.child_id
        WHERE clock.status = %s
        GROUP BY GROUPING SETS ((child.territory_id, clock.kind), (child.territory_id))
        """,
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, status])
        columns = [column.name for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


# Rank of each status in the caseload's order; a child with nothing open comes last.
_RANK = (
    "CASE status "
    + " ".join(f"WHEN {_literal(status)} THEN {rank}" for status, rank in STATUS_ORDER.items())
    + " END"
)
_NOTHING_OPEN = len(STATUS_ORDER)


@dataclass(frozen=True)
class CaseloadSummary:
    referent_id: int | None
    children: int
    overdue: int
    due: int
    matching: int


def caseload_order(
    children, *, day: date, kind: str = "", status: str = "", limit: int, offset: int
) -> tuple[list[CaseloadSummary], list[int]]:
    """For the caseload "Mon activité": per référent of ``children``, how many children,
    overdue and due deadlines, and children matching the filters (an open deadline of
    ``kind``, an open deadline at ``status``); and the ids of the matching children from
    ``offset`` to ``offset + limit`` in the caseload's order: the most pressing open
    deadline first (status, then due date), then by name (compared as Python compares
    strings, like the list it replaces). One query, the deadlines computed once."""
    sql, params = _statement(
        children,
        day,
        f"""
        , ranked AS (
            SELECT child_id, kind, status, due_on, {_RANK} AS rank FROM clock
        ),
        next_clock AS (
            SELECT DISTINCT ON (child_id) child_id, rank, due_on FROM ranked
            WHERE status <> {_literal(ClockStatus.DONE)}
            ORDER BY child_id, rank, due_on
        ),
        counts AS (
            SELECT child_id,
                   count(*) FILTER (WHERE status = {_literal(ClockStatus.OVERDUE)}) AS overdue,
                   count(*) FILTER (WHERE status = {_literal(ClockStatus.DUE)}) AS due,
                   bool_or(status <> {_literal(ClockStatus.DONE)} AND (%s = '' OR kind = %s))
                       AS has_kind,
                   bool_or(status <> {_literal(ClockStatus.DONE)} AND (%s = '' OR status = %s))
                       AS has_status
            FROM ranked GROUP BY child_id
        ),
        per_child AS MATERIALIZED (
            SELECT s.id, s.referent_id, s.last_name, s.first_name, s.birth_date,
                   coalesce(n.rank, {_NOTHING_OPEN}) AS rank,
                   coalesce(n.due_on, 'infinity'::date) AS due_on,
                   coalesce(c.overdue, 0) AS overdue, coalesce(c.due, 0) AS due,
                   (%s = '' OR coalesce(c.has_kind, false))
                   AND (%s = '' OR coalesce(c.has_status, false)) AS matches
            FROM scope s
            LEFT JOIN next_clock n ON n.child_id = s.id
            LEFT JOIN counts c ON c.child_id = s.id
        ),
        page AS (
            SELECT id, row_number() OVER (
                ORDER BY rank, due_on, last_name COLLATE "C", first_name COLLATE "C",
                         birth_date, id
            ) AS position
            FROM per_child WHERE matches
            ORDER BY position LIMIT %s OFFSET %s
        )
        SELECT 'summary', referent_id, count(*), sum(overdue), sum(due),
               count(*) FILTER (WHERE matches)
        FROM per_child GROUP BY referent_id
        UNION ALL
        SELECT 'page', id, position, 0, 0, 0 FROM page
        """,
        fields=("referent_id", "last_name", "first_name"),
    )
    filters = [kind, kind, status, status, kind, status, limit, offset]
    summaries, page = [], []
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *filters])
        for tag, key, children_count, overdue, due, matching in cursor.fetchall():
            if tag == "summary":
                summaries.append(
                    CaseloadSummary(key, children_count, int(overdue), int(due), matching)
                )
            else:
                page.append((children_count, key))
    return summaries, [child_id for _position, child_id in sorted(page)]
