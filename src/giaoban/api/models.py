"""Per-user API tokens: the secret is shown once and only its SHA-256 is stored.

Tokens are 256 random bits, so a plain SHA-256 is enough to make a stolen
database useless for calling the API (no slow password hash needed).
"""

import hashlib
import secrets

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

TOKEN_PREFIX = "gb_"


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def active(self) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, user__is_active=True)

    def for_secret(self, secret: str) -> "ApiToken | None":
        return self.active().select_related("user").filter(key_hash=hash_secret(secret)).first()

    def count_call(self, secret: str, minute: int) -> tuple[int, int, int] | None:
        """Find the unrevoked token of `secret` and count one call in `minute`, in one statement.

        Returns (token id, user id, calls of the token in that minute), or None for no such token.
        The count lives on the token's row, so every server process counts against one allowance,
        and concurrent calls each add one (the row is locked for the statement, not the request).

        On PostgreSQL, outside a transaction, the count is committed without waiting for the
        write-ahead log to reach the disk (synchronous_commit off for the statement's own
        transaction, set by set_config in the statement itself: PostgreSQL applies the setting in
        force when a transaction commits). Every other server sees the count as soon as it
        commits; the flush, which cost 1–7 ms per call on a busy disk with the row locked the
        while, follows a moment later. A crash can lose the last fraction of a second of counts,
        which costs a token nothing but a few calls of allowance.
        """
        table = connection.ops.quote_name(ApiToken._meta.db_table)
        # Inside a caller's transaction the setting would cover the caller's writes too: keep the default there.
        asynchronous = connection.vendor == "postgresql" and not connection.in_atomic_block
        unsynced = " FROM (SELECT set_config('synchronous_commit', 'off', true)) AS unsynced" if asynchronous else ""
        sql = (f"UPDATE {table} SET rate_count = CASE WHEN rate_minute = %s THEN rate_count + 1 ELSE 1 END, "
               f"rate_minute = %s{unsynced} WHERE key_hash = %s AND revoked_at IS NULL "
               "RETURNING id, user_id, rate_count")
        with connection.cursor() as cursor:
            cursor.execute(sql, [minute, minute, hash_secret(secret)])
            found = cursor.fetchone()
        return tuple(found) if found else None


class ApiToken(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("người dùng"), on_delete=models.CASCADE,
                             related_name="api_tokens")
    name = models.CharField(_("tên gợi nhớ"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    # The first characters, so the owner can tell tokens apart without the secret.
    hint = models.CharField(_("nhận dạng"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("ngày thu hồi"), null=True, blank=True)
    # The rate limit's counter (api/auth.py): calls made in the minute `rate_minute` (minutes since 1970).
    # Database defaults, so that servers still running the code before them can issue tokens during an upgrade.
    rate_minute = models.IntegerField(db_default=0, editable=False)
    rate_count = models.IntegerField(db_default=0, editable=False)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, user, name: str) -> tuple["ApiToken", str]:
        """Create a token; the secret is returned here once and never stored."""
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name.strip(), key_hash=hash_secret(secret),
                                   hint=secret[:len(TOKEN_PREFIX) + 6])
        return token, secret

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])
