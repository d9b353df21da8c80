"""Extension point of the data-quality page: the apps built on welfare add the anomalies they
know of (the import's rows that break a legal rule) without welfare importing them.

An app registers in its ``AppConfig.ready()``::

    from welfare import data_quality

    data_quality.register_anomaly_source(import_anomalies)  # (user, territory) -> queryset

A source returns the ``DataAnomaly`` rows this user may see, of one territory or all of
them (``territory=None``), in a fixed number of queries.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class DataAnomaly:
    """One record to correct: which rule it breaks, where it came from, whose file it is."""

    child: object | None
    origin: str  # e.g. "enfants.csv, ligne 12"
    message: str  # the rule and its article


AnomalySource = Callable[..., Iterable[DataAnomaly]]

_sources: list[AnomalySource] = []


def register_anomaly_source(source: AnomalySource) -> AnomalySource:
    """Add ``source(user=..., territory=...)`` to the data-quality page; usable as a
    decorator."""
    if source not in _sources:
        _sources.append(source)
    return source


def anomaly_sources() -> list[AnomalySource]:
    return list(_sources)


def anomalies_for(*, user, territory=None) -> list[DataAnomaly]:
    """Every registered source's anomalies for ``user`` (and ``territory`` if given)."""
    return [row for source in _sources for row in source(user=user, territory=territory)]
