from django.contrib import admin

from schemes.models import (
    Action,
    Budget,
    BudgetLine,
    Funding,
    Indicator,
    Measurement,
    Milestone,
    Objective,
    Report,
    Scheme,
)
from welfare.admin import PortalAdmin


class ObjectiveInline(admin.TabularInline):
    model = Objective
    extra = 0


@admin.register(Scheme)
class SchemeAdmin(PortalAdmin):
    list_display = ["title", "kind", "start_year", "end_year", "status", "published"]
    list_filter = ["kind", "status", "published"]
    search_fields = ["title"]
    inlines = [ObjectiveInline]


class ActionInline(admin.TabularInline):
    model = Action
    extra = 0
    fields = ["number", "title", "status", "progress"]


@admin.register(Objective)
class ObjectiveAdmin(PortalAdmin):
    list_display = ["__str__", "scheme"]
    list_filter = ["scheme"]
    inlines = [ActionInline]


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


class FundingInline(admin.TabularInline):
    model = Funding
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    show_change_link = True


@admin.register(Action)
class ActionAdmin(PortalAdmin):
    list_display = ["__str__", "objective", "status", "progress"]
    list_filter = ["status", "objective__scheme"]
    search_fields = ["title", "lead_service"]
    list_select_related = ["objective"]
    inlines = [MilestoneInline, FundingInline, IndicatorInline]


class MeasurementInline(admin.TabularInline):
    model = Measurement
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(PortalAdmin):
    list_display = ["name", "unit", "baseline", "target", "action"]
    list_select_related = ["action__objective"]
    inlines = [MeasurementInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


@admin.register(Budget)
class BudgetAdmin(PortalAdmin):
    list_display = ["year", "voted_on"]
    inlines = [BudgetLineInline]


@admin.register(Report)
class ReportAdmin(PortalAdmin):
    """Read-only: operators see the jobs and their reasons; the services own every change."""

    list_display = ["title", "kind", "status", "attempts", "requested_by", "requested_at"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "error_message"]
    list_select_related = ["requested_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
