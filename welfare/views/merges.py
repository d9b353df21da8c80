"""The territory manager's pages of duplicate files: the possible duplicates of his
territory, the merge of two files into one, and the merges done, each of which he may undo.

Both files of a merge are read through ``Child.objects.for_user``: another territory's file
answers 404. Every page that shows children's names writes their access log in one insert.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from welfare.enums import AccessPurpose, Role
from welfare.forms.errors import save_or_show_errors
from welfare.forms.merges import MergeForm, MergeUndoForm
from welfare.models import Child, ChildMerge
from welfare.permissions import staff_view
from welfare.services.access_log import access_log_reads
from welfare.services.duplicates import pairs_load, territory_duplicate_pairs
from welfare.services.merges import child_merge, child_merge_undo

PAGE_SIZE = 25
MANAGER = (Role.TERRITORY_MANAGER,)


@staff_view(roles=MANAGER, nominative=True)
def duplicate_list(request):
    pairs = territory_duplicate_pairs(request.user.territory)
    page = Paginator(pairs, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = pairs_load(page.object_list)
    access_log_reads(
        user=request.user,
        children=[child for pair in page.object_list for child in (pair.first, pair.second)],
        purpose=AccessPurpose.DUPLICATE_CHECK,
    )
    return render(request, "welfare/children/duplicate_list.html", {"page": page})


@staff_view(roles=MANAGER, methods=("GET", "POST"), nominative=True)
def merge_confirm(request, first_id, second_id):
    files = list(
        Child.objects.for_user(request.user)
        .filter(public_id__in=[first_id, second_id])
        .select_related("referent", "territory")
        .annotate(
            measure_count=Count("measures", distinct=True),
            document_count=Count("documents", distinct=True),
            guardian_count=Count("guardians", distinct=True),
        )
        .order_by("created_at", "pk")
    )
    if len(files) != 2:
        # Another territory's file, an unknown one, or the same file twice.
        raise Http404
    form = MergeForm(request.POST or None, files=files, initial={"kept": str(files[0].public_id)})
    if request.method == "POST" and form.is_valid():
        kept, merged = form.kept_and_merged()
        merge = save_or_show_errors(
            form, lambda: child_merge(kept=kept, merged=merged, by=request.user)
        )
        if merge:
            messages.success(
                request,
                _(
                    "Le dossier de %(merged)s est fusionné dans celui-ci. La fusion peut être "
                    "annulée depuis « Fusions réalisées »."
                )
                % {"merged": merge.merged_name},
            )
            return redirect("children:detail", public_id=kept.public_id)
    access_log_reads(user=request.user, children=files, purpose=AccessPurpose.DUPLICATE_CHECK)
    return render(request, "welfare/children/merge_confirm.html", {"form": form, "files": files})


@staff_view(roles=MANAGER, nominative=True)
def merge_list(request):
    merges = ChildMerge.objects.of_territory(request.user.territory).select_related(
        "kept", "merged_by", "undone_by"
    )
    page = Paginator(merges, PAGE_SIZE).get_page(request.GET.get("page"))
    access_log_reads(
        user=request.user,
        children=[merge.kept for merge in page.object_list],
        purpose=AccessPurpose.DUPLICATE_CHECK,
    )
    return render(request, "welfare/children/merge_list.html", {"page": page})


@staff_view(roles=MANAGER, methods=("GET", "POST"), nominative=True)
def merge_undo(request, merge_id):
    merge = get_object_or_404(
        ChildMerge.objects.of_territory(request.user.territory)
        .in_force()
        .select_related("kept", "merged_by"),
        public_id=merge_id,
    )
    form = MergeUndoForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        restored = save_or_show_errors(form, lambda: child_merge_undo(merge=merge, by=request.user))
        if restored:
            messages.success(
                request,
                _("La fusion est annulée : le dossier de %(child)s est rétabli.")
                % {"child": restored},
            )
            return redirect("children:detail", public_id=restored.public_id)
    access_log_reads(
        user=request.user, children=[merge.kept], purpose=AccessPurpose.DUPLICATE_CHECK
    )
    return render(request, "welfare/children/merge_undo.html", {"form": form, "merge": merge})
