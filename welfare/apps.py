from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "welfare"
    verbose_name = _("Enfance-Famille")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.core.checks import register

        from welfare.dashboard.national_codes import seed_national_codes
        from welfare.legal_parameters import seed_legal_parameters
        from welfare.mfa import check_required_roles, step_at_login

        post_migrate.connect(seed_legal_parameters, sender=self, dispatch_uid="legal_parameters")
        post_migrate.connect(seed_national_codes, sender=self, dispatch_uid="national_codes")
        user_logged_in.connect(step_at_login, dispatch_uid="mfa_step_at_login")
        register(check_required_roles)
        # Every app is loaded by now: their models' choice displays translate one label.
        from welfare import choices

        choices.install()
