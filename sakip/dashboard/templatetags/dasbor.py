"""sakip/formatting.py as template filters for the dashboards."""

from django import template

from sakip import formatting as fmt

register = template.Library()


@register.filter
def persen(value) -> str:
    return fmt.persen(value)


@register.filter
def rupiah(value) -> str:
    return fmt.rupiah(value)


@register.filter
def tanggal(value) -> str:
    return fmt.tanggal(value)


@register.filter
def nilai(obj, satuan: str = "") -> str:
    """A Target or Realisasi as tables print it ('80', '70,89 %', 'B (80)'); '-' when absent."""
    return fmt.nilai(obj.nilai, satuan, obj.mutu) if obj is not None else fmt.KOSONG
