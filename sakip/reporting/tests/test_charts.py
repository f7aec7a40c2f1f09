"""Charts: valid, deterministic PNGs that survive odd input and show what they claim."""

import io
from decimal import Decimal as D
from functools import cache

import numpy as np
import pytest
from PIL import Image

from sakip.calc import Hasil
from sakip.reporting import charts

WIDTH = round(charts.LEBAR * charts.DPI)  # 945 px


def image(png: bytes) -> Image.Image:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    img = Image.open(io.BytesIO(png))
    img.load()
    assert img.format == "PNG"
    return img


def pixels(png: bytes) -> np.ndarray:
    return np.asarray(image(png).convert("RGB")).astype(int)


def count(png: bytes, colour: str, tolerance: int = 30) -> int:
    """Pixels within `tolerance` (per channel) of a hex colour."""
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels(png) - target).max(axis=2) <= tolerance).sum())


def reddish(png: bytes) -> int:
    rgb = pixels(png)
    return int(((rgb[..., 0] > 170) & (rgb[..., 1] < 90) & (rgb[..., 2] < 90)).sum())


LONG = "Persentase desa yang menyusun RPJMDes dan RKPDes tepat waktu sesuai ketentuan yang berlaku di daerah"
CAPAIAN = [
    (LONG, D("88.605")),
    ("Indeks Kepuasan Masyarakat", D("104.2")),
    ("Angka Kematian Ibu", D("41")),
    ("Cakupan pelayanan", None),
    ("Nilai SAKIP", Hasil(None, "target nol")),
]
TREND = (
    [2016, 2017, 2018, 2019, 2020],
    [D("70.5"), None, D("80"), D("83.1"), None],
    [D("70"), D("75"), None, D("85"), D("88")],
    "Indeks Kepuasan Masyarakat",
    "%",
)
SERAPAN = [
    ("Program Perencanaan Pembangunan Daerah", D("150000000"), D("142500000")),
    (
        "Program Koordinasi pemerintahan, pembangunan dan penyelenggaraan pemerintahan wilayah kecamatan",
        D("200000000"),
        D("187654321"),
    ),
    ("Program tanpa realisasi", D("50000000"), None),
    ("Program pagu nol", D("0"), D("0")),
]
SKM = [
    (f"Unsur {i}", D(v))
    for i, v in enumerate(
        ["75", "70", "70", "75", "75", "72.5", "77.5", "65", "52.5", "55", "70", "70", "67.5", "85"], 1
    )
]

CHARTS = {
    "capaian": lambda: charts.capaian_chart(CAPAIAN, "Capaian IKU 2020"),
    "trend": lambda: charts.trend_chart(*TREND),
    "serapan": lambda: charts.serapan_chart(SERAPAN),
    "skm": lambda: charts.skm_chart(SKM, D("69.29"), "Nilai SKM per unsur"),
}


@cache
def rendered(name: str) -> bytes:
    return CHARTS[name]()


@pytest.mark.parametrize("name", CHARTS)
def test_valid_png_of_fixed_width_and_deterministic(name):
    first = rendered(name)
    img = image(first)
    assert img.width == WIDTH
    assert 400 <= img.height <= 2000
    assert img.info.get("dpi") == pytest.approx((charts.DPI, charts.DPI), abs=0.1)
    assert first == CHARTS[name]()  # same input → same bytes (no timestamp or version in the file)
    assert b"matplotlib" not in first.lower()


def test_fixed_heights():
    with_title = round((charts.TINGGI + 0.3) * charts.DPI)
    assert image(rendered("trend")).size == (WIDTH, with_title)
    assert image(rendered("skm")).size == (WIDTH, with_title)
    assert image(charts.skm_chart(SKM[:3], D(70))).size == (WIDTH, round(charts.TINGGI * charts.DPI))


