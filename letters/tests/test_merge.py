"""The merge syntax: plain text and names of a closed list, nothing else."""

from letters import merge

ALLOWED = frozenset({"enfant_prenom", "enfant_nom", "date_du_jour"})


def messages(text):
    return [str(error) for error in merge.errors(text, ALLOWED)]


def test_a_known_field_is_replaced_by_its_value():
    text = "Bonjour {{ enfant_prenom }} {{enfant_nom}},"
    assert (
        merge.merge(text, {"enfant_prenom": "Léa", "enfant_nom": "MARTIN"}) == "Bonjour Léa MARTIN,"
    )


def test_a_template_of_known_fields_has_no_error():
    assert messages("Le {{ date_du_jour }}\n\nBonjour {{ enfant_prenom }}.") == []


def test_an_unknown_field_is_refused_with_its_line():
    assert messages("Bonjour,\n\nVotre adresse : {{ responsables_adresse }}") == [
        "Ligne 3 : le champ « responsables_adresse » n'existe pas pour ce type de dossier."
    ]


def test_attribute_traversal_is_refused():
    found = messages("{{ enfant.nom }}\n{{ child.referent.password }}")
    assert [message.split(" : ")[0] for message in found] == ["Ligne 1", "Ligne 2"]
    assert "« {{ enfant.nom }} » n'est pas un nom de champ" in found[0]


def test_filters_are_refused():
    assert "n'est pas un nom de champ" in messages("{{ enfant_nom|upper }}")[0]


def test_template_tags_and_comments_are_refused():
    for text in ('{% include "/etc/passwd" %}', "{% load static %}", "{# note #}"):
        found = messages(text)
        assert found and "n'est pas admis" in found[0], text


def test_a_brace_left_open_shows_its_line():
    assert messages("Bonjour,\n{{ enfant_prenom }}\nÀ bientôt {{ enfant_nom") == [
        "Ligne 3 : accolades non appariées : un champ s'écrit {{ nom_du_champ }}, sur une "
        "seule ligne."
    ]


def test_a_brace_closed_alone_is_refused():
    assert messages("enfant_nom }}")[0].startswith("Ligne 1 : accolades non appariées")


def test_an_empty_value_leaves_a_mark_to_complete():
    assert merge.merge("Né(e) le {{ enfant_nom }}", {"enfant_nom": ""}) == "Né(e) le [à compléter]"


def test_a_value_is_never_read_as_a_template():
    # A name typed in a file that looks like a field stays as typed.
    assert merge.merge("{{ enfant_nom }}", {"enfant_nom": "{{ date_du_jour }}"}) == (
        "{{ date_du_jour }}"
    )
