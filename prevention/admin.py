from django.contrib import admin

from prevention.models import Concern, ConcernParameter, Intervention, Partner, PreventionAction
from welfare.admin import PortalAdmin, keep_out_of_admin

# A concern names the children in danger, a home intervention the family it helps.
keep_out_of_admin(Concern, Intervention)


@admin.register(ConcernParameter)
class ConcernParameterAdmin(PortalAdmin):
    list_display = ["key", "value", "valid_from", "legal_reference"]
    list_filter = ["key"]
    ordering = ["key", "-valid_from"]


@admin.register(Partner)
class PartnerAdmin(PortalAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(PreventionAction)
class PreventionActionAdmin(PortalAdmin):
    list_display = ["title", "kind", "partner", "territory", "start_date", "budget", "cost"]
    list_filter = ["kind", "territory"]
    date_hierarchy = "start_date"
    search_fields = ["title", "partner__name"]
    autocomplete_fields = ["partner"]
