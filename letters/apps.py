from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LettersConfig(AppConfig):
    name = "letters"
    verbose_name = _("Courriers")

    def ready(self):
        from letters import closing
        from letters.timeline import letter_events, letter_section
        from welfare import timeline

        closing.register_defaults()
        timeline.register_timeline_provider(letter_events)
        timeline.register_file_section(letter_section)
