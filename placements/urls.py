"""URLs of the placements (namespace ``placements``); every record is named by its UUID."""

from django.urls import path

from placements import views

app_name = "placements"

urlpatterns = [
    path("places-et-capacites/", views.board, name="board"),
    path(
        "enfants/<uuid:public_id>/placements/ajouter/",
        views.placement_create,
        name="placement_create",
    ),
    path("placements/<uuid:public_id>/fin/", views.placement_end, name="placement_end"),
    path("placements/<uuid:public_id>/changement/", views.placement_move, name="placement_move"),
    path("accueil/etablissements/", views.establishment_list, name="establishment_list"),
    path("accueil/etablissements/nouveau/", views.establishment_edit, name="establishment_create"),
    path(
        "accueil/etablissements/<uuid:public_id>/",
        views.establishment_detail,
        name="establishment_detail",
    ),
    path(
        "accueil/etablissements/<uuid:public_id>/modifier/",
        views.establishment_edit,
        name="establishment_edit",
    ),
    path(
        "accueil/etablissements/<uuid:public_id>/prix-de-journee/",
        views.establishment_rate,
        name="establishment_rate",
    ),
    path("accueil/assistants-familiaux/", views.foster_carer_list, name="foster_carer_list"),
    path(
        "accueil/assistants-familiaux/nouveau/",
        views.foster_carer_edit,
        name="foster_carer_create",
    ),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/",
        views.foster_carer_detail,
        name="foster_carer_detail",
    ),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/modifier/",
        views.foster_carer_edit,
        name="foster_carer_edit",
    ),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/agrement/",
        views.agrement_create,
        name="agrement_create",
    ),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/prix-de-journee/",
        views.foster_carer_rate,
        name="foster_carer_rate",
    ),
    path("accueil/agrements/<uuid:public_id>/etat/", views.agrement_state, name="agrement_state"),
    path(
        "accueil/agrements/<uuid:public_id>/avis-renouvellement/",
        views.agrement_reminder,
        name="agrement_reminder",
    ),
    path("accueil/tarifs-departementaux/", views.default_rates, name="default_rates"),
    path("accueil/demandes-agrement/", views.application_list, name="application_list"),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/demande-agrement/",
        views.application_create,
        name="application_create",
    ),
    path(
        "accueil/demandes-agrement/<uuid:public_id>/",
        views.application_detail,
        name="application_detail",
    ),
    path(
        "accueil/demandes-agrement/<uuid:public_id>/dossier-complet/",
        views.application_complete,
        name="application_complete",
    ),
    path(
        "accueil/demandes-agrement/<uuid:public_id>/prolongation/",
        views.application_extend,
        name="application_extend",
    ),
    path(
        "accueil/demandes-agrement/<uuid:public_id>/decision/",
        views.application_decide,
        name="application_decide",
    ),
    path(
        "accueil/demandes-agrement/<uuid:public_id>/accord-tacite/",
        views.application_tacit,
        name="application_tacit",
    ),
]
