"""What every service that writes a record's fields from keyword arguments shares."""


def assign_fields(instance, allowed, changes) -> None:
    """Set ``changes`` on ``instance``, refusing any name outside ``allowed``.

    Services take a record's fields as keyword arguments; the allow-list keeps a caller from
    setting what the service decides itself (the territory of a child, a measure's end reason),
    and a misspelt name fails loudly instead of being stored on a stray attribute.
    """
    unknown = set(changes) - set(allowed)
    if unknown:
        raise TypeError(f"Fields not assignable here: {', '.join(sorted(unknown))}")
    for name, value in changes.items():
        setattr(instance, name, value)
