"""URLs of the children's files (namespace ``children``); every child is named by its UUID."""

from django.urls import path

from welfare.views import children, judicial, merges

app_name = "children"

urlpatterns = [
    path("mon-activite/", children.caseload, name="caseload"),
    path("enfants/", children.child_list, name="list"),
    path("enfants/nouveau/", children.child_create, name="create"),
    path("enfants/<uuid:public_id>/", children.child_detail, name="detail"),
    path("enfants/<uuid:public_id>/modifier/", children.child_edit, name="edit"),
    path(
        "enfants/<uuid:public_id>/responsables/ajouter/",
        children.guardian_edit,
        name="guardian_create",
    ),
    path(
        "enfants/<uuid:public_id>/responsables/<uuid:guardian_id>/",
        children.guardian_edit,
        name="guardian_edit",
    ),
    path("enfants/<uuid:public_id>/mesures/ajouter/", children.measure_edit, name="measure_create"),
    path(
        "enfants/<uuid:public_id>/mesures/<uuid:measure_id>/",
        children.measure_edit,
        name="measure_edit",
    ),
    path(
        "enfants/<uuid:public_id>/mesures/<uuid:measure_id>/fin/",
        children.measure_end,
        name="measure_end",
    ),
    path(
        "enfants/<uuid:public_id>/documents/ajouter/",
        children.document_create,
        name="document_create",
    ),
    path(
        "enfants/<uuid:public_id>/audiences/ajouter/",
        judicial.hearing_create,
        name="hearing_create",
    ),
    path(
        "enfants/<uuid:public_id>/decisions/ajouter/",
        judicial.decision_record,
        name="decision_record",
    ),
    path(
        "enfants/<uuid:public_id>/documents/<uuid:document_id>/transmission/",
        judicial.report_sent,
        name="report_sent",
    ),
    path("enfants/<uuid:public_id>/consultations/", children.access_log, name="access_log"),
    path("consultations-refusees/", children.refused_accesses, name="refused_accesses"),
    path("enfants/<uuid:public_id>/maintien/", children.legal_hold, name="legal_hold"),
    path("archives/", children.archive_list, name="archive_list"),
    path("doublons/", merges.duplicate_list, name="duplicate_list"),
    path(
        "doublons/<uuid:first_id>/<uuid:second_id>/fusionner/",
        merges.merge_confirm,
        name="merge_confirm",
    ),
    path("fusions/", merges.merge_list, name="merge_list"),
    path("fusions/<uuid:merge_id>/annuler/", merges.merge_undo, name="merge_undo"),
]
