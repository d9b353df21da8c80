from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PreventionConfig(AppConfig):
    name = "prevention"
    verbose_name = _("Prévention")

    def ready(self):
        from prevention.enums import PreventionAccessPurpose
        from prevention.parameters import seed_concern_parameters
        from prevention.selectors import (
            child_interventions_timeline,
            concern_last_contact,
            intervention_last_contact,
        )
        from welfare import access_purposes, demo_loaders, retention, timeline
        from welfare.navigation import NavItem, register_nav_item

        access_purposes.register_access_purposes(PreventionAccessPurpose)
        post_migrate.connect(seed_concern_parameters, sender=self, dispatch_uid="concern_params")
        timeline.register_timeline_provider(child_interventions_timeline)
        retention.register_last_contact(concern_last_contact)
        retention.register_last_contact(intervention_last_contact)
        demo_loaders.register_demo_loader("prevention", "prevention.demo.load", order=40)
        register_nav_item(NavItem(_("Prévention"), "prevention:action_list", 90))
        register_nav_item(NavItem(_("Informations préoccupantes"), "prevention:concern_list", 100))
