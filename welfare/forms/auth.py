from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Identifiant"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class TokenForm(forms.Form):
    """A six-digit code of the authentication application."""

    token = forms.RegexField(
        label=_("Code à 6 chiffres"),
        regex=r"^\s*\d{3}\s?\d{3}\s*$",
        error_messages={"invalid": _("Saisissez les 6 chiffres affichés par l'application.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
            }
        ),
        help_text=_("Le code de votre application d'authentification (il change toutes les 30 s)."),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].replace(" ", "")
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(
                _("Trop de codes erronés : attendez quelques secondes avant de réessayer.")
            )
        if not self.device.verify_token(token):
            raise forms.ValidationError(_("Ce code n'est pas le bon, ou il a expiré."))
        return token
