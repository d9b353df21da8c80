import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


def test_the_database_is_postgresql_with_the_domain_extensions():
    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SELECT extname FROM pg_extension")
        extensions = {row[0] for row in cursor.fetchall()}
    assert {"btree_gist", "unaccent", "pg_trgm"} <= extensions


def test_unaccent_folds_accents():
    with connection.cursor() as cursor:
        cursor.execute("SELECT unaccent(%s)", ["Élodie"])
        assert cursor.fetchone()[0] == "Elodie"
