"""The purposes the access log records: welfare's (``enums.AccessPurpose``) and those each app
registers in its ``AppConfig.ready()`` for its own pages, so that welfare imports no app::

    from welfare import access_purposes

    access_purposes.register_access_purposes(PreventionAccessPurpose)

``AccessLog.purpose`` takes its choices from ``purpose_choices`` (a callable: the registered
purposes need no migration, and every label shows in the file's log and ``access_audit``).
A value once written stays registered: the log keeps it for years.
"""

from welfare.enums import AccessPurpose

_registered: dict[str, object] = {}


def register_access_purposes(choices) -> None:
    """Add an app's purposes (a ``TextChoices`` class); a value may not mean two things."""
    for value, label in choices.choices:
        if value in AccessPurpose.values or _registered.setdefault(value, label) != label:
            raise ValueError(f"Access purpose {value!r} is already registered.")


def purpose_choices() -> list[tuple[str, object]]:
    """welfare's purposes, then the apps', as (value, label)."""
    return [*AccessPurpose.choices, *_registered.items()]
