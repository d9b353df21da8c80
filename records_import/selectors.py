"""Reads of the import shared by the pages and the data-quality page."""

from django.utils.translation import gettext as _

from records_import.models import ImportAnomaly, ImportJob
from welfare.data_quality import DataAnomaly
from welfare.enums import Role
from welfare.models import Child


def import_anomalies(*, user, territory=None) -> list[DataAnomaly]:
    """The legal anomalies of the imported rows in the files ``user`` may open (the
    administrator: every territory), for the data-quality page; one query."""
    if user.role == Role.ADMINISTRATOR:
        rows = ImportAnomaly.objects.all()
    else:
        rows = ImportAnomaly.objects.filter(child__in=Child.objects.for_user(user))
    if territory is not None:
        rows = rows.filter(child__territory=territory)
    return [
        DataAnomaly(
            child=row.child,
            origin=_("%(file)s, ligne %(line)d") % {"file": row.file_name, "line": row.line},
            message=row.message,
        )
        for row in rows.select_related("child")
    ]


def recent_jobs():
    """The import jobs, newest first, with who asked for them."""
    return ImportJob.objects.select_related("requested_by", "confirms")
