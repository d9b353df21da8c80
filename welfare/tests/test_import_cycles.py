"""No two modules of the project import each other, even through others or inside a function.

import-linter's contracts state the layers between packages; a circle between two modules of
one package (a service that enqueues the task that calls it back) passes them. grimp, the
graph import-linter is built on, sees every import statement, those inside functions too.
"""

from pathlib import Path

import grimp
import pytest
from django.apps import apps
from django.conf import settings

PACKAGES = (
    "welfare",
    "placements",
    "prevention",
    "schemes",
    "letters",
    "observatory",
    "records_import",
)


@pytest.fixture
def graph():
    return grimp.build_graph(*PACKAGES, cache_dir=None)


def circles(graph) -> list[tuple[str, ...]]:
    """One shortest circle through each direct import that is part of one."""
    found = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                found.append((importer, *back))
    return found


def test_no_module_imports_one_that_imports_it_back(graph):
    assert circles(graph) == []


def test_a_circle_would_be_found(graph):
    # The check itself: a task module importing its service, which imports the task again.
    graph.add_import(importer="welfare.services.contact", imported="welfare.tasks")
    assert ("welfare.services.contact", "welfare.tasks", "welfare.services.contact") in circles(
        graph
    )


def test_the_project_packages_are_all_checked():
    local = {
        config.name
        for config in apps.get_app_configs()
        if Path(config.path).parent == Path(settings.BASE_DIR)
    }
    assert local == set(PACKAGES)
