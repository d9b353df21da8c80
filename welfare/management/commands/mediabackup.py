"""django-dbbackup's ``mediabackup``, encrypted whenever ``BACKUP_GPG_RECIPIENT`` is set."""

from dbbackup.management.commands import mediabackup

from welfare.backups import EncryptWhenKeyIsSet


class Command(EncryptWhenKeyIsSet, mediabackup.Command):
    pass
