"""The example source's code mappings (docs/import/correspondances_exemple.csv), so that the
example extract under docs/import/exemple/ can be tried on the demo Département."""

from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from records_import.services import mappings_load

EXAMPLE_MAPPINGS = Path(settings.BASE_DIR) / "docs" / "import" / "correspondances_exemple.csv"


def load(*, departement: str, stdout) -> None:
    """Load or refresh the example's mappings (idempotent)."""
    count = mappings_load(path=EXAMPLE_MAPPINGS)
    stdout.write(
        _("Correspondances de codes de l'exemple d'import : %(count)d.") % {"count": count}
    )
