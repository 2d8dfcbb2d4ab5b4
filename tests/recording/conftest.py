import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Users are created in almost every test here; the real hasher is deliberately slow."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
