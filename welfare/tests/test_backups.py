"""Backup and restore (README, "Sauvegarde et restauration"): the database and the stored files
leave through ``dbbackup`` and ``mediabackup`` and come back whole through ``dbrestore`` and
``mediarestore``, onto a database emptied of everything, extensions included.

The restores run against the test database, so every test here commits (``transaction=True``).
"""

import gc
import shutil
import subprocess
import tempfile
from pathlib import Path

import gnupg
import pytest
from dbbackup import settings as dbbackup_settings
from dbbackup.db.base import get_connector
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection

from welfare.models import Child, Departement, Measure
from welfare.tests.factories import MeasureFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # django-dbbackup 5.4 leaves its temporary files, the archive and the media files it read
    # open for the garbage collector to close; these tests collect them (below), the rest of
    # the suite never sees them.
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings(
        r"ignore:Exception ignored in. <(_io\.FileIO|function SpooledTemporaryFile)"
        ":pytest.PytestUnraisableExceptionWarning"
    ),
]

PDF = b"%PDF-1.7\n% rapport de test\n" + bytes(range(256)) * 40
LOGO = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'
PASSPHRASE = "phrase-de-passe-de-test"


@pytest.fixture(autouse=True)
def collect_dbbackup_open_files():
    yield
    gc.collect()


@pytest.fixture
def backup_dir(tmp_path, monkeypatch):
    """dbbackup reads ``STORAGES["dbbackup"]`` once, when it is first imported; the test
    points what it read at a folder of its own."""
    directory = tmp_path / "backups"
    monkeypatch.setattr(dbbackup_settings, "STORAGE_OPTIONS", {"location": str(directory)})
    return directory


@pytest.fixture
def media_root(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def gpg_homes(monkeypatch):
    """A throwaway key pair: the server's keyring holds only the public half (backups need no
    more), the operator's the secret half (for restores). Short paths under /tmp: gpg-agent's
    socket path must fit in 108 characters."""
    operator_home = tempfile.mkdtemp(prefix="gpg-op-")
    server_home = tempfile.mkdtemp(prefix="gpg-srv-")
    operator = gnupg.GPG(gnupghome=operator_home)
    key = operator.gen_key(
        operator.gen_key_input(
            key_type="EDDSA",
            key_curve="ed25519",
            subkey_type="ECDH",
            subkey_curve="cv25519",
            name_real="Sauvegardes du portail",
            name_email="sauvegardes@example.org",
            passphrase=PASSPHRASE,
        )
    )
    assert key.fingerprint, key.stderr
    gnupg.GPG(gnupghome=server_home).import_keys(operator.export_keys(key.fingerprint))
    monkeypatch.setattr(dbbackup_settings, "GPG_RECIPIENT", key.fingerprint)
    yield {"server": server_home, "operator": operator_home}
    for home in (operator_home, server_home):
        # Stops the agent gpg started for this keyring, and no other.
        subprocess.run(["gpgconf", "--homedir", home, "--kill", "gpg-agent"], check=False)
        shutil.rmtree(home, ignore_errors=True)


def counts():
    models = [
        Child,
        Measure,
        apps.get_model("placements", "Placement"),
        apps.get_model("schemes", "Report"),
    ]
    return {model.__name__: model.objects.count() for model in models}


def stored_files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def store_a_report_and_a_logo():
    """A finished PDF report and the Département's logo, the files the portal keeps."""
    Report = apps.get_model("schemes", "Report")
    Report.objects.create(
        kind="plan",
        title="Schéma départemental",
        input_hash="0" * 64,
        status="done",  # ReportStatus.DONE: welfare's tests name no app's module
        file=ContentFile(PDF, name="schema.pdf"),
    )
    departement = Departement.objects.get()
    departement.logo = ContentFile(LOGO, name="logo.svg")
    departement.save(update_fields=["logo"])


def empty_everything(media_root: Path):
    """What a new server and a new volume hold: no table, no function, no extension, no file."""
    with connection.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
        cursor.execute("SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'")
        assert cursor.fetchone()[0] == 0
    shutil.rmtree(media_root)


def test_the_demo_comes_back_whole_after_the_database_and_files_are_lost(
    settings, backup_dir, media_root
):
    settings.DEBUG = True
    call_command("load_demo")
    store_a_report_and_a_logo()
    before, files_before = counts(), stored_files(media_root)
    assert before["Child"] > 100 and before["Placement"] > 100 and before["Report"] == 1

    call_command("dbbackup", quiet=True)
    call_command("mediabackup", quiet=True)
    empty_everything(media_root)
    call_command("dbrestore", interactive=False, quiet=True)
    call_command("mediarestore", interactive=False, quiet=True)

    assert counts() == before
    assert stored_files(media_root) == files_before
    assert Departement.objects.get().logo.read() == LOGO
    # What the migrations built beside the tables: the history triggers, and the IMMUTABLE
    # unaccent behind the search.
    ChildEvent = apps.get_model("welfare", "ChildEvent")
    events = ChildEvent.objects.count()
    child = Child.objects.order_by("pk").first()
    child.first_name = "Zoé"
    child.save(update_fields=["first_name"])
    assert ChildEvent.objects.count() == events + 1
    assert child in Child.objects.search(f"ZOE {child.last_name}")


def test_backups_are_encrypted_to_the_key_of_the_environment(
    departement, backup_dir, media_root, gpg_homes, monkeypatch
):
    MeasureFactory()
    store_a_report_and_a_logo()
    before, files_before = counts(), stored_files(media_root)

    monkeypatch.setenv("GNUPGHOME", gpg_homes["server"])
    call_command("dbbackup", quiet=True)
    call_command("mediabackup", quiet=True)

    # Beside each backup, dbbackup writes the engine and connector that made it (.metadata).
    backups = [path for path in backup_dir.iterdir() if path.suffix != ".metadata"]
    assert [path.suffix for path in backups] == [".gpg", ".gpg"]
    for path in backups:
        content = path.read_bytes()
        assert not content.startswith(b"PGDMP") and PDF not in content and LOGO not in content

    empty_everything(media_root)
    monkeypatch.setenv("GNUPGHOME", gpg_homes["operator"])
    options = {"decrypt": True, "passphrase": PASSPHRASE, "interactive": False, "quiet": True}
    call_command("dbrestore", **options)
    call_command("mediarestore", **options)

    assert counts() == before
    assert stored_files(media_root) == files_before


def test_pg_dump_and_pg_restore_are_of_the_servers_major_version():
    connector = get_connector()
    server_major = connection.pg_version // 10000
    for program in (connector.dump_cmd, connector.restore_cmd):
        version = subprocess.run([program, "--version"], capture_output=True, text=True, check=True)
        # "pg_dump (PostgreSQL) 18.6", "pg_restore (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
        assert version.stdout.split()[2].split(".")[0] == str(server_major), version.stdout
