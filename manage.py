#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welfare.settings")
    # The database timeouts bound web requests (settings.py); a maintenance command (migrate, a
    # restore, the demo, a national export) may rightly run long statements, unless the operator
    # sets a bound himself.
    if sys.argv[1:2] != ["runserver"]:
        os.environ.setdefault("DB_STATEMENT_TIMEOUT_MS", "0")
        os.environ.setdefault("DB_LOCK_TIMEOUT_MS", "0")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
