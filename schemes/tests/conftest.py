import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """The cast's passwords would otherwise cost PBKDF2's full work, about a second per user;
    these tests log users in with ``force_login`` and never check a password."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
