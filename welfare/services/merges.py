"""Merging two files of the same child, and undoing a merge.

Every row of every app that points to the merged file moves to the kept one. The rows are
found through the app registry (``Child._meta`` lists every relation to it, the hidden ones
included: the link tables of siblings, concerns and interventions, the history tables), so
welfare never imports an app and a model added later is moved without a change here. What
moved is written down in the ``ChildMerge`` row, which is how the merge is undone.
"""

import pghistory
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.enums import AccessPurpose
from welfare.models import Child, ChildMerge
from welfare.services.access_log import access_log_reads


def _relations():
    """Every foreign key to ``Child`` from another table, as ``(model, field)``, the merge's
    own records left out (they name the files, they are not part of them)."""
    relations = []
    for relation in Child._meta.get_fields(include_hidden=True):
        if not (relation.is_relation and relation.auto_created and not relation.concrete):
            continue
        if relation.many_to_many:
            continue  # moved through the link table's own foreign keys, listed too
        model = relation.related_model
        if getattr(model, "pgh_tracked_model", model) is ChildMerge:
            continue
        relations.append((model, relation.field))
    return relations


def _is_link_table(model) -> bool:
    """A many-to-many table created by Django: a row that would double an existing link, or
    link the kept file to itself, is removed instead of moved."""
    return bool(model._meta.auto_created)


def _child_columns(model):
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is Child
    ]


def _move_links(model, field, merged, kept, removed):
    """Move the link rows of ``model`` from ``merged`` to ``kept`` one by one, removing those
    that would double a link or join the kept file to itself; returns the moved pks."""
    columns = _child_columns(model)
    moved = []
    for row in model.objects.filter(**{field.attname: merged.pk}).values():
        target = {**row, field.attname: kept.pk}
        others = {name: value for name, value in target.items() if name != "id"}
        self_link = sum(target[column] == kept.pk for column in columns) > 1
        if self_link or model.objects.filter(**others).exists():
            removed.append({"model": model._meta.label, "row": row})
            model.objects.filter(pk=row["id"]).delete()
        else:
            model.objects.filter(pk=row["id"]).update(**{field.attname: kept.pk})
            moved.append(row["id"])
    return moved


def _identity(child: Child) -> dict:
    """The child's row as text, every value to its full precision (times to the microsecond),
    to be put back as it was."""
    return {
        field.attname: None
        if field.value_from_object(child) is None
        else field.value_to_string(child)
        for field in Child._meta.concrete_fields
    }


def _restore(identity: dict) -> Child:
    """Insert again the row ``_identity`` wrote, with its own pk and dates."""
    child = Child(
        **{
            field.attname: field.to_python(identity[field.attname])
            for field in Child._meta.concrete_fields
        }
    )
    # A raw insert: the dates written are the row's own, not today's.
    child.save_base(raw=True, force_insert=True)
    return child


def _refuse(kept: Child, merged: Child):
    if kept.pk == merged.pk:
        raise ValidationError(_("Choisissez deux dossiers différents."))
    if kept.territory_id != merged.territory_id:
        raise ValidationError(_("Seuls deux dossiers du même territoire peuvent être fusionnés."))
    if kept.archived_at or merged.archived_at:
        raise ValidationError(
            _(
                "Un dossier en archivage intermédiaire ne se fusionne pas (référentiel CNIL "
                "« protection de l'enfance », délibération n° 2022-008, § 46) : il se "
                "consulte en lecture seule."
            )
        )
    if ChildMerge.objects.filter(kept=merged).exists():
        raise ValidationError(
            _(
                "Le dossier de %(child)s regroupe déjà un dossier fusionné : c'est lui qu'il "
                "faut conserver."
            )
            % {"child": merged}
        )


