"""The demo loaders run by ``manage.py load_demo``: each app registers its own in its
``AppConfig.ready()``, so that welfare runs them without importing the apps::

    from welfare import demo_loaders

    demo_loaders.register_demo_loader("placements", "placements.demo.load", order=30)

A loader is a function ``load(*, departement, stdout)``, named by dotted path so that the
demo's modules (and Faker) are imported only by ``load_demo``, not by every process that
starts; it must be idempotent. They run by ascending
``order``: a loader reads what the lower orders have loaded (welfare's territories and
accounts first, the retention rule, which reads every app's dates, last).
"""

from dataclasses import dataclass

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class DemoLoader:
    name: str
    path: str
    order: int

    def load(self, *, departement: str, stdout) -> None:
        import_string(self.path)(departement=departement, stdout=stdout)


_loaders: dict[str, DemoLoader] = {}


def register_demo_loader(name: str, path: str, *, order: int) -> None:
    """Add the loader at ``path`` to the demo under ``name`` (the name ``load_demo --only``
    takes)."""
    loader = DemoLoader(name=name, path=path, order=order)
    if _loaders.setdefault(name, loader) != loader:
        raise ValueError(f"Demo loader {name!r} is already registered.")


def demo_loaders(only=None) -> list[DemoLoader]:
    """The registered loaders in their order; only those named in ``only`` when given.
    A name nobody registered is a ``KeyError`` (a typing error must not load less silently)."""
    loaders = sorted(_loaders.values(), key=lambda loader: loader.order)
    if only is None:
        return loaders
    unknown = set(only) - set(_loaders)
    if unknown:
        raise KeyError(", ".join(sorted(unknown)))
    return [loader for loader in loaders if loader.name in only]
