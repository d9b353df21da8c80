"""Included once from welfare/urls.py, in the ``reports`` namespace."""

from django.urls import include, path

from schemes.reports import views

report_patterns = [
    path("", views.report_list, name="list"),
    path("demander/", views.report_request, name="request"),
    path("<uuid:public_id>/etat/", views.report_status, name="status"),
    path("<uuid:public_id>/reessayer/", views.report_retry, name="retry"),
    path("<uuid:public_id>/telecharger/", views.report_download, name="download"),
]

urlpatterns = [path("espace/rapports/", include((report_patterns, "reports")))]
