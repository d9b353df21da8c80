from django import forms
from django.utils.translation import gettext_lazy as _

from letters.enums import Channel
from letters.models import LetterTemplate
from welfare.forms.dates import DateField, validate_plausible_date


class LetterTemplateForm(forms.ModelForm):
    """A template as the directorate edits it; ``LetterTemplate.clean`` refuses a field
    outside the list, a tag or a brace left open, with its line."""

    class Meta:
        model = LetterTemplate
        fields = [
            "name",
            "code",
            "file_kind",
            "recipient_kind",
            "subject",
            "body",
            "legal_reference",
            "active",
        ]
        widgets = {"body": forms.Textarea(attrs={"rows": 18, "spellcheck": "true"})}


class ChooseTemplateForm(forms.Form):
    template = forms.ModelChoiceField(
        label=_("Modèle de courrier"),
        queryset=LetterTemplate.objects.none(),
        empty_label=_("Choisissez un modèle"),
        error_messages={"required": _("Choisissez le modèle du courrier.")},
    )

    def __init__(self, *args, file_kind, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = LetterTemplate.objects.usable().for_file(file_kind)


class DraftForm(forms.Form):
    recipient = forms.CharField(
        label=_("Destinataire (nom et adresse)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        max_length=1000,
    )
    subject = forms.CharField(
        label=_("Objet"),
        max_length=300,
        error_messages={"required": _("Indiquez l'objet du courrier.")},
    )
    body = forms.CharField(
        label=_("Texte du courrier"),
        widget=forms.Textarea(attrs={"rows": 20, "spellcheck": "true"}),
        max_length=20000,
        error_messages={"required": _("Le courrier ne peut être vide.")},
        help_text=_(
            "Une ligne vide sépare deux paragraphes. Complétez les mentions [à compléter]."
        ),
    )


class SendingForm(forms.Form):
    sent_on = DateField(label=_("Envoyé le"), validators=[validate_plausible_date])
    channel = forms.ChoiceField(
        label=_("Mode d'envoi"),
        choices=Channel.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Indiquez le mode d'envoi.")},
    )
    tracking_number = forms.CharField(
        label=_("Numéro du recommandé"),
        max_length=40,
        required=False,
        help_text=_("Obligatoire pour une lettre recommandée."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("channel") == Channel.REGISTERED
            and not data.get("tracking_number", "").strip()
        ):
            self.add_error("tracking_number", _("Indiquez le numéro du recommandé."))
        return data
