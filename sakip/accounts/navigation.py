"""The navigation by stage of the SAKIP cycle, shown on every page of an agency-year.

An app adds its page to a stage from its AppConfig.ready():

    navigation.add("pengukuran", _("Realisasi"), "measurement:realisasi")

The URL name must take `slug` and `tahun`; a stage without pages is shown greyed out.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

STAGES = {
    "perencanaan": _("Perencanaan"),
    "pengukuran": _("Pengukuran"),
    "pelaporan": _("Pelaporan"),
    "reviu": _("Reviu"),
}


@dataclass(frozen=True)
class Link:
    stage: str
    label: str
    url_name: str
    anchor: str = ""


LINKS: list[Link] = []


def add(stage: str, label, url_name: str, anchor: str = "") -> None:
    if stage not in STAGES:
        raise ValueError(f"unknown stage {stage!r}; one of {', '.join(STAGES)}")
    LINKS.append(Link(stage, label, url_name, anchor))


@dataclass(frozen=True)
class Item:
    label: str
    url: str
    active: bool


def menu(slug: str, tahun: int, current_url_name: str) -> list[tuple[str, list[Item]]]:
    """[(stage label, [items])] for the agency-year, every stage present in cycle order."""
    items = {stage: [] for stage in STAGES}
    current = next((link for link in LINKS if link.url_name == current_url_name), None)  # one link marked
    for link in LINKS:
        url = reverse(link.url_name, kwargs={"slug": slug, "tahun": tahun})
        items[link.stage].append(Item(link.label, url + (f"#{link.anchor}" if link.anchor else ""), link is current))
    return [(STAGES[stage], items[stage]) for stage in STAGES]
