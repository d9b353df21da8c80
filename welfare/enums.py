from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CASEWORKER = "caseworker", _("Référent ASE")
    TERRITORY_MANAGER = "territory_manager", _("Responsable de territoire")
    PREVENTION_OFFICER = "prevention_officer", _("Chargé de prévention")
    RECEPTION = "reception", _("Accueil et courrier")
    DIRECTORATE = "directorate", _("Direction Enfance Famille")
    ADMINISTRATOR = "administrator", _("Administrateur")
