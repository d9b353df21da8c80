from django.contrib import admin

from prevention.models import Concern, ConcernParameter, Intervention, Partner, PreventionAction


@admin.register(ConcernParameter)
class ConcernParameterAdmin(admin.ModelAdmin):
    list_display = ["key", "value", "valid_from", "legal_reference"]
    list_filter = ["key"]
    ordering = ["key", "-valid_from"]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]


@admin.register(PreventionAction)
class PreventionActionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "partner", "territory", "start_date", "budget", "cost"]
    list_filter = ["kind", "territory"]
    date_hierarchy = "start_date"
    search_fields = ["title", "partner__name"]
    autocomplete_fields = ["partner"]


@admin.register(Intervention)
class InterventionAdmin(admin.ModelAdmin):
    list_display = ["action", "started_on", "ended_on", "family_name", "families_count"]
    list_filter = ["action__kind"]
    date_hierarchy = "started_on"
    raw_id_fields = ["action", "children", "created_by"]


@admin.register(Concern)
class ConcernAdmin(admin.ModelAdmin):
    list_display = [
        "reference",
        "received_on",
        "territory",
        "source",
        "grave_danger",
        "evaluation_due_on",
        "evaluation_ended_on",
        "outcome",
    ]
    list_filter = ["territory", "source", "grave_danger", "outcome"]
    date_hierarchy = "received_on"
    raw_id_fields = ["children", "evaluators", "measure", "created_by"]
