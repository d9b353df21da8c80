from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.core.validators import FileExtensionValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from welfare.enums import Role
from welfare.validators import validate_phone


class Timestamped(models.Model):
    """When a record was first saved and last changed (``auto_now``: set by every ``save``,
    not by ``QuerySet.update``). The labels agree with no gender, so that one pair serves a
    child, a measure and a plan alike."""

    created_at = models.DateTimeField(_("date de saisie"), auto_now_add=True)
    updated_at = models.DateTimeField(_("dernière modification"), auto_now=True)

    class Meta:
        abstract = True


class Recorded(Timestamped):
    """A record entered by a member of staff, who is kept when his account is removed."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur de la saisie"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        abstract = True


class Territory(models.Model):
    """A circonscription / maison des solidarités: the unit that scopes caseworkers' access."""

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("nom"), max_length=120)

    class Meta:
        ordering = ["name"]
        verbose_name = _("territoire")
        verbose_name_plural = _("territoires")

    def __str__(self):
        return self.name


class UserManager(DjangoUserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # The first account of a deployment (createsuperuser) is the portal's administrator:
        # without the role, every page of the portal would refuse him.
        extra_fields.setdefault("role", Role.ADMINISTRATOR)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A member of staff; families never have accounts."""

    role = models.CharField(_("rôle"), max_length=32, choices=Role.choices, blank=True)
    territory = models.ForeignKey(
        Territory,
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff",
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("agent")
        verbose_name_plural = _("agents")
        constraints = [
            models.CheckConstraint(
                name="user_role_valid",
                condition=models.Q(role__in=Role.values) | models.Q(role=""),
            ),
        ]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_administrator(self):
        return self.is_superuser or self.role == Role.ADMINISTRATOR


class Departement(models.Model):
    """The Département's identity, shown on every page; one row, edited in the admin."""

    name = models.CharField(_("nom du Département"), max_length=120)
    insee_code = models.CharField(
        _("code INSEE"),
        max_length=3,
        validators=[RegexValidator(r"^(\d{2}|2A|2B|\d{3})$", _("Code de département invalide."))],
    )
    direction = models.CharField(_("direction"), max_length=200)
    address = models.TextField(_("adresse postale"))
    phone = models.CharField(_("téléphone"), max_length=30, validators=[validate_phone])
    email = models.EmailField(_("adresse électronique"))
    opening_hours = models.CharField(_("horaires d'ouverture"), max_length=200, blank=True)
    website = models.URLField(_("site internet"), blank=True)
    dpo_email = models.EmailField(
        _("adresse du délégué à la protection des données"),
        blank=True,
        help_text=_(
            "Donnée aux visiteurs pour exercer leurs droits ; à défaut, l'adresse électronique "
            "du Département."
        ),
    )
    logo = models.FileField(
        _("logo"),
        upload_to="identite/",
        blank=True,
        validators=[FileExtensionValidator(["png", "jpg", "jpeg", "svg"])],
    )

    class Meta:
        verbose_name = _("identité du Département")
        verbose_name_plural = _("identité du Département")
        constraints = [
            # A single row: the identity of the one Département this deployment serves.
            models.UniqueConstraint(models.Value(1), name="departement_single_row"),
        ]

    def __str__(self):
        return self.name

    @classmethod
    def current(cls):
        """The Département's record; an unsaved placeholder before the set-up has created it."""
        return cls.objects.first() or cls(name=_("Département"), direction=_("Enfance Famille"))


class WorkerHeartbeat(models.Model):
    """When a Celery worker last ran the periodic heartbeat task: one row per worker host.

    The health endpoint reads the latest; a row proves that beat, the broker and a worker
    consuming from it all worked, which a mere connection to the broker does not.
    """

    hostname = models.CharField(_("hôte"), max_length=255, unique=True)
    seen_at = models.DateTimeField(_("dernier passage"))

    class Meta:
        verbose_name = _("signal de vie d'un worker")
        verbose_name_plural = _("signaux de vie des workers")

    def __str__(self):
        return self.hostname
