from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from welfare.models import (
    AccessLog,
    Child,
    Departement,
    Guardian,
    LegalParameter,
    Measure,
    NationalCode,
    PopulationEstimate,
    StatutoryDocument,
    Territory,
    User,
)

admin.site.site_header = _("Administration du portail Enfance-Famille")
admin.site.site_title = _("Portail Enfance-Famille")


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "territory", "is_active"]
    list_filter = ["role", "territory", "is_active"]
    fieldsets = UserAdmin.fieldsets + ((_("Portail"), {"fields": ["role", "territory"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Portail"), {"fields": ["role", "territory"]}),)


@admin.register(Departement)
class DepartementAdmin(admin.ModelAdmin):
    list_display = ["name", "insee_code", "phone", "email"]

    def has_add_permission(self, request):
        return not Departement.objects.exists()


# --- Children's files -------------------------------------------------------------------------


@admin.register(LegalParameter)
class LegalParameterAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "valid_from", "legal_reference"]
    list_filter = ["key"]
    ordering = ["key", "-valid_from"]


class GuardianInline(admin.TabularInline):
    model = Guardian
    extra = 0


class MeasureInline(admin.TabularInline):
    model = Measure
    extra = 0
    fk_name = "child"
    fields = ["type", "decided_by", "decision_date", "start_date", "end_date", "end_reason"]
    show_change_link = True


@admin.register(Child)
class ChildAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "birth_date", "territory", "referent"]
    list_filter = ["territory", "disability", "unaccompanied_minor"]
    search_fields = ["last_name__unaccent", "first_name__unaccent"]
    list_select_related = ["territory", "referent"]
    autocomplete_fields = ["siblings"]
    raw_id_fields = ["referent"]
    inlines = [GuardianInline, MeasureInline]


@admin.register(Measure)
class MeasureAdmin(admin.ModelAdmin):
    list_display = ["child", "type", "nature", "start_date", "end_date", "end_reason"]
    list_filter = ["nature", "type", "end_reason"]
    list_select_related = ["child"]
    raw_id_fields = ["child", "renews", "created_by"]
    search_fields = ["child__last_name__unaccent", "decision_reference"]
    date_hierarchy = "start_date"


@admin.register(StatutoryDocument)
class StatutoryDocumentAdmin(admin.ModelAdmin):
    list_display = ["child", "kind", "completed_on", "author"]
    list_filter = ["kind"]
    list_select_related = ["child", "author"]
    raw_id_fields = ["child", "author", "referent"]


@admin.register(AccessLog)
class AccessLogAdmin(admin.ModelAdmin):
    """Read-only: the read log is evidence, nobody edits it."""

    list_display = ["accessed_at", "user", "child"]
    list_select_related = ["user", "child"]
    raw_id_fields = ["child", "user"]
    date_hierarchy = "accessed_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Observatory ------------------------------------------------------------------------------


@admin.register(NationalCode)
class NationalCodeAdmin(admin.ModelAdmin):
    """The OLINPE code table: corrected here when the national code lists change."""

    list_display = ["variable", "local_label", "code", "national_label", "verified"]
    list_editable = ["code", "national_label", "verified"]
    list_filter = ["variable", "verified"]
    readonly_fields = ["variable", "local_value", "local_label"]
    search_fields = ["local_label", "national_label", "code"]

    def has_add_permission(self, request):
        # Every local value has its row, created after migrate: only the codes are edited.
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PopulationEstimate)
class PopulationEstimateAdmin(admin.ModelAdmin):
    """The young population of each territory, from the INSEE's yearly estimates: the
    dashboard's rates per 1,000 read the latest year up to the date shown."""

    list_display = ["territory", "year", "under_21", "under_18", "source"]
    list_filter = ["territory", "year"]
