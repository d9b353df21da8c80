from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Tableau de bord et observatoire")

    def ready(self):
        from observatory.national_codes import seed_national_codes
        from observatory.report import DASHBOARD
        from schemes.reports.kinds import register_report_kind
        from welfare.navigation import NavItem, register_nav_item

        # The code table is welfare's model: seed it once welfare's migrations have run.
        post_migrate.connect(
            seed_national_codes,
            sender=apps.get_app_config("welfare"),
            dispatch_uid="national_codes",
        )
        register_report_kind(DASHBOARD)
        register_nav_item(NavItem(_("Tableau de bord"), "dashboard:index", 20))
        register_nav_item(NavItem(_("Observatoire (ODPE)"), "dashboard:observatory", 30))
