from django.contrib import admin

from placements.models import Agrement, DailyRate, Establishment, FosterCarer, Placement


class RateInline(admin.TabularInline):
    model = DailyRate
    extra = 0
    fields = ["year", "place_kind", "amount"]


class AgrementInline(admin.TabularInline):
    model = Agrement
    extra = 0
    fields = ["number", "granted_on", "expires_on", "places", "state", "state_changed_on"]


@admin.register(Establishment)
class EstablishmentAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "territory", "authorised_capacity", "min_age", "max_age"]
    list_filter = ["kind", "territory"]
    search_fields = ["name", "manager"]
    inlines = [RateInline]


@admin.register(FosterCarer)
class FosterCarerAdmin(admin.ModelAdmin):
    list_display = ["last_name", "first_name", "territory", "deaf_obtained_on"]
    list_filter = ["territory"]
    search_fields = ["last_name", "first_name"]
    inlines = [AgrementInline, RateInline]


@admin.register(Agrement)
class AgrementAdmin(admin.ModelAdmin):
    list_display = ["foster_carer", "number", "granted_on", "expires_on", "places", "state"]
    list_filter = ["state"]
    list_select_related = ["foster_carer"]
    search_fields = ["number", "foster_carer__last_name"]


@admin.register(DailyRate)
class DailyRateAdmin(admin.ModelAdmin):
    list_display = ["year", "place_kind", "establishment", "foster_carer", "amount"]
    list_filter = ["year", "place_kind"]
    list_select_related = ["establishment", "foster_carer"]


@admin.register(Placement)
class PlacementAdmin(admin.ModelAdmin):
    """Read-only: placements are written through the pages, whose services check the rules."""

    list_display = ["child", "place_kind", "start_date", "end_date", "end_reason"]
    list_filter = ["place_kind", "end_reason"]
    list_select_related = ["child", "establishment", "foster_carer"]
    raw_id_fields = ["child", "measure", "establishment", "foster_carer"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
