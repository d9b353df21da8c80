"""Merges of two children's files found to be the same child: what moved, so that the merge
can be undone and the merged file's address still leads somewhere."""

import uuid

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ChildMergeQuerySet(models.QuerySet):
    def in_force(self):
        """Merges not undone."""
        return self.filter(undone_at__isnull=True)

    def of_territory(self, territory):
        return self.filter(territory=territory)


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent())
class ChildMerge(models.Model):
    """The file ``merged_public_id`` merged into ``kept``: every row that pointed to it was
    moved to ``kept`` (``moved``), link rows that would have doubled were removed
    (``removed``), and the merged child's own row is kept in ``merged_identity`` (the
    serialised row) before it was deleted. Undoing puts each back."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kept = models.ForeignKey(
        "welfare.Child",
        verbose_name=_("dossier conservé"),
        on_delete=models.PROTECT,
        related_name="merges_received",
    )
    territory = models.ForeignKey(
        "welfare.Territory", verbose_name=_("territoire"), on_delete=models.PROTECT
    )
    merged_public_id = models.UUIDField(_("identifiant du dossier fusionné"), db_index=True)
    merged_name = models.CharField(_("dossier fusionné"), max_length=220)
    merged_identity = models.JSONField(_("identité du dossier fusionné"))
    moved = models.JSONField(_("éléments déplacés"), default=list)
    removed = models.JSONField(_("liens retirés"), default=list)
    merged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fusionné par"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    merged_at = models.DateTimeField(_("fusionné le"), auto_now_add=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("annulée par"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    undone_at = models.DateTimeField(_("annulée le"), null=True, blank=True)

    objects = ChildMergeQuerySet.as_manager()

    class Meta:
        ordering = ["-merged_at", "-pk"]
        verbose_name = _("fusion de dossiers")
        verbose_name_plural = _("fusions de dossiers")
        constraints = [
            # A file is merged once at a time: its address leads to a single file.
            models.UniqueConstraint(
                fields=["merged_public_id"],
                condition=models.Q(undone_at__isnull=True),
                name="child_merge_once",
            ),
        ]

    def __str__(self):
        return f"{self.merged_name} → {self.kept}"
