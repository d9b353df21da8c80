import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Issued letters are written under a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
