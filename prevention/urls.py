"""URLs of the prevention catalogue and of the CRIP (namespace ``prevention``); objects are
named by their UUID."""

from django.urls import path

from prevention import views

app_name = "prevention"

urlpatterns = [
    path("prevention/", views.action_list, name="action_list"),
    path("prevention/chiffres/", views.figures, name="figures"),
    path("prevention/actions/nouvelle/", views.action_edit, name="action_create"),
    path("prevention/actions/<uuid:public_id>/", views.action_detail, name="action_detail"),
    path("prevention/actions/<uuid:public_id>/modifier/", views.action_edit, name="action_edit"),
    path(
        "prevention/actions/<uuid:public_id>/interventions/nouvelle/",
        views.intervention_create,
        name="intervention_create",
    ),
    path(
        "prevention/interventions/<uuid:public_id>/modifier/",
        views.intervention_edit,
        name="intervention_edit",
    ),
    path(
        "prevention/interventions/<uuid:public_id>/enfants/",
        views.intervention_children,
        name="intervention_children",
    ),
    path(
        "prevention/interventions/<uuid:public_id>/supprimer/",
        views.intervention_delete,
        name="intervention_delete",
    ),
    path("prevention/partenaires/nouveau/", views.partner_create, name="partner_create"),
    path("informations-preoccupantes/", views.concern_list, name="concern_list"),
    path("informations-preoccupantes/nouvelle/", views.concern_create, name="concern_create"),
    path(
        "informations-preoccupantes/<uuid:public_id>/",
        views.concern_detail,
        name="concern_detail",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/modifier/",
        views.concern_edit,
        name="concern_edit",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/enfants/",
        views.concern_children,
        name="concern_children",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/analyse/",
        views.concern_analysis,
        name="concern_analysis",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/suite/",
        views.concern_outcome,
        name="concern_outcome",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/signalement/",
        views.concern_signal,
        name="concern_signal",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/retour-du-parquet/",
        views.concern_feedback,
        name="concern_feedback",
    ),
]
