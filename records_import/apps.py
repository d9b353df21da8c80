from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsImportConfig(AppConfig):
    name = "records_import"
    verbose_name = _("Reprise des données")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from records_import.selectors import import_anomalies
        from welfare import data_quality, demo_loaders
        from welfare.navigation import NavItem, register_nav_item

        data_quality.register_anomaly_source(import_anomalies)
        register_nav_item(NavItem(_("Reprise des données"), "records_import:job_list", 800))
        # The example's code mappings, after the apps' records and before the retention rule.
        demo_loaders.register_demo_loader("records_import", "records_import.demo.load", order=70)
