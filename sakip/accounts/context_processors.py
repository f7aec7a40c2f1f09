"""What the base template needs on every page: the user's role and the stage navigation."""

from . import navigation
from .predicates import peran


def workspace(request) -> dict:
    match = request.resolver_match
    kwargs = match.kwargs if match else {}
    menu = None
    if "slug" in kwargs and "tahun" in kwargs and request.user.is_authenticated:
        menu = navigation.menu(kwargs["slug"], kwargs["tahun"], match.view_name)
    return {"peran": peran(request.user), "stage_menu": menu}
