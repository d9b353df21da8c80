from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from welfare.models import Departement, Territory, User

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
