from pathlib import Path

import pytest
from django.conf import settings

from records_import.services import mappings_load
from welfare.tests.factories import TerritoryFactory

EXAMPLE = Path(settings.BASE_DIR) / "docs" / "import" / "exemple"
MAPPINGS = Path(settings.BASE_DIR) / "docs" / "import" / "correspondances_exemple.csv"


@pytest.fixture
def mapped(nord, sud, referent_nord, referent_sud):
    """The example's Département: its three territories, its two référents, its mappings."""
    TerritoryFactory(code="centre", name="Territoire Centre")
    mappings_load(path=MAPPINGS)
