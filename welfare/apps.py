from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class WelfareConfig(AppConfig):
    name = "welfare"
    verbose_name = _("Enfance-Famille")

    def ready(self):
        from django.contrib.auth.signals import user_logged_in
        from django.core.checks import register

        from welfare.demo_loaders import register_demo_loader
        from welfare.legal_parameters import seed_legal_parameters
        from welfare.mfa import check_required_roles, step_at_login

        post_migrate.connect(seed_legal_parameters, sender=self, dispatch_uid="legal_parameters")
        user_logged_in.connect(step_at_login, dispatch_uid="mfa_step_at_login")
        register(check_required_roles)
        # The territories and accounts first; the retention rule, which reads the dates every
        # app has loaded, last.
        register_demo_loader("welfare", "welfare.demo.load", order=10)
        register_demo_loader("children", "welfare.demo_children.load", order=20)
        # After the apps' loaders: its cases enter care after the seed day, out of their figures.
        register_demo_loader("judicial", "welfare.demo_judicial.load", order=45)
        register_demo_loader("contact", "welfare.demo_contact.load", order=50)
        register_demo_loader("retention", "welfare.demo_retention.load", order=1000)

        # Every app is loaded by now: their models' choice displays translate one label.
        from welfare import choices

        choices.install()
