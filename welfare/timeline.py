"""Extension points of the child's file, so that the apps built on welfare (placements,
prevention) add to it without welfare importing them.

An app registers its providers in its ``AppConfig.ready()``::

    from welfare import timeline

    timeline.register_timeline_provider(placement_events)  # (child) -> iterable of events
    timeline.register_file_section(placement_section)  # (child, user) -> FileSection | None

A provider must run a fixed number of queries whatever the child's history (pin it in the
app's own tests); the file page's query count is the sum of welfare's and the providers'.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class TimelineEvent:
    """One dated line of the child's timeline."""

    date: date
    kind: str  # short label of the category, e.g. "Mesure", "Placement", "Document"
    title: str
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class FileSection:
    """A block of the child's file rendered by ``template_name`` with ``context``."""

    title: str
    template_name: str
    context: dict = field(default_factory=dict)
    order: int = 100


TimelineProvider = Callable[[object], Iterable[TimelineEvent]]
SectionProvider = Callable[[object, object], FileSection | None]

_timeline_providers: list[TimelineProvider] = []
_section_providers: list[SectionProvider] = []


def register_timeline_provider(provider: TimelineProvider) -> TimelineProvider:
    """Add ``provider(child)`` to every child's timeline; usable as a decorator."""
    if provider not in _timeline_providers:
        _timeline_providers.append(provider)
    return provider


def register_file_section(provider: SectionProvider) -> SectionProvider:
    """Add ``provider(child, user)``'s section to the child's file; usable as a decorator."""
    if provider not in _section_providers:
        _section_providers.append(provider)
    return provider


def timeline_providers() -> list[TimelineProvider]:
    return list(_timeline_providers)


def section_providers() -> list[SectionProvider]:
    return list(_section_providers)


def timeline_for(child, own_events: Iterable[TimelineEvent]) -> list[TimelineEvent]:
    """welfare's own events and every provider's, newest first."""
    events = list(own_events)
    for provider in _timeline_providers:
        events.extend(provider(child))
    return sorted(events, key=lambda event: event.date, reverse=True)


def sections_for(child, user) -> list[FileSection]:
    """The sections other apps add to this child's file, in their order."""
    sections = (provider(child, user) for provider in _section_providers)
    return sorted((section for section in sections if section), key=lambda s: s.order)
