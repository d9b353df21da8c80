"""The administrator's forms: send an extract for a dry run, confirm its real run."""

from pathlib import Path

from django import forms
from django.utils.translation import gettext_lazy as _

ACCEPTED = (".zip", ".csv", ".xlsx")
# An extract of a whole Département (25,000 children) zips to a few tens of megabytes.
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's own field takes one)."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if not uploads:
            return super().clean(None, initial)
        return [super(MultipleFileField, self).clean(upload, initial) for upload in uploads]


class ExtractForm(forms.Form):
    source = forms.SlugField(
        label=_("Nom de la source"),
        initial="extraction",
        max_length=60,
        help_text=_(
            "Le logiciel d'où viennent les fichiers (lettres, chiffres et tirets, ex. "
            "« solis »). Gardez le même nom d'un import à l'autre : ses identifiants relient "
            "les fiches déjà importées."
        ),
    )
    files = MultipleFileField(
        label=_("Fichiers de l'extraction"),
        help_text=_(
            "Une archive .zip, ou les fichiers eux-mêmes (.csv ou .xlsx), nommés comme le "
            "décrit le format d'échange (enfants.csv, mesures.csv…)."
        ),
        error_messages={"required": _("Choisissez l'archive .zip ou les fichiers à importer.")},
    )

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        wrong = [
            upload.name for upload in uploads if Path(upload.name).suffix.lower() not in ACCEPTED
        ]
        if wrong:
            raise forms.ValidationError(
                _("Format non accepté (.zip, .csv ou .xlsx seulement) : %(names)s.")
                % {"names": ", ".join(wrong)}
            )
        if sum(upload.size for upload in uploads) > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("L'extraction dépasse 200 Mo : envoyez-la en .zip."))
        if len(uploads) > 1 and any(upload.name.lower().endswith(".zip") for upload in uploads):
            raise forms.ValidationError(_("Envoyez soit une archive .zip, soit les fichiers."))
        return uploads


class ConfirmForm(forms.Form):
    confirmed = forms.BooleanField(
        label=_(
            "J'ai lu le compte rendu de l'essai à blanc et je confirme l'import de ces données."
        ),
        error_messages={"required": _("Cochez la case pour confirmer l'import.")},
    )
