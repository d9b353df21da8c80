"""django-dbbackup's ``dbbackup``, encrypted whenever ``BACKUP_GPG_RECIPIENT`` is set."""

from dbbackup.management.commands import dbbackup

from welfare.backups import EncryptWhenKeyIsSet


class Command(EncryptWhenKeyIsSet, dbbackup.Command):
    pass
