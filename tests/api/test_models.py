import hashlib

from giaoban.api.models import ApiToken
from tests.factories import UserFactory


def test_only_the_hash_of_the_secret_is_stored(db):
    token, secret = ApiToken.issue(UserFactory(), "Phần mềm báo cáo")
    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.key_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {stored.key_hash, stored.hint, stored.name}
    assert secret.startswith(stored.hint)


def test_a_secret_finds_its_token_until_it_is_revoked(db):
    token, secret = ApiToken.issue(UserFactory(), "Cổng")
    assert ApiToken.objects.for_secret(secret) == token
    assert ApiToken.objects.for_secret(secret + "x") is None
    token.revoke()
    assert ApiToken.objects.for_secret(secret) is None


def test_two_tokens_never_share_a_secret(db):
    user = UserFactory()
    assert ApiToken.issue(user, "a")[1] != ApiToken.issue(user, "b")[1]
