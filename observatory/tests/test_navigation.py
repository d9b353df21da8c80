"""The staff navigation gathers welfare's entries and those every app registers in ready()."""

from welfare.navigation import staff_items


def test_the_apps_entries_take_their_place_in_the_menu():
    assert [item.url_name for item in staff_items()] == [
        "home",
        "dashboard:index",
        "dashboard:observatory",
        "children:caseload",
        "children:list",
        "children:duplicate_list",
        "children:archive_list",
        "placements:board",
        "placements:establishment_list",
        "prevention:action_list",
        "prevention:concern_list",
        "letters:index",
        "letters:template_list",
        "contact_inbox",
        "schemes:scheme_list",
        "schemes:budget_list",
        "reports:list",
        "records_import:job_list",
        "admin:index",
    ]


def test_each_page_has_one_entry():
    names = [item.url_name for item in staff_items()]
    assert len(names) == len(set(names))
