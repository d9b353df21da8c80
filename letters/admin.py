from django.contrib import admin

from letters.models import Letter, LetterSettings, LetterTemplate
from welfare.admin import PortalAdmin, keep_out_of_admin

# Letters name children and families: read and written only through the files' pages.
keep_out_of_admin(Letter)


@admin.register(LetterTemplate)
class LetterTemplateAdmin(PortalAdmin):
    """Templates name no one; ``LetterTemplate.clean`` refuses a field outside the list with
    its line, here as in the portal. A change must be previewed again in the portal."""

    list_display = ["name", "code", "file_kind", "recipient_kind", "active", "previewed_at"]
    list_filter = ["file_kind", "recipient_kind", "active"]
    search_fields = ["name", "code"]
    readonly_fields = ["previewed_at", "updated_at"]

    def save_model(self, request, obj, form, change):
        if change and {"file_kind", "subject", "body"} & set(form.changed_data):
            obj.previewed_at = None
        super().save_model(request, obj, form, change)


@admin.register(LetterSettings)
class LetterSettingsAdmin(PortalAdmin):
    list_display = ["__str__", "place", "signatory"]
