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

        post_migrate.connect(seed_letter_templates, sender=self, dispatch_uid="letter_templates")
        closing.register_defaults()
        timeline.register_timeline_provider(letter_events)
        timeline.register_file_section(letter_section)
