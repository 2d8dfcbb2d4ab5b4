"""A generated mixed world for visibility: several provinces, their communes, blocs across them, users anywhere."""

import datetime
import random
from dataclasses import dataclass

from giaoban.accounts.models import Role
from giaoban.directives.models import Directive
from giaoban.organisations.models import Level
from tests.directives.factories import DirectiveFactory
from tests.factories import BlocFactory, MembershipFactory, OrganizationFactory, UserFactory
from tests.meetings.factories import MeetingFactory


@dataclass
class MixedWorld:
    provinces: list
    bodies: list  # every body, provinces first
    users: list
    directives: list


def mixed_world(seed: int, provinces: int = 3, communes: int = 3, directives: int = 60) -> MixedWorld:
    """Provinces with communes and member bodies; blocs (some with a member of another province);
    directives hosted anywhere, led and coordinated by bodies anywhere, some stored without their area
    (as a bulk insert leaves them); users with one or several memberships at every level."""
    rng = random.Random(seed)
    tops = [OrganizationFactory(name=f"Ủy ban MTTQ tỉnh Thử {seed}-{p}", level=Level.PROVINCE)
            for p in range(provinces)]
    bodies, fronts = list(tops), list(tops)
    for top in tops:
        for c in range(communes):
            front = OrganizationFactory(name=f"Ủy ban MTTQ xã {top.pk}-{c}", parent=top, level=Level.COMMUNE)
            fronts.append(front)
            bodies += [front] + [OrganizationFactory(name=f"Hội {k} xã {top.pk}-{c}", parent=front,
                                                     level=Level.COMMUNE) for k in range(2)]
    blocs = [BlocFactory(name=f"Khối {front.pk}", convening=front,
                         members=[b for b in bodies if b.parent_id == front.pk] + rng.sample(bodies, rng.randint(0, 1)))
             for front in fronts]
    made = []
    for n in range(directives):
        bloc = rng.choice([*blocs, None])
        host = bloc.convening if bloc else rng.choice(bodies)
        meeting = MeetingFactory(host=host, bloc=bloc, date=datetime.date(2022, 1, 1) + datetime.timedelta(days=n))
        made.append(DirectiveFactory(meeting=meeting, lead=rng.choice([*bodies, None]),
                                     coordinating=rng.sample(bodies, rng.randint(0, 2))))
    Directive.objects.filter(pk__in=[d.pk for d in made[::7]]).update(area="", reaches_out=False)
    users = []
    for u in range(12):
        user = UserFactory(username=f"nguoidung_{seed}_{u}")
        for body in rng.sample(bodies, rng.choice([1, 1, 2, 3])):
            MembershipFactory(user=user, organization=body, role=rng.choice(list(Role)))
        users.append(user)
    users += [UserFactory(username=f"khongthuoc_{seed}")]
    return MixedWorld(tops, bodies, users, made)
