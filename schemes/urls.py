"""Included once from welfare/urls.py: the public pages of the published plans, and the staff
pages under ``espace/schemas/`` and ``espace/budgets/`` in the ``schemes`` namespace."""

from django.urls import include, path

from schemes import views

plan_patterns = [
    path("", views.scheme_list, name="scheme_list"),
    path("nouveau/", views.scheme_create, name="scheme_create"),
    path("<int:pk>/", views.scheme_detail, name="scheme_detail"),
    path("<int:pk>/modifier/", views.scheme_update, name="scheme_update"),
    path("<int:pk>/supprimer/", views.scheme_delete, name="scheme_delete"),
    path("<int:pk>/publication/", views.scheme_publication, name="scheme_publication"),
    path("<int:pk>/objectifs/nouveau/", views.objective_create, name="objective_create"),
    path("objectifs/<int:pk>/modifier/", views.objective_update, name="objective_update"),
    path("objectifs/<int:pk>/supprimer/", views.objective_delete, name="objective_delete"),
    path("objectifs/<int:pk>/actions/nouvelle/", views.action_create, name="action_create"),
    path("actions/<int:pk>/", views.action_detail, name="action_detail"),
    path("actions/<int:pk>/modifier/", views.action_update, name="action_update"),
    path("actions/<int:pk>/supprimer/", views.action_delete, name="action_delete"),
    path("actions/<int:pk>/jalons/nouveau/", views.milestone_create, name="milestone_create"),
    path("jalons/<int:pk>/modifier/", views.milestone_update, name="milestone_update"),
    path("jalons/<int:pk>/supprimer/", views.milestone_delete, name="milestone_delete"),
    path("actions/<int:pk>/financements/nouveau/", views.funding_create, name="funding_create"),
    path("financements/<int:pk>/modifier/", views.funding_update, name="funding_update"),
    path("financements/<int:pk>/supprimer/", views.funding_delete, name="funding_delete"),
    path("actions/<int:pk>/indicateurs/nouveau/", views.indicator_create, name="indicator_create"),
    path("indicateurs/<int:pk>/modifier/", views.indicator_update, name="indicator_update"),
    path("indicateurs/<int:pk>/supprimer/", views.indicator_delete, name="indicator_delete"),
    path(
        "indicateurs/<int:pk>/mesures/nouvelle/",
        views.measurement_create,
        name="measurement_create",
    ),
    path("mesures/<int:pk>/modifier/", views.measurement_update, name="measurement_update"),
    path("mesures/<int:pk>/supprimer/", views.measurement_delete, name="measurement_delete"),
]

budget_patterns = [
    path("", views.budget_list, name="budget_list"),
    path("nouveau/", views.budget_create, name="budget_create"),
    path("<int:year>/", views.budget_detail, name="budget_detail"),
    path("<int:year>/modifier/", views.budget_update, name="budget_update"),
    path("<int:year>/supprimer/", views.budget_delete, name="budget_delete"),
    path("<int:year>/lignes/nouvelle/", views.budget_line_create, name="budget_line_create"),
    path("lignes/<int:pk>/modifier/", views.budget_line_update, name="budget_line_update"),
    path("lignes/<int:pk>/supprimer/", views.budget_line_delete, name="budget_line_delete"),
]

staff_patterns = [
    path("schemas/", include(plan_patterns)),
    path("budgets/", include(budget_patterns)),
]

urlpatterns = [
    path("schemas-et-plans/", views.public_schemes, name="public_schemes"),
    path("schemas-et-plans/<int:pk>/", views.public_scheme_detail, name="public_scheme_detail"),
    path("espace/", include((staff_patterns, "schemes"))),
]