def test_one_item_thirty_items_and_empty():
    thirty = [(f"Indikator nomor {i} " + "dengan nama panjang " * (i % 5), D(i * 7)) for i in range(30)]
    capaian_thirty = charts.capaian_chart(thirty)
    for png in [
        charts.capaian_chart([("Satu", D(50))]),
        capaian_thirty,
        charts.capaian_chart([]),
        charts.trend_chart([2020], [D(5)], [D(6)], "Satu tahun"),
        charts.trend_chart(list(range(1995, 2025)), [D(i) for i in range(30)], [D(i + 1) for i in range(30)], "T"),
        charts.trend_chart([], [], [], ""),
        charts.serapan_chart([("Satu program", D(100), D(50))]),
        charts.serapan_chart([(name, D(10**9), value) for name, value in thirty]),
        charts.serapan_chart([]),
        charts.skm_chart([("U", D(3))], D(3)),
        charts.skm_chart([(f"U{i}", D(60 + i)) for i in range(30)], D(75)),
        charts.skm_chart([], None),
    ]:
        assert image(png).width == WIDTH
    # 30 rows fit on a printed page: under 24 cm high at 15 cm wide.
    assert image(capaian_thirty).height / WIDTH * 15 < 24


def test_none_values_do_not_crash():
    assert image(charts.capaian_chart([("A", None), ("B", None)]))
    assert image(charts.trend_chart([2019, 2020], [None, None], [None, None], "Kosong"))
    assert image(charts.serapan_chart([("A", D(0), None)]))
    assert image(charts.skm_chart([("A", None), ("B", D(3))], None))


def test_negative_values_do_not_crash():
    assert image(charts.capaian_chart([("Turun", D(-20)), ("Naik", D(120))]))
    assert image(charts.trend_chart([2019, 2020], [D(-5), D(3)], [D(0), D(2)], "Pertumbuhan", "%"))


def test_colors_override_must_match_items():
    png = charts.capaian_chart([("A", D(50)), ("B", D(150))], colors=["#2f6fb5", "#2f6fb5"])
    assert reddish(png) == 0
    with pytest.raises(ValueError):
        charts.capaian_chart([("A", D(50))], colors=[])


def test_capaian_low_bar_is_red():
    low = charts.capaian_chart([("A", D(50)), ("B", D(150))])
    high = charts.capaian_chart([("A", D(150)), ("B", D(150))])
    assert reddish(low) > reddish(high) + 2000


def test_capaian_band_follows_the_printed_value():
    # 75.995 prints as 76,00 %: light green, not amber.
    png = charts.capaian_chart([("A", D("75.995"))])
    assert count(png, "#9fd89a", 10) > 2000
    assert count(png, "#f2a93b", 10) < 500  # only the legend would be amber, and it is not shown


def test_trend_missing_realisasi_leaves_a_gap():
    full = charts.trend_chart([2019, 2020, 2021], [D(80), D(85), D(90)], [D(80), D(85), D(90)], "T")
    gap = charts.trend_chart([2019, 2020, 2021], [D(80), None, D(90)], [D(80), D(85), D(90)], "T")
    blue = charts.BIRU
    assert count(gap, blue, 12) < count(full, blue, 12) * 0.8
    assert count(gap, charts.TARGET, 20) > 300  # the target line is still drawn


def test_serapan_realisasi_bars_grow_with_realisasi():
    half = charts.serapan_chart([("P", D(100_000_000), D(50_000_000))])
    full = charts.serapan_chart([("P", D(100_000_000), D(100_000_000))])
    assert count(full, charts.BIRU, 12) > count(half, charts.BIRU, 12) * 1.5


def test_skm_average_line_is_red_and_below_average_is_marked():
    png = rendered("skm")
    assert reddish(png) > 1000
    assert count(png, charts.ORANYE, 12) > 2000  # U8, U9, U10, U13
    flat = charts.skm_chart([("A", D(70)), ("B", D(70))], D(70))
    assert count(flat, charts.ORANYE, 12) == 0  # nobody below an average equal to every score
    assert reddish(charts.skm_chart(SKM[:4], None)) == 0


def test_label_wraps_and_truncates():
    assert charts.label("Indeks Kepuasan Masyarakat") == "Indeks Kepuasan\nMasyarakat"
    text = charts.label(LONG)
    lines = text.split("\n")
    assert len(lines) == 3 and all(len(line) <= charts.LEBAR_LABEL for line in lines)
    assert text.endswith("…")


def test_axis_ticks_use_indonesian_notation():
    assert charts._tick(1500.0) == "1.500"
    assert charts._tick(2.5) == "2,5"
    assert charts._tick(-0.0) == "0"
    assert charts._tick(np.float64(0.30000000000000004)) == "0,3"
