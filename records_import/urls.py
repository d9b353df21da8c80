from django.urls import path

from records_import import views

app_name = "records_import"

urlpatterns = [
    path("reprise/", views.job_list, name="job_list"),
    path("reprise/essai/", views.job_create, name="job_create"),
    path("reprise/<uuid:public_id>/", views.job_detail, name="job_detail"),
    path("reprise/<uuid:public_id>/etat/", views.job_status, name="job_status"),
    path("reprise/<uuid:public_id>/compte-rendu.csv", views.job_report_csv, name="job_report_csv"),
    path("reprise/<uuid:public_id>/confirmer/", views.job_confirm, name="job_confirm"),
    path("reprise/<uuid:public_id>/relancer/", views.job_retry, name="job_retry"),
]
