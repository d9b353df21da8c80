"""URLs of the dashboard and of the observatory (namespace ``dashboard``)."""

from django.urls import path

from observatory import views

app_name = "dashboard"

urlpatterns = [
    path("tableau-de-bord/", views.index, name="index"),
    path("observatoire/", views.observatory, name="observatory"),
    path("observatoire/export-olinpe/", views.olinpe_export, name="olinpe_export"),
    path("observatoire/qualite-des-donnees/", views.quality, name="quality"),
]
