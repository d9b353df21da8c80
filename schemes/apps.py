from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchemesConfig(AppConfig):
    name = "schemes"
    verbose_name = _("Schémas et budgets")

    def ready(self):
        from schemes.reports.documents import BUDGET, PLAN
        from schemes.reports.kinds import register_report_kind
        from welfare.demo_loaders import register_demo_loader
        from welfare.enums import Role
        from welfare.navigation import NavItem, register_nav_item

        register_report_kind(PLAN)
        register_report_kind(BUDGET)
        register_demo_loader("schemes", "schemes.demo.load", order=60)
        register_nav_item(NavItem(_("Schémas et plans"), "schemes:scheme_list", 120))
        register_nav_item(NavItem(_("Budgets"), "schemes:budget_list", 130))
        # The reports list opens to every account; it is offered to those who ask for reports.
        register_nav_item(
            NavItem(
                _("Rapports PDF"), "reports:list", 140, (Role.DIRECTORATE, Role.TERRITORY_MANAGER)
            )
        )
