"""The seed bodies and two users for entering the Hữu Lũng and Bàu Bàng texts."""

from giaoban.accounts.models import Role
from giaoban.organisations import demo as organisations_demo
from giaoban.periods import demo as periods_demo
from tests.factories import MembershipFactory, UserFactory


def seed_world() -> dict:
    ctx: dict = {}
    organisations_demo.load(ctx)
    periods_demo.load(ctx)
    orgs = ctx["organizations"]
    huu_lung = UserFactory(username="bdv_huulung")
    MembershipFactory(user=huu_lung, organization=orgs["board:Hữu Lũng"], role=Role.EDITOR)
    bau_bang = UserFactory(username="mttq_baubang")
    MembershipFactory(user=bau_bang, organization=orgs["front:Bàu Bàng"], role=Role.LEADER)
    return {"orgs": orgs, "huu_lung": huu_lung, "bau_bang": bau_bang}
