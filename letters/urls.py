from django.urls import path

from letters import views

app_name = "letters"

urlpatterns = [
    path("courriers/", views.index, name="index"),
    path("courriers/modeles/", views.template_list, name="template_list"),
    path("courriers/modeles/nouveau/", views.template_edit, name="template_create"),
    path("courriers/modeles/<int:pk>/", views.template_edit, name="template_edit"),
    path("courriers/modeles/<int:pk>/apercu/", views.template_preview, name="template_preview"),
    path(
        "courriers/modeles/<int:pk>/apercu.pdf",
        views.template_preview_pdf,
        name="template_preview_pdf",
    ),
    path("courriers/<uuid:public_id>/", views.letter_detail, name="detail"),
    path("courriers/<uuid:public_id>/emettre/", views.letter_issue, name="issue"),
    path("courriers/<uuid:public_id>/envoi/", views.letter_sending, name="sending"),
    path("courriers/<uuid:public_id>/supprimer/", views.letter_delete, name="delete"),
    path("courriers/<uuid:public_id>/pdf/", views.letter_pdf, name="pdf"),
    path("enfants/<uuid:public_id>/courriers/", views.child_letters, name="child_letters"),
    path(
        "accueil/assistants-familiaux/<uuid:public_id>/courriers/",
        views.carer_letters,
        name="carer_letters",
    ),
    path(
        "informations-preoccupantes/<uuid:public_id>/courriers/",
        views.concern_letters,
        name="concern_letters",
    ),
]
