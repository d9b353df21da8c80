from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("Accueils et placements")

    def ready(self):
        from placements.selectors import placement_last_contact
        from placements.timeline import placement_events, placement_section
        from welfare import retention, timeline

        retention.register_last_contact(placement_last_contact)
        timeline.register_timeline_provider(placement_events)
        timeline.register_file_section(placement_section)
