"""Statutory deadlines of a child, computed from the measures and documents on record and the
legal thresholds in force (domain_rules.md §2.2, §2.3, §2.5); nothing here is typed by hand.

``child_clocks`` works on lists already in memory, so a page computes the clocks of any number
of children with the same few queries (see ``welfare.selectors.children``).
"""

from dataclasses import dataclass
from datetime import date, timedelta

from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureType
from welfare.enums import LegalParameterKey as Key
from welfare.rules import add_months, add_years

STATUS_ORDER = {status: rank for rank, status in enumerate(ClockStatus)}


@dataclass(frozen=True)
class Clock:
    kind: str
    due_on: date
    status: str
    done_on: date | None = None
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


def _status(due_on: date, today: date, alert_from: date) -> str:
    if due_on < today:
        return ClockStatus.OVERDUE
    if today >= alert_from:
        return ClockStatus.DUE
    return ClockStatus.UPCOMING


def current_episode(measures, today: date) -> tuple[date, date | None] | None:
    """Start and end (None: open-ended) of the last unbroken run of measures begun by today."""
    episode = None
    for measure in sorted(measures, key=lambda m: m.start_date):
        if measure.start_date > today:
            break
        if episode is None or (
            episode[1] is not None and measure.start_date > episode[1] + timedelta(days=1)
        ):
            episode = (measure.start_date, measure.end_date)
        elif episode[1] is not None:
            end = None if measure.end_date is None else max(episode[1], measure.end_date)
            episode = (episode[0], end)
    return episode


def _latest(documents, kind, since: date):
    done = [d.completed_on for d in documents if d.kind == kind and d.completed_on >= since]
    return max(done, default=None)


def _measure_end_clocks(measures, parameters, today):
    renewed = {m.renews_id for m in measures if m.renews_id}
    for measure in measures:
        if measure.end_date is None or measure.end_reason or measure.pk in renewed:
            continue
        if measure.start_date > today:
            continue
        alert = parameters.value(Key.MEASURE_END_ALERT_MONTHS, measure.end_date)
        alert_from = add_months(measure.end_date, -alert)
        yield Clock(
            ClockKind.MEASURE_END,
            measure.end_date,
            _status(measure.end_date, today, alert_from),
            measure=measure,
        )


def _minor_clocks(child, measures, documents, parameters, today, start):
    """PPE, rapport de situation and autonomy interview of a minor under a measure."""
    alert = parameters.value(Key.MEASURE_END_ALERT_MONTHS, today)

    ppe_due = add_months(start, parameters.value(Key.PPE_DUE_MONTHS, start))
    ppe_done = _latest(documents, DocumentKind.PPE, start)
    yield Clock(
        ClockKind.PPE,
        ppe_due,
        ClockStatus.DONE if ppe_done else _status(ppe_due, today, start),
        done_on=ppe_done,
    )

    last_report = _latest(documents, DocumentKind.SITUATION_REPORT, start)
    anchor = last_report or start
    young = child.age_on(anchor) < parameters.value(Key.REPORT_YOUNG_AGE, anchor)
    period_key = Key.REPORT_PERIOD_YOUNG_MONTHS if young else Key.REPORT_PERIOD_MONTHS
    report_due = add_months(anchor, parameters.value(period_key, anchor))
    yield Clock(
        ClockKind.SITUATION_REPORT,
        report_due,
        _status(report_due, today, add_months(report_due, -alert)),
        done_on=last_report,
    )

    accommodated = [
        m for m in measures if m.type in MeasureType.accommodation() and m.is_active_on(today)
    ]
    interview_age = parameters.value(Key.AUTONOMY_INTERVIEW_AGE, today)
    if accommodated and child.age_on(today) >= interview_age - 1:
        care_start = min(m.start_date for m in accommodated)
        interview_due = max(add_years(child.birth_date, interview_age), care_start)
        interview_done = _latest(documents, DocumentKind.AUTONOMY_INTERVIEW, date.min)
        yield Clock(
            ClockKind.AUTONOMY_INTERVIEW,
            interview_due,
            ClockStatus.DONE
            if interview_done
            else _status(interview_due, today, add_months(interview_due, -alert)),
            done_on=interview_done,
        )


def _majority_clocks(child, measures, parameters, today):
    """The decision on support past 18, then the end of that support at 21."""
    alert = parameters.value(Key.MEASURE_END_ALERT_MONTHS, today)
    majority = add_years(child.birth_date, parameters.value(Key.MAJORITY_AGE, today))
    limit_age = parameters.value(Key.YOUNG_ADULT_AGE_LIMIT, today)
    from_age = parameters.value(Key.AUTONOMY_INTERVIEW_AGE, today)
    young_adult = [m for m in measures if m.type == MeasureType.YOUNG_ADULT]
    in_care = any(m.type in MeasureType.care() and m.is_active_on(today) for m in measures)
    # Raised with the autonomy interview, a year before majority (art. L222-5-1 CASF).
    if today < majority and in_care and child.age_on(today) >= from_age:
        decided = next((m.start_date for m in young_adult if m.start_date >= majority), None)
        yield Clock(
            ClockKind.MAJORITY,
            majority,
            ClockStatus.DONE if decided else _status(majority, today, add_months(majority, -alert)),
            done_on=decided,
        )
    if any(m.is_active_on(today) for m in young_adult):
        last_day = add_years(child.birth_date, limit_age) - timedelta(days=1)
        yield Clock(
            ClockKind.YOUNG_ADULT_END,
            last_day,
            _status(last_day, today, add_months(last_day, -alert)),
        )


def child_clocks(child, *, measures, documents, parameters, today: date) -> list[Clock]:
    """Every deadline of ``child`` on ``today``, most pressing first.

    ``measures`` and ``documents`` are the child's (lists in memory); ``parameters`` is a
    ``welfare.models.LegalParameterSet``.
    """
    clocks = list(_measure_end_clocks(measures, parameters, today))
    episode = current_episode(measures, today)
    under_measure = episode is not None and (episode[1] is None or episode[1] >= today)
    if under_measure:
        majority = add_years(child.birth_date, parameters.value(Key.MAJORITY_AGE, today))
        if today < majority:
            clocks += _minor_clocks(child, measures, documents, parameters, today, episode[0])
        clocks += _majority_clocks(child, measures, parameters, today)
    return sorted(clocks, key=lambda clock: clock.sort_key)


def next_open(clocks: list[Clock]) -> Clock | None:
    """The most pressing clock still to do."""
    return next((clock for clock in clocks if clock.is_open), None)
