from django.contrib import admin

from placements.models import Agrement, DailyRate, Establishment, FosterCarer, Placement
from welfare.admin import PortalAdmin, keep_out_of_admin

# A placement names the child and where he lives: read in the child's file, not here.
keep_out_of_admin(Placement)


class RateInline(admin.TabularInline):
    model = DailyRate
    extra = 0
    fields = ["year", "place_kind", "amount"]


class AgrementInline(admin.TabularInline):
    model = Agrement
    extra = 0
    fields = ["number", "granted_on", "expires_on", "places", "state", "state_changed_on"]


@admin.register(Establishment)
class EstablishmentAdmin(PortalAdmin):
    list_display = ["name", "kind", "territory", "authorised_capacity", "min_age", "max_age"]
    list_filter = ["kind", "territory"]
    search_fields = ["name", "manager"]
    inlines = [RateInline]


@admin.register(FosterCarer)
class FosterCarerAdmin(PortalAdmin):
    list_display = ["last_name", "first_name", "territory", "deaf_obtained_on"]
    list_filter = ["territory"]
    search_fields = ["last_name", "first_name"]
    inlines = [AgrementInline, RateInline]


@admin.register(Agrement)
class AgrementAdmin(PortalAdmin):
    list_display = ["foster_carer", "number", "granted_on", "expires_on", "places", "state"]
    list_filter = ["state"]
    list_select_related = ["foster_carer"]
    search_fields = ["number", "foster_carer__last_name"]


@admin.register(DailyRate)
class DailyRateAdmin(PortalAdmin):
    list_display = ["year", "place_kind", "establishment", "foster_carer", "amount"]
    list_filter = ["year", "place_kind"]
    list_select_related = ["establishment", "foster_carer"]
