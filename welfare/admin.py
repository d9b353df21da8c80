"""The administrator's reference data: territories, accounts, the Département's identity, legal
thresholds, national codes, population, and in the apps providers, rates and plans.

No record that names a child or a family is registered here (docs/decisions.md, issue 14):
the demo administrator is a superuser, who holds every permission, so a permission could not
keep him out; with no registration there is no changelist, change page, search, inline,
autocomplete or raw-id pop-up to reach them, and every such URL answers 404. The portal's own
pages, scoped by territory and logged, are the one way to a child's file.
"""

from collections import Counter

from django.contrib import admin
from django.contrib.admin.utils import NestedObjects
from django.contrib.auth.admin import UserAdmin
from django.db import router
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from welfare.models import (
    AccessLog,
    Child,
    ContactReply,
    ContactRequest,
    Departement,
    Guardian,
    Hearing,
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

# The models that name a child or a family; each app adds its own from its admin.py.
NOMINATIVE_MODELS: set[type] = set()


def keep_out_of_admin(*models):
    """Declare models that name a child or a family: they are never registered in the admin
    (checked by welfare/tests/test_admin.py) and no deletion page lists them."""
    NOMINATIVE_MODELS.update(models)


keep_out_of_admin(Child, Guardian, Measure, StatutoryDocument, AccessLog, Hearing)
keep_out_of_admin(ContactRequest, ContactReply)


class NominativeDeletionGuard:
    """Mixed into every ModelAdmin: Django's deletion page lists each record that a deletion
    would take or is blocked by, by name (a territory's children, an account's reading log).
    When any of them is nominative, the deletion is refused and only their count is shown."""

    def get_deleted_objects(self, objs, request):
        collector = NestedObjects(using=router.db_for_write(self.model))
        collector.collect(objs)
        counts = Counter(type(record) for record in collector.protected)
        counts.update({model: len(records) for model, records in collector.data.items()})
        nominative = {model: count for model, count in counts.items() if model in NOMINATIVE_MODELS}
        if not nominative:
            return super().get_deleted_objects(objs, request)
        # A non-empty "protected" list is how the admin refuses a deletion (page and action).
        refused = [
            _("%(records)s : %(count)d (données nominatives, non affichées)")
            % {"records": capfirst(model._meta.verbose_name_plural), "count": count}
            for model, count in sorted(nominative.items(), key=lambda item: item[0]._meta.label)
        ]
        return [], {}, set(), refused


class PortalAdmin(NominativeDeletionGuard, admin.ModelAdmin):
    """The base of the portal's ModelAdmins."""


@admin.register(Territory)
class TerritoryAdmin(PortalAdmin):
    list_display = ["name", "code"]
    search_fields = ["name", "code"]


@admin.register(User)
class PortalUserAdmin(NominativeDeletionGuard, UserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "territory", "is_active"]
    list_filter = ["role", "territory", "is_active"]
    fieldsets = UserAdmin.fieldsets + ((_("Portail"), {"fields": ["role", "territory"]}),)
    add_fieldsets = UserAdmin.add_fieldsets + ((_("Portail"), {"fields": ["role", "territory"]}),)


@admin.register(Departement)
class DepartementAdmin(PortalAdmin):
    list_display = ["name", "insee_code", "phone", "email"]

    def has_add_permission(self, request):
        return not Departement.objects.exists()


# --- Legal thresholds -------------------------------------------------------------------------


@admin.register(LegalParameter)
class LegalParameterAdmin(PortalAdmin):
    list_display = ["key", "value", "valid_from", "legal_reference"]
    list_filter = ["key"]
    ordering = ["key", "-valid_from"]


# --- Observatory ------------------------------------------------------------------------------


@admin.register(NationalCode)
class NationalCodeAdmin(PortalAdmin):
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
class PopulationEstimateAdmin(PortalAdmin):
    """The young population of each territory, from the INSEE's yearly estimates: the
    dashboard's rates per 1,000 read the latest year up to the date shown."""

    list_display = ["territory", "year", "under_21", "under_18", "source"]
    list_filter = ["territory", "year"]
