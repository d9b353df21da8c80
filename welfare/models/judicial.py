"""The judicial cycle of a child's file: the hearings before the juge des enfants and the
decision each produced (the decisions themselves are ``Measure`` rows)."""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from welfare.enums import HearingKind


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Hearing(models.Model):
    """A hearing (audience) before the juge des enfants or the court of appeal, set or held.

    A hearing on record after an order made without hearing the parties closes the 15-day
    clock of art. 1184 CPC; one set for a measure moves its rapport d'échéance before it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    child = models.ForeignKey(
        "welfare.Child",
        verbose_name=_("enfant"),
        on_delete=models.PROTECT,
        related_name="hearings",
    )
    measure = models.ForeignKey(
        "welfare.Measure",
        verbose_name=_("mesure concernée"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hearings",
    )
    date = models.DateField(_("date de l'audience"))
    kind = models.CharField(_("objet de l'audience"), max_length=16, choices=HearingKind.choices)
    court = models.CharField(_("juridiction"), max_length=120)
    judge = models.CharField(_("juge"), max_length=120, blank=True)
    summoned = models.TextField(
        _("personnes convoquées"),
        blank=True,
        help_text=_("Par exemple : la mère, le père, l'enfant, le service gardien."),
    )
    outcome = models.TextField(_("issue de l'audience"), blank=True)
    decision = models.ForeignKey(
        "welfare.Measure",
        verbose_name=_("décision rendue"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decided_at_hearings",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saisie par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saisie le"), auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")
        indexes = [models.Index(fields=["child", "date"], name="hearing_child_date")]
        constraints = [
            models.CheckConstraint(
                name="hearing_kind_valid", condition=Q(kind__in=HearingKind.values)
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.date:%d/%m/%Y})"
