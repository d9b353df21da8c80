"""Forms of the merge of two children's files, and of its undoing."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class MergeForm(forms.Form):
    """Which of the two files is kept; the other is merged into it."""

    kept = forms.ChoiceField(
        label=_("Dossier conservé"),
        widget=forms.RadioSelect,
        help_text=_(
            "Son identité reste celle du dossier fusionné ; tout ce que contient l'autre "
            "dossier y est déplacé."
        ),
        error_messages={"required": _("Choisissez le dossier à conserver.")},
    )
    confirm = forms.BooleanField(
        label=_(
            "Je confirme qu'il s'agit du même enfant et que les deux dossiers doivent être "
            "fusionnés."
        ),
        error_messages={"required": _("Cochez la case pour confirmer la fusion.")},
    )

    def __init__(self, *args, files, **kwargs):
        super().__init__(*args, **kwargs)
        self.files = {str(child.public_id): child for child in files}
        self.fields["kept"].choices = [
            (
                key,
                _("%(name)s, né(e) le %(day)s, ouvert le %(opened)s")
                % {
                    "name": child,
                    "day": f"{child.birth_date:%d/%m/%Y}",
                    "opened": f"{timezone.localtime(child.created_at):%d/%m/%Y}",
                },
            )
            for key, child in self.files.items()
        ]

    def kept_and_merged(self):
        kept = self.files[self.cleaned_data["kept"]]
        (merged,) = [child for child in self.files.values() if child != kept]
        return kept, merged


class MergeUndoForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Je confirme l'annulation de cette fusion : les deux dossiers seront séparés."),
        error_messages={"required": _("Cochez la case pour confirmer l'annulation.")},
    )