@transaction.atomic
def child_merge(*, kept: Child, merged: Child, by) -> ChildMerge:
    """Merge ``merged`` into ``kept`` (two files of the same child, of one territory):
    measures, documents, placements, guardians, concerns, interventions, siblings, access log
    and history move to ``kept``, whose identity stays; ``merged`` is deleted, its row kept in
    the ``ChildMerge`` so that ``child_merge_undo`` restores it and its address redirects.
    The clocks and figures, computed from the moved rows, are then those of ``kept``. Traced
    in both files' access logs (on ``kept``) and in the history (pghistory, with the merge's
    context). Refused with a French message when a rule of the database forbids the union
    (two placements at the same time)."""
    kept, merged = (
        Child.objects.select_for_update().get(pk=kept.pk),
        Child.objects.select_for_update().get(pk=merged.pk),
    )
    _refuse(kept, merged)
    identity = _identity(merged)
    merge = ChildMerge(
        kept=kept,
        territory=kept.territory,
        merged_public_id=merged.public_id,
        merged_name=str(merged),
        merged_identity=identity,
        merged_by=by,
    )
    moved, removed = [], []
    with pghistory.context(merge=str(merged.public_id), kept=str(kept.public_id)):
        model = Child
        try:
            with transaction.atomic():
                for model, field in _relations():
                    if _is_link_table(model):
                        pks = _move_links(model, field, merged, kept, removed)
                    else:
                        rows = model.objects.filter(**{field.attname: merged.pk})
                        pks = list(rows.values_list("pk", flat=True))
                        rows.update(**{field.attname: kept.pk})
                    if pks:
                        moved.append(
                            {"model": model._meta.label, "field": field.attname, "pks": pks}
                        )
                model = Child
                merged.delete()
        except IntegrityError as error:
            # A rule of the database holds across the two files' rows: two placements at the
            # same time, for instance. Nothing has moved (the savepoint is rolled back).
            raise ValidationError(
                _(
                    "Ces deux dossiers ne peuvent pas être réunis tels quels : leurs "
                    "« %(records)s » se contredisent (règle « %(rule)s »). Corrigez d'abord "
                    "l'un des deux dossiers (par exemple deux placements aux mêmes dates), "
                    "puis fusionnez."
                )
                % {
                    "records": model._meta.verbose_name_plural,
                    "rule": getattr(getattr(error.__cause__, "diag", None), "constraint_name", "")
                    or "",
                }
            ) from error
        merge.moved = moved
        merge.removed = removed
        merge.save()
    access_log_reads(
        user=by, children=[kept], purpose=AccessPurpose.MERGED, detail=str(merged.public_id)
    )
    return merge


@transaction.atomic
def child_merge_undo(*, merge: ChildMerge, by) -> Child:
    """Undo ``merge``: the merged file comes back as it was (same identifiers), and every
    row the merge moved goes back to it, the links it removed restored. Rows added to the
    kept file since the merge stay there. Traced in both files' access logs and in the
    history; returns the restored file."""
    merge = ChildMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at:
        raise ValidationError(_("Cette fusion est déjà annulée."))
    kept = merge.kept
    if kept.archived_at:
        raise ValidationError(
            _(
                "Le dossier conservé est en archivage intermédiaire (référentiel CNIL, "
                "délibération n° 2022-008, § 46) : il ne peut plus être modifié."
            )
        )
    with pghistory.context(merge_undone=str(merge.merged_public_id)):
        child = _restore(merge.merged_identity)
        for entry in merge.moved:
            model = apps.get_model(entry["model"])
            model.objects.filter(pk__in=entry["pks"], **{entry["field"]: kept.pk}).update(
                **{entry["field"]: child.pk}
            )
        for entry in merge.removed:
            model = apps.get_model(entry["model"])
            model.objects.bulk_create([model(**entry["row"])], ignore_conflicts=True)
        merge.undone_at = timezone.now()
        merge.undone_by = by
        merge.save(update_fields=["undone_at", "undone_by"])
    access_log_reads(
        user=by,
        children=[kept, child],
        purpose=AccessPurpose.MERGE_UNDONE,
        detail=str(merge.merged_public_id),
    )
    return child


def merged_into(public_id):
    """The file that ``public_id``'s file was merged into, or None when it was never merged
    (or the merge was undone). No chain to follow: a file that received a merge is never
    merged away (``_refuse``)."""
    merge = ChildMerge.objects.in_force().filter(merged_public_id=public_id).first()
    return merge.kept if merge else None
