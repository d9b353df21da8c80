"""Pages of the letters: the Département's templates (directorate, administrator), and the
letters of a child's file, a carer's file or a concern (drafted, issued, sent).

A letter is reached only through the files the user may open (``Letter.objects.for_user``):
another territory's letter answers 404, and that refusal is noted on the child's log by the
gate. Every page that shows a child's letter, and every download, is noted in the access log.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from letters import fields, services
from letters.enums import FileKind, LetterStatus
from letters.forms import ChooseTemplateForm, DraftForm, LetterTemplateForm, SendingForm
from letters.models import Letter, LetterTemplate
from letters.permissions import (
    CARER_LETTER_ROLES,
    CHILD_LETTER_ROLES,
    CONCERN_LETTER_ROLES,
    LETTER_ROLES,
    TEMPLATE_ROLES,
)
from placements.models import FosterCarer
from placements.selectors import agrements_expiring
from prevention.models import Concern
from prevention.selectors import concern_for
from welfare.enums import AccessPurpose
from welfare.forms.errors import save_or_show_errors
from welfare.permissions import ChildrenOf, staff_view
from welfare.scope import Scope
from welfare.selectors.children import child_for_user
from welfare.services.access_log import access_log_reads

PAGE_SIZE = 25
LETTER_CHILDREN = ChildrenOf(argument="public_id", model=Letter, lookup="letters")
CONCERN_CHILDREN = ChildrenOf(argument="public_id", model=Concern, lookup="concerns")


def _letters(request):
    return Letter.objects.for_user(request.user).select_related(
        "child", "foster_carer", "concern", "template", "created_by", "issued_by"
    )


def _children_named(letter) -> list:
    """The children whose identity the letter shows (none for a carer's letter)."""
    if letter.child_id:
        return [letter.child]
    if letter.concern_id:
        return list(letter.concern.children.all())
    return []


def _file_url(letter) -> str:
    if letter.child_id:
        return reverse("letters:child_letters", args=[letter.child.public_id])
    if letter.foster_carer_id:
        return reverse("letters:carer_letters", args=[letter.foster_carer.public_id])
    return reverse("letters:concern_letters", args=[letter.concern.public_id])


def _file_label(letter) -> str:
    if letter.child_id:
        return str(letter.child)
    if letter.foster_carer_id:
        return str(letter.foster_carer)
    return letter.concern.reference


# --- Templates (reference data: no one is named) ----------------------------------------------


@staff_view(roles=TEMPLATE_ROLES, nominative=False)
def template_list(request):
    templates = LetterTemplate.objects.order_by("file_kind", "name")
    page = Paginator(templates, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "letters/template_list.html", {"page": page})


@staff_view(roles=TEMPLATE_ROLES, methods=("GET", "POST"), nominative=False)
def template_edit(request, pk=None):
    template = get_object_or_404(LetterTemplate, pk=pk) if pk else None
    form = LetterTemplateForm(request.POST if request.method == "POST" else None, instance=template)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        saved = save_or_show_errors(
            form, lambda: services.letter_template_save(template=template, **values)
        )
        if saved:
            messages.success(
                request,
                _("Le modèle est enregistré : vérifiez son aperçu avant qu'il soit proposé."),
            )
            return redirect("letters:template_preview", pk=saved.pk)
    kind = form["file_kind"].value() or FileKind.CHILD
    return render(
        request,
        "letters/template_form.html",
        {
            "form": form,
            "template": template,
            "fields_by_kind": [
                (FileKind(value).label, fields.fields_for(value)) for value in FileKind.values
            ],
            "kind": kind,
        },
    )


@staff_view(roles=TEMPLATE_ROLES, methods=("GET", "POST"), nominative=False)
def template_preview(request, pk):
    template = get_object_or_404(LetterTemplate, pk=pk)
    if request.method == "POST":
        services.letter_template_validate_preview(template=template)
        messages.success(request, _("L'aperçu est validé : le modèle est proposé aux agents."))
        return redirect("letters:template_list")
    printed = services.template_preview(
        template=template, author=request.user, today=timezone.localdate()
    )
    return render(
        request,
        "letters/template_preview.html",
        {"template": template, "printed": printed, "paragraphs": _paragraphs(printed.body)},
    )


@staff_view(roles=TEMPLATE_ROLES, nominative=False)
def template_preview_pdf(request, pk):
    template = get_object_or_404(LetterTemplate, pk=pk)
    printed = services.template_preview(
        template=template, author=request.user, today=timezone.localdate()
    )
    return _pdf_response(services.letter_pdf(printed), f"apercu-{template.code}.pdf")


def _paragraphs(body: str) -> list[str]:
    parts = (part.strip() for part in body.replace("\r\n", "\n").split("\n\n"))
    return [part for part in parts if part]


def _pdf_response(content: bytes, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# --- The letters of a file ----------------------------------------------------------------------


def _file_letters(request, *, kind, record, letters, page_title, back_url, children, detail):
    """The "Courriers" page of a file: its letters, newest first, and the choice of a template
    for a new draft (POST creates the draft and opens it)."""
    form = ChooseTemplateForm(request.POST if request.method == "POST" else None, file_kind=kind)
    if request.method == "POST" and form.is_valid():
        letter = save_or_show_errors(
            form,
            lambda: services.letter_draft_create(
                template=form.cleaned_data["template"],
                record=record,
                author=request.user,
                today=timezone.localdate(),
            ),
        )
        if letter:
            messages.success(request, _("Le brouillon est prêt : relisez-le et complétez-le."))
            return redirect("letters:detail", public_id=letter.public_id)
    page = Paginator(letters, PAGE_SIZE).get_page(request.GET.get("page"))
    access_log_reads(
        user=request.user, children=children, purpose=AccessPurpose.FILE_OPENED, detail=detail
    )
    return render(
        request,
        "letters/file_letters.html",
        {"form": form, "page": page, "page_title": page_title, "back_url": back_url},
    )


@staff_view(
    roles=CHILD_LETTER_ROLES, methods=("GET", "POST"), nominative=True, child_argument="public_id"
)
def child_letters(request, public_id):
    child = child_for_user(user=request.user, public_id=public_id)
    return _file_letters(
        request,
        kind=FileKind.CHILD,
        record=child,
        letters=_letters(request).filter(child=child),
        page_title=_("Courriers de %(child)s") % {"child": child},
        back_url=reverse("children:detail", args=[child.public_id]),
        children=[child],
        detail=_("Courriers"),
    )


@staff_view(roles=CARER_LETTER_ROLES, methods=("GET", "POST"), nominative=False)
def carer_letters(request, public_id):
    carer = get_object_or_404(FosterCarer.objects.for_user(request.user), public_id=public_id)
    return _file_letters(
        request,
        kind=FileKind.CARER,
        record=carer,
        letters=_letters(request).filter(foster_carer=carer),
        page_title=_("Courriers à %(carer)s") % {"carer": carer},
        back_url=reverse("letters:index"),
        children=[],
        detail="",
    )


@staff_view(
    roles=CONCERN_LETTER_ROLES,
    methods=("GET", "POST"),
    nominative=True,
    children_of=CONCERN_CHILDREN,
)
def concern_letters(request, public_id):
    concern = concern_for(user=request.user, public_id=public_id)
    return _file_letters(
        request,
        kind=FileKind.CONCERN,
        record=concern,
        letters=_letters(request).filter(concern=concern),
        page_title=_("Courriers de l'%(reference)s") % {"reference": concern.reference},
        back_url=reverse("prevention:concern_detail", args=[concern.public_id]),
        children=concern.children.all(),
        detail=concern.reference,
    )


# --- One letter ---------------------------------------------------------------------------------


def _letter(request, public_id) -> Letter:
    return get_object_or_404(_letters(request), public_id=public_id)


@staff_view(
    roles=LETTER_ROLES, methods=("GET", "POST"), nominative=True, children_of=LETTER_CHILDREN
)
def letter_detail(request, public_id):
    """A draft: its texts, editable, then issue it. An issued letter: who issued it and when,
    its PDF, and the form that records its sending."""
    letter = _letter(request, public_id)
    draft_form = None
    if letter.is_draft:
        initial = {"recipient": letter.recipient, "subject": letter.subject, "body": letter.body}
        draft_form = DraftForm(request.POST if request.method == "POST" else None, initial=initial)
        if request.method == "POST" and draft_form.is_valid():
            saved = save_or_show_errors(
                draft_form,
                lambda: services.letter_draft_update(letter=letter, **draft_form.cleaned_data),
            )
            if saved:
                messages.success(request, _("Le brouillon est enregistré."))
                return redirect("letters:detail", public_id=letter.public_id)
    elif request.method == "POST":
        return redirect("letters:detail", public_id=letter.public_id)
    purpose = AccessPurpose.RECORD_FORM if letter.is_draft else AccessPurpose.FILE_OPENED
    access_log_reads(
        user=request.user,
        children=_children_named(letter),
        purpose=purpose,
        detail=str(letter),
    )
    return render(
        request,
        "letters/letter_detail.html",
        {
            "letter": letter,
            "draft_form": draft_form,
            "sending_form": None if letter.is_draft or letter.sent_on else SendingForm(),
            "file_url": _file_url(letter),
            "file_label": _file_label(letter),
        },
    )


@staff_view(roles=LETTER_ROLES, methods=("POST",), nominative=True, children_of=LETTER_CHILDREN)
def letter_issue(request, public_id):
    letter = _letter(request, public_id)
    try:
        issued = services.letter_issue(letter=letter, by=request.user)
    except ValidationError as refusal:
        for message in refusal.messages:
            messages.error(request, message)
    else:
        messages.success(
            request,
            _("Le courrier n° %(number)s est émis et classé au dossier.")
            % {"number": issued.number},
        )
    return redirect("letters:detail", public_id=letter.public_id)


@staff_view(
    roles=LETTER_ROLES, methods=("GET", "POST"), nominative=True, children_of=LETTER_CHILDREN
)
def letter_sending(request, public_id):
    """Record the day and the way the letter left; its deadline, if any, is closed."""
    letter = _letter(request, public_id)
    if letter.is_draft or letter.sent_on:
        return redirect("letters:detail", public_id=letter.public_id)
    form = SendingForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        saved = save_or_show_errors(
            form,
            lambda: services.letter_record_sending(
                letter=letter, by=request.user, today=timezone.localdate(), **form.cleaned_data
            ),
        )
        if saved:
            messages.success(request, _("L'envoi du courrier est noté."))
            return redirect("letters:detail", public_id=letter.public_id)
    access_log_reads(
        user=request.user,
        children=_children_named(letter),
        purpose=AccessPurpose.RECORD_FORM,
        detail=str(letter),
    )
    return render(
        request,
        "letters/sending_form.html",
        {"letter": letter, "form": form, "file_label": _file_label(letter)},
    )


@staff_view(
    roles=LETTER_ROLES, methods=("GET", "POST"), nominative=True, children_of=LETTER_CHILDREN
)
def letter_delete(request, public_id):
    """Confirm, then throw the draft away (an issued letter cannot be deleted)."""
    letter = _letter(request, public_id)
    if not letter.is_draft:
        return redirect("letters:detail", public_id=letter.public_id)
    if request.method == "POST":
        file_url = _file_url(letter)
        services.letter_draft_delete(letter=letter)
        messages.success(request, _("Le brouillon est supprimé."))
        return redirect(file_url)
    access_log_reads(
        user=request.user,
        children=_children_named(letter),
        purpose=AccessPurpose.RECORD_FORM,
        detail=str(letter),
    )
    return render(
        request, "letters/letter_delete.html", {"letter": letter, "file_label": _file_label(letter)}
    )


@staff_view(roles=LETTER_ROLES, nominative=True, children_of=LETTER_CHILDREN)
def letter_pdf(request, public_id):
    """The issued letter's PDF as kept in the file; a draft's printed as it stands."""
    letter = _letter(request, public_id)
    name = letter.file_name if letter.number else f"brouillon-{letter.public_id}.pdf"
    access_log_reads(
        user=request.user,
        children=_children_named(letter),
        purpose=AccessPurpose.DOWNLOAD,
        detail=name,
    )
    if letter.status == LetterStatus.ISSUED:
        # A letter is a few dozen kilobytes: read whole, its file is closed at once.
        with letter.pdf.open("rb") as handle:
            return _pdf_response(handle.read(), name)
    return _pdf_response(services.letter_pdf(services.printed_letter(letter)), name)


# --- The agents' page -----------------------------------------------------------------------


@staff_view(roles=LETTER_ROLES, nominative=True)
def index(request):
    """The letters of the user's files waiting to be issued or sent, newest first, and the
    carers whose renewal notice is due (art. D421-19 CASF: 4 months before expiry)."""
    today = timezone.localdate()
    pending = (
        _letters(request)
        .filter(sent_on__isnull=True)
        .prefetch_related("concern__children")
        .order_by("-created_at", "-pk")
    )
    page = Paginator(pending, PAGE_SIZE).get_page(request.GET.get("page"))
    letters = list(page.object_list)
    access_log_reads(
        user=request.user,
        children=[child for letter in letters for child in _children_named(letter)],
        purpose=AccessPurpose.WORKLIST,
        detail=_("Courriers"),
    )
    show_notices = request.user.role in CARER_LETTER_ROLES
    notices = []
    if show_notices:
        notices = list(
            agrements_expiring(scope=Scope.for_user(request.user), day=today).filter(
                reminder_sent_on__isnull=True
            )
        )
    return render(
        request,
        "letters/index.html",
        {"page": page, "letters": letters, "notices": notices, "show_notices": show_notices},
    )
