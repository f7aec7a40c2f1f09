"""The role rules, as `rules` predicates over (user, record). Any record with a scope
(see scopes.py) can be asked about: an Instansi, a TahunKinerja, a Realisasi …

    rules.test_rule("sakip.edit", user, realisasi)       or   access.can(user, "sakip.edit", realisasi)
    {% load rules %}{% test_rule "sakip.approve" user tahun_kinerja as boleh %}

Use these rule names, not `user.has_perm`: Django lets a superuser pass every permission,
but a superuser who has a role in one pemda must still not see another pemda's agencies.
"""

import rules

from .models import Peran
from .scopes import owner

J = Peran.Jenis


def peran(user) -> Peran | None:
    """The user's role, looked up once per request (None for anonymous users and users without one)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if not hasattr(user, "_sakip_peran"):
        user._sakip_peran = Peran.objects.select_related("pemda", "instansi").filter(user=user).first()
    return user._sakip_peran


@rules.predicate
def is_system_admin(user) -> bool:
    """A superuser without a role: the installation's administrator, over every pemda."""
    return bool(getattr(user, "is_superuser", False) and user.is_active and peran(user) is None)


def has_role(*jenis: str):
    @rules.predicate(name=f"has_role({', '.join(jenis)})")
    def predicate(user) -> bool:
        p = peran(user)
        return p is not None and p.jenis in jenis

    return predicate


@rules.predicate
def shared(user, obj) -> bool:
    """A record of nobody in particular (a national SKM method)."""
    return owner(obj).shared


@rules.predicate
def in_own_agency(user, obj) -> bool:
    p = peran(user)
    return p is not None and p.instansi_id is not None and owner(obj).instansi_id == p.instansi_id


@rules.predicate
def in_own_pemda(user, obj) -> bool:
    p = peran(user)
    return p is not None and owner(obj).pemda_id == p.pemda_id


@rules.predicate
def pemda_level(user, obj) -> bool:
    """A record of the pemda as a whole (RPJMD, officials, the default predicate scale)."""
    o = owner(obj)
    return o.instansi_id is None and o.pemda_id is not None


is_admin = has_role(J.ADMIN)
is_operator = has_role(J.OPERATOR)
is_kepala = has_role(J.KEPALA)
is_reviewer = has_role(J.REVIEWER)
is_pimpinan = has_role(J.PIMPINAN)
agency_role = has_role(*Peran.PER_INSTANSI)
pemda_role = has_role(J.ADMIN, J.REVIEWER, J.PIMPINAN)

RULES = {
    # read a record: own agency (and its pemda's common data) for agency roles, the whole pemda otherwise
    "sakip.view": is_system_admin
    | shared
    | (agency_role & (in_own_agency | (pemda_level & in_own_pemda)))
    | (pemda_role & in_own_pemda),
    # enter or change agency data
    "sakip.edit": is_system_admin | (is_operator & in_own_agency) | (is_admin & in_own_pemda),
    # workflow of an agency-year (see sakip/reporting/workflow.py)
    "sakip.submit": is_kepala & in_own_agency,
    "sakip.review": is_reviewer & in_own_pemda,
    "sakip.approve": is_system_admin | (is_kepala & in_own_agency) | (is_admin & in_own_pemda),
    "sakip.reopen": is_system_admin | (is_admin & in_own_pemda),
    # see the network addresses in the audit trail
    "sakip.audit": is_system_admin | ((is_admin | is_reviewer) & in_own_pemda),
    # create users and give them a role (a Peran record) in the back office
    "sakip.manage_users": is_system_admin | (is_admin & in_own_pemda),
}

for _name, _predicate in RULES.items():
    rules.add_rule(_name, _predicate)
