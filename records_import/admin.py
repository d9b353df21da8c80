from django.contrib import admin

from records_import.models import CodeMapping, ImportAnomaly, ImportedRecord, ImportJob
from welfare.admin import PortalAdmin, keep_out_of_admin

# The anomalies and the source keys point at children; the jobs' reports list their rows:
# they are read on the import page and the data-quality page, not here.
keep_out_of_admin(ImportAnomaly, ImportedRecord, ImportJob)


@admin.register(CodeMapping)
class CodeMappingAdmin(PortalAdmin):
    """The source's codes and the portal's values: reference data, no person's record (a
    référent's login is a staff account)."""

    list_display = ["code_list", "source_code", "target", "note"]
    list_filter = ["code_list"]
    search_fields = ["source_code", "target", "note"]
