"""Reading numbers the way Indonesian operators type them into text cells."""

import re
from decimal import Decimal, InvalidOperation

_THOUSANDS_ONLY = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def parse_angka(value):
    """Decimal from a JSON number, a float cell, or Indonesian text ("1.234,5", "78,67 %", "Rp 2.000").

    Floats go through their shortest repr so 70.89 stays 70.89. A text with dots only is read
    as thousands when every group after the first has three digits ("1.825" = 1825), else as
    a decimal point ("70.89"). Anything else is left for the schema to reject."""
    if isinstance(value, bool):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    if not isinstance(value, str):
        return value
    text = value.strip().replace("\u00a0", " ")
    text = re.sub(r"^(Rp\.?|RP\.?)\s*", "", text).removesuffix("%").strip().replace(" ", "")
    if not text:
        return None
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    elif _THOUSANDS_ONLY.match(text):
        text = text.replace(".", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        return value
