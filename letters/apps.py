from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Courriers")

    def ready(self):
        from letters import closing
        from letters.seeds import seed_letter_templates
        from letters.timeline import letter_events, letter_section
        from welfare import timeline
        from welfare.navigation import NavItem, register_nav_item

        post_migrate.connect(seed_letter_templates, sender=self, dispatch_uid="letter_templates")
        closing.register_defaults()
        timeline.register_timeline_provider(letter_events)
        timeline.register_file_section(letter_section)
        register_nav_item(NavItem(_("Courriers"), "letters:index", 104))
        register_nav_item(NavItem(_("Modèles de courrier"), "letters:template_list", 106))
