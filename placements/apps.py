from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlacementsConfig(AppConfig):
    name = "placements"
    verbose_name = _("Accueils et placements")

    def ready(self):
        from placements.selectors import placement_last_contact
        from placements.timeline import placement_events, placement_section
        from welfare import demo_loaders, retention, timeline
        from welfare.navigation import NavItem, register_nav_item

        retention.register_last_contact(placement_last_contact)
        timeline.register_timeline_provider(placement_events)
        timeline.register_file_section(placement_section)
        demo_loaders.register_demo_loader("placements", "placements.demo.load", order=30)
        register_nav_item(NavItem(_("Places et capacités"), "placements:board", 70))
        register_nav_item(
            NavItem(
                _("Établissements et assistants familiaux"), "placements:establishment_list", 80
            )
        )
