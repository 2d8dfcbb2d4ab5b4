"""Three demo accounts (one per persona); only ever created in demo mode."""

from django.contrib.auth import get_user_model

from giaoban.accounts.models import Membership, Role

DEMO_PASSWORD = "giaoban-demo"  # printed by `make run`; the demo command refuses to run outside demo mode

# username, full name, [(organisation key in ctx, role, title)]
PERSONAS = [
    ("quantri", "Quản trị tỉnh", [(f"province:{p}", Role.ADMIN, "Quản trị hệ thống")
                                   for p in ("Lạng Sơn", "Bắc Kạn", "Đồng Tháp", "Hà Tĩnh", "Bình Dương")]),
    ("bientap", "Chuyên viên Ban Dân vận Hữu Lũng", [("board:Hữu Lũng", Role.EDITOR, "Chuyên viên"),
                                                     ("front:Hữu Lũng", Role.EDITOR, "Chuyên viên")]),
    ("xem", "Cán bộ Hội Nông dân Hữu Lũng", [("Hội Nông dân huyện Hữu Lũng", Role.VIEWER, "Cán bộ")]),
]


def load(ctx: dict) -> None:
    User = get_user_model()
    orgs = ctx["organizations"]
    users = {}
    for username, full_name, roles in PERSONAS:
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": full_name})
        if created or not user.email:
            if created:
                user.set_password(DEMO_PASSWORD)
            # Reminders are e-mailed too; the demo's addresses lead nowhere (.example, RFC 2606).
            user.email = user.email or f"{username}@giaoban.example"
            user.save()
        for key, role, title in roles:
            Membership.objects.get_or_create(user=user, organization=orgs[key],
                                             defaults={"role": role, "title": title})
        users[username] = user
    ctx["users"] = users
    ctx["password"] = DEMO_PASSWORD
