from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ObservatoryConfig(AppConfig):
    name = "observatory"
    verbose_name = _("Tableau de bord et observatoire")

    def ready(self):
        from observatory.national_codes import seed_national_codes

        # The code table is welfare's model: seed it once welfare's migrations have run.
        post_migrate.connect(
            seed_national_codes,
            sender=apps.get_app_config("welfare"),
            dispatch_uid="national_codes",
        )
