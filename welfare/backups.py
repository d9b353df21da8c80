"""Backups of the database and the stored files, through django-dbbackup (README, "Sauvegarde
et restauration")."""

from dbbackup import settings as dbbackup_settings


class EncryptWhenKeyIsSet:
    """Mixed into dbbackup's backup commands: once ``BACKUP_GPG_RECIPIENT`` names a key, every
    backup is encrypted to it, so that a forgotten ``--encrypt`` cannot leave children's files
    in clear on the backup volume."""

    def handle(self, *args, **options):
        options["encrypt"] = options["encrypt"] or bool(dbbackup_settings.GPG_RECIPIENT)
        return super().handle(*args, **options)
