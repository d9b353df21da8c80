"""What the letters add to the child's file, through welfare's extension points (registered
in ``LettersConfig.ready``): the correspondence in the timeline, and a "Courriers" section.
Both share one query per file."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from letters.models import Letter
from letters.permissions import CHILD_LETTER_ROLES, LETTER_ROLES
from welfare.timeline import FileSection, TimelineEvent

SECTION_SIZE = 5


def child_letters(child) -> list[Letter]:
    """The child's letters, newest first (one query, kept on the child so that the timeline
    and the section share it)."""
    cached = getattr(child, "_letters", None)
    if cached is None:
        cached = list(
            Letter.objects.filter(child=child)
            .select_related("issued_by")
            .order_by("-created_at", "-pk")
        )
        child._letters = cached
    return cached


def letter_events(child):
    """Each letter issued, and each sending recorded."""
    events = []
    for letter in child_letters(child):
        if letter.is_draft:
            continue
        url = reverse("letters:detail", args=[letter.public_id])
        events.append(
            TimelineEvent(
                date=timezone.localdate(letter.issued_at),
                kind=_("Courrier"),
                title=_("Courrier n° %(number)s émis : %(subject)s")
                % {"number": letter.number, "subject": letter.subject},
                detail=_("Par %(author)s") % {"author": letter.issued_by},
                url=url,
            )
        )
        if letter.sent_on:
            events.append(
                TimelineEvent(
                    date=letter.sent_on,
                    kind=_("Courrier"),
                    title=_("Courrier n° %(number)s envoyé") % {"number": letter.number},
                    detail=letter.get_channel_display(),
                    url=url,
                )
            )
    return events


def letter_section(child, user):
    """The latest letters of the file, with the link to all of them and to write one."""
    letters = child_letters(child)
    return FileSection(
        title=_("Courriers"),
        template_name="letters/_file_section.html",
        order=40,
        context={
            "letters": letters[:SECTION_SIZE],
            "count": len(letters),
            # The archivist reads the archived file but not its letters' pages: titles only.
            "can_read": user.role in LETTER_ROLES,
            "can_write": user.role in CHILD_LETTER_ROLES and child.archived_at is None,
            "letters_url": reverse("letters:child_letters", args=[child.public_id]),
        },
    )
