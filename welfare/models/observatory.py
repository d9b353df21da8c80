"""The observatory's reference data: the table that turns the portal's local values into the
codes of the national OLINPE dataset (domain_rules.md §4.1). It is data, edited in the admin:
when the DREES publishes a new code list, nobody changes the code."""

import pghistory
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from welfare.observatory_enums import NationalVariable


class NationalCodeQuerySet(models.QuerySet):
    def as_mapping(self) -> dict:
        """``{variable: {local value: code}}`` of every row (one query); blank codes left out."""
        mapping = {variable: {} for variable in NationalVariable.values}
        for variable, local_value, code in self.values_list("variable", "local_value", "code"):
            if code:
                mapping[variable][local_value] = code
        return mapping


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class NationalCode(models.Model):
    """The national code of one local value of one OLINPE variable."""

    variable = models.CharField(
        _("variable nationale"), max_length=16, choices=NationalVariable.choices
    )
    local_value = models.CharField(_("valeur dans le portail"), max_length=64)
    local_label = models.CharField(_("libellé dans le portail"), max_length=200)
    code = models.CharField(
        _("code national"),
        max_length=8,
        blank=True,
        help_text=_("Laissé vide, la valeur est signalée dans le rapport de qualité."),
    )
    national_label = models.CharField(_("libellé national"), max_length=200, blank=True)
    verified = models.BooleanField(
        _("vérifié"),
        default=False,
        help_text=_("Code contrôlé dans l'annexe 2-8 du CASF et le guide OLINPE en vigueur."),
    )

    objects = NationalCodeQuerySet.as_manager()

    class Meta:
        ordering = ["variable", "local_value"]
        verbose_name = _("code national OLINPE")
        verbose_name_plural = _("codes nationaux OLINPE")
        constraints = [
            models.UniqueConstraint(
                fields=["variable", "local_value"], name="national_code_unique"
            ),
            models.CheckConstraint(
                name="national_code_variable_valid",
                condition=Q(variable__in=NationalVariable.values),
            ),
        ]

    def __str__(self):
        return f"{self.variable} : {self.local_label} → {self.code or '?'}"
