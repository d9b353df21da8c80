from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from welfare.contact_enums import ContactStatus, ContactTopic
from welfare.forms.dates import DateField
from welfare.models.contact import ADDRESS_MAX_LENGTH, MESSAGE_MAX_LENGTH, NAME_MAX_LENGTH
from welfare.selectors.contact import contact_handlers

# A field no person sees or fills; robots that fill every input give themselves away.
HONEYPOT_FIELD = "site_web"


def retention_period() -> str:
    """The retention period in words, as the consent box states it."""
    days = settings.CONTACT_RETENTION_DAYS
    if days % 365 == 0:
        years = days // 365
        return ngettext("%(count)d an", "%(count)d ans", years) % {"count": years}
    return ngettext("%(count)d jour", "%(count)d jours", days) % {"count": days}


class MessageField(forms.CharField):
    """A text typed in a browser, counted as the visitor sees it: browsers send each line
    break as two characters (CR LF), which the page's counter, like the visitor, counts as
    one. No ``maxlength`` on the text area: a browser cuts a pasted text there without a
    word; a longer text is refused with a message, and the counter says so as it is typed."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n")

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-max-length"] = str(self.max_length)
        return attrs


class ContactRequestForm(forms.Form):
    """ "Posez votre question": only the message and the e-mail are required. A question is
    answered under the Département's public-interest mission, so the form informs the visitor
    (purpose, retention, rights) rather than asking consent, unless ``CONTACT_CONSENT_REQUIRED``
    (the DPO's choice) adds the box."""

    topic = forms.ChoiceField(
        label=_("Sujet de votre question (facultatif)"),
        required=False,
        choices=[("", _("Choisissez un sujet"))] + ContactTopic.choices,
        help_text=_("Sans choix de votre part, votre question est classée « Autre question »."),
    )
    message = MessageField(
        label=_("Votre question"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=format_lazy(
            _("En texte simple, {limit} caractères au plus."),
            limit=f"{MESSAGE_MAX_LENGTH:,}".replace(",", "\u202f"),
        ),
        error_messages={
            "required": _("Écrivez votre question."),
            "max_length": _(
                "Votre question est trop longue : %(limit_value)d caractères au plus "
                "(elle en compte %(show_value)d)."
            ),
        },
    )
    email = forms.EmailField(
        label=_("Votre adresse électronique"),
        help_text=_("Une confirmation vous sera envoyée à cette adresse."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Indiquez votre adresse électronique : nous y enverrons la réponse."),
            "invalid": _(
                "Cette adresse électronique n'est pas valide. Exemple d'adresse valide : "
                "prenom.nom@exemple.fr"
            ),
        },
    )
    last_name = forms.CharField(
        label=_("Nom (facultatif)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    first_name = forms.CharField(
        label=_("Prénom (facultatif)"),
        max_length=NAME_MAX_LENGTH,
        required=False,
        help_text=_("Vos nom et prénom sont facultatifs."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    postal_address = forms.CharField(
        label=_("Adresse postale (facultative)"),
        max_length=ADDRESS_MAX_LENGTH,
        required=False,
        help_text=_(
            "Connaître votre adresse nous permettra de personnaliser la réponse à votre question."
        ),
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
    )
    consent = forms.BooleanField(
        error_messages={
            "required": _("Cochez cette case : sans votre accord, nous ne pouvons pas répondre.")
        },
    )
    site_web = forms.CharField(
        label=_("Ne remplissez pas ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not settings.CONTACT_CONSENT_REQUIRED:
            del self.fields["consent"]
            return
        self.fields["consent"].label = _(
            "J'accepte que le Département conserve ces informations pour répondre à ma question. "
            "Seuls les agents de l'accueil et de la direction Enfance Famille les lisent ; "
            "elles sont anonymisées %(period)s après la clôture de ma demande."
        ) % {"period": retention_period()}

    def caught_in_honeypot(self) -> bool:
        return bool(self.data.get(HONEYPOT_FIELD, "").strip())

    def clean_topic(self):
        return self.cleaned_data["topic"] or ContactTopic.OTHER

    def submission(self) -> dict:
        """The arguments of ``contact_request_submit``."""
        fields = ("topic", "message", "email", "first_name", "last_name", "postal_address")
        return {name: self.cleaned_data[name] for name in fields} | {
            "consented": self.cleaned_data.get("consent", False)
        }


class ContactFilterForm(forms.Form):
    """Filters of the inbox; an invalid value is reported and that filter ignored."""

    status = forms.ChoiceField(
        label=_("Statut"),
        required=False,
        choices=[("", _("Tous les statuts"))] + ContactStatus.choices,
    )
    topic = forms.ChoiceField(
        label=_("Sujet"),
        required=False,
        choices=[("", _("Tous les sujets"))] + ContactTopic.choices,
    )
    received_from = DateField(
        label=_("Reçues à partir du"),
        required=False,
    )
    received_to = DateField(
        label=_("Reçues jusqu'au"),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("received_from"), cleaned.get("received_to")
        if start and end and end < start:
            self.add_error("received_to", _("Cette date doit suivre la date de début."))
        return cleaned

    def filters(self) -> dict:
        """The valid filters, as keyword arguments of ``contact_requests_filtered``."""
        self.is_valid()
        # Django leaves the fields in error out of cleaned_data.
        return {name: value for name, value in self.cleaned_data.items() if value}


class ContactAssignForm(forms.Form):
    assignee = forms.ModelChoiceField(
        label=_("Attribuer à"),
        queryset=None,
        empty_label=_("Choisissez un agent"),
        error_messages={
            "required": _("Choisissez l'agent qui traitera la demande."),
            "invalid_choice": _("Cet agent ne traite pas les demandes des familles."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = contact_handlers()


class ContactReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Votre réponse"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Envoyée par courriel, en texte simple, et conservée dans la demande."),
        error_messages={
            "required": _("Écrivez votre réponse."),
            "max_length": _(
                "La réponse est trop longue : %(limit_value)d caractères au plus "
                "(elle en compte %(show_value)d)."
            ),
        },
    )
