from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecordsImportConfig(AppConfig):
    name = "records_import"
    verbose_name = _("Reprise des données")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from records_import.selectors import import_anomalies
        from welfare import data_quality

        data_quality.register_anomaly_source(import_anomalies)
