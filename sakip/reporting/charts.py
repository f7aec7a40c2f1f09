"""Charts of an LKIP as PNG bytes: capaian per indicator, trend over the years, budget
absorption per program and SKM score per unsur.

Built with matplotlib's object API (`Figure`, no pyplot), so rendering is thread-safe and never
needs a display. Every chart is 16 cm wide at 150 dpi (945 px), meant to be printed at about
15 cm; numbers use Indonesian notation from `sakip.formatting` (``88,61 %``, ``1.234,5``).
Differences that matter are carried by hatching and grey value as well as by colour, so a
black-and-white print still reads. The same input always gives the same bytes (no timestamp or
software version in the PNG).
"""

import io
import math
import textwrap
from collections.abc import Sequence
from decimal import Decimal

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator
from PIL import Image

from sakip import calc
from sakip import formatting as fmt
from sakip.calc import Hasil, bulatkan

DPI = 150
LEBAR = 6.3
"""Figure width in inches (16 cm): 945 px at `DPI`."""
TINGGI = 3.6
"""Height in inches of the charts whose height does not depend on the number of items."""

FONT = 8
FONT_KECIL = 7
FONT_JUDUL = 9.5
LEBAR_LABEL = 25
"""Characters per line of a wrapped category label."""
TEKS = "#222222"
ABU = "#666666"
GARIS_TEPI = "#333333"
LATAR_LABEL = {"boxstyle": "square,pad=0.15", "facecolor": "white", "edgecolor": "none"}
"""White box behind a value label, so a reference line crossing it does not hide the digits."""

# Capaian bands: (lower bound, colour, hatch, legend). Light and dark greens differ in grey
# value; the two bands below 76 % are also hatched so a black-and-white print shows them.
PITA_CAPAIAN = (
    (Decimal(100), "#1b7a3a", "", "≥ 100 %"),
    (Decimal(76), "#9fd89a", "", "76 – < 100 %"),
    (Decimal(55), "#f2a93b", "///", "55 – < 76 %"),
    (None, "#d62728", "xxx", "< 55 %"),
)
TIDAK_DAPAT = "tidak dapat dihitung"
TIDAK_ADA_DATA = "tidak ada data"

BIRU = "#2f6fb5"
ORANYE = "#f28e2b"
MERAH = "#d62728"
PAGU = "#d0d0d0"
TARGET = "#b34700"


# --- helpers ------------------------------------------------------------------------------


def _desimal(value) -> Decimal | None:
    """Decimal of an input (Decimal, int, numeric text or `Hasil`); None when missing."""
    if isinstance(value, Hasil):
        return value.nilai
    if value is None:
        return None
    return calc.ke_desimal(value)


def _tampil(value: Decimal) -> Decimal:
    """The value as printed (2 decimals, half up): colours and marks follow the printed number."""
    return bulatkan(value)


def label(text: str, width: int = LEBAR_LABEL, max_lines: int = 3) -> str:
    """Wrap a long label at `width` characters; beyond `max_lines` lines it ends in '…'."""
    lines = textwrap.wrap(" ".join(str(text).split()), width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        lines[-1] = (last if len(last) < width else last[: width - 1].rstrip()) + "…"
    return "\n".join(lines)


def _tick(value: float, _pos=None) -> str:
    """Axis tick in Indonesian notation: 1500 → '1.500', 2.5 → '2,5'."""
    rounded = round(float(value), 6)
    return fmt.ringkas(Decimal(repr(rounded if rounded != 0 else 0.0)))


def _figure(height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(LEBAR, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    fig.get_layout_engine().set(w_pad=0.06, h_pad=0.06, wspace=0, hspace=0)
    ax = fig.add_subplot()
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(ABU)
    ax.tick_params(labelsize=FONT, colors=TEKS, length=3, color=ABU)
    return fig, ax


def _title(fig: Figure, title: str) -> None:
    if title:
        fig.suptitle(label(title, 80, 2), fontsize=FONT_JUDUL, fontweight="bold", color=TEKS)


def _tanpa_data(ax, x) -> None:
    """Mark a bar position that has no value, so a gap is not read as zero."""
    ax.text(
        x,
        0.02,
        TIDAK_ADA_DATA,
        transform=ax.get_xaxis_transform(),
        rotation=90,
        ha="center",
        va="bottom",
        fontsize=FONT_KECIL - 1,
        color=ABU,
        style="italic",
    )


def _png(fig: Figure) -> bytes:
    """Render once and encode with Pillow: an RGB PNG carrying only the pixels and the dpi
    (no software name or date), about twice as fast as `savefig`, which draws the figure twice
    when a layout engine is set. Light compression: a fifth larger, a sixth of the time."""
    canvas = fig.canvas
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    image = Image.frombuffer("RGBA", (width, height), canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="PNG", dpi=(DPI, DPI), compress_level=1)
    return buffer.getvalue()


def _empty(fig: Figure, ax) -> bytes:
    ax.set_axis_off()
    ax.text(
        0.5,
        0.5,
        TIDAK_ADA_DATA,
        ha="center",
        va="center",
        fontsize=FONT,
        color=ABU,
        style="italic",
        transform=ax.transAxes,
    )
    return _png(fig)


def _row_labels(names: Sequence[str]) -> list[str]:
    """Category labels of a horizontal chart: the more rows, the fewer lines each may take,
    so that even 30 rows fit on one printed page (about 24 cm high at 15 cm wide)."""
    width, lines = (LEBAR_LABEL, 3) if len(names) <= 12 else (30, 2) if len(names) <= 20 else (40, 1)
    return [label(name, width, lines) for name in names]


def _row_heights(labels: Sequence[str], per_line: float = 0.15, minimum: float = 0.3) -> float:
    """Height of the plot area in inches: every row as tall as the tallest label needs
    (a little tighter beyond 20 rows)."""
    lines = max(text.count("\n") + 1 for text in labels)
    if len(labels) > 20:
        minimum = min(minimum, 0.27)
    return len(labels) * max(minimum, per_line * lines + 0.12)


def _legend(fig: Figure, handles: list, ncols: int | None = None) -> None:
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=ncols or len(handles),
        fontsize=FONT_KECIL,
        frameon=False,
        handlelength=2.2,
        columnspacing=1.4,
    )


def _band(value: Decimal) -> tuple[str, str]:
    for lower, colour, hatch, _ in PITA_CAPAIAN:
        if lower is None or value >= lower:
            return colour, hatch
    raise AssertionError("unreachable")


def _bar_style(patch, hatch: str = "") -> None:
    patch.set_edgecolor(GARIS_TEPI)
    patch.set_linewidth(0.6)
    if hatch:
        patch.set_hatch(hatch)
        patch.set_hatch_linewidth(0.6)
        patch.set_hatchcolor(GARIS_TEPI)


# --- capaian ------------------------------------------------------------------------------


def capaian_chart(
    items: Sequence[tuple[str, Decimal | Hasil | None]],
    title: str = "",
    colors: Sequence[str] | None = None,
) -> bytes:
    """Horizontal bars of capaian (%) per indicator, first item on top.

    A dashed line marks 100 %; each bar ends in its value ('88,61 %'). Bars are coloured by
    band (≥ 100 dark green, 76–< 100 light green, 55–< 76 amber and hatched, < 55 red and
    cross-hatched) unless `colors` gives one colour per item. A capaian that cannot be computed
    (None or a not-computable `Hasil`) has no bar and reads 'tidak dapat dihitung'.
    """
    if colors is not None and len(colors) != len(items):
        raise ValueError(f"colors has {len(colors)} entries for {len(items)} items.")
    names = _row_labels([name for name, _ in items])
    fig, ax = _figure(1.25 + (0.3 if title else 0) + _row_heights(names or [""]))
    _title(fig, title)
    if not items:
        return _empty(fig, ax)

    values = [_desimal(value) for _, value in items]
    shown = [None if v is None else _tampil(v) for v in values]
    known = [float(v) for v in shown if v is not None]
    right = max([110.0] + [v * 1.2 + 5 for v in known])
    left = min([0.0] + [v * 1.2 - 5 for v in known])
    ax.set_xlim(left, right)
    ax.set_ylim(len(items) - 0.5, -0.5)

    for i, v in enumerate(shown):
        if v is None:
            ax.annotate(
                TIDAK_DAPAT,
                (0, i),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=FONT_KECIL,
                color=ABU,
                style="italic",
            )
            continue
        colour, hatch = _band(v)
        if colors is not None:
            colour, hatch = colors[i], ""
        (bar,) = ax.barh(i, float(v), height=0.62, color=colour, zorder=2)
        _bar_style(bar, hatch)
        ax.annotate(
            fmt.persen(v),
            (max(float(v), 0), i),
            xytext=(3, 0),
            textcoords="offset points",
            ha="left",
            va="center",
            fontsize=FONT_KECIL,
            color=TEKS,
            fontweight="bold",
            bbox=LATAR_LABEL,
            zorder=5,
        )

    ax.axvline(100, color=TEKS, linestyle=(0, (4, 3)), linewidth=1, zorder=3)
    if left < 0:
        ax.axvline(0, color=ABU, linewidth=0.6, zorder=1)
    ax.set_yticks(range(len(items)), names, fontsize=FONT)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.set_major_formatter(FuncFormatter(_tick))
    ax.xaxis.set_major_locator(MaxNLocator(nbins=8, steps=[1, 2, 2.5, 5, 10]))
    ax.set_xlabel("Capaian (%)", fontsize=FONT, color=TEKS)
    ax.grid(axis="x", color="#e4e4e4", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)

    target = Line2D([], [], color=TEKS, linestyle=(0, (4, 3)), linewidth=1, label="100 %")
    if colors is None:
        used = {_band(v) for v in shown if v is not None}
        bands = [
            Patch(facecolor=colour, edgecolor=GARIS_TEPI, hatch=hatch, linewidth=0.6, label=text)
            for _, colour, hatch, text in PITA_CAPAIAN
            if (colour, hatch) in used
        ]
        _legend(fig, [*bands, target])
    else:
        _legend(fig, [target])
    return _png(fig)


# --- trend --------------------------------------------------------------------------------


def _nan(values: Sequence) -> list[float]:
    out = []
    for value in values:
        d = _desimal(value)
        out.append(math.nan if d is None else float(d))
    return out


def _satuan_teks(value: Decimal, satuan: str) -> str:
    return fmt.nilai(_tampil(value), satuan)


def trend_chart(
    years: Sequence[int],
    realisasi: Sequence[Decimal | Hasil | None],
    targets: Sequence[Decimal | Hasil | None],
    title: str,
    satuan: str = "",
) -> bytes:
    """Realisasi per year as bars (value on top) against the Renstra targets as a dashed line
    with markers; a missing realisasi leaves a gap marked 'tidak ada data', a missing target
    breaks the line. The y axis is labelled with the satuan."""
    if not (len(years) == len(realisasi) == len(targets)):
        raise ValueError("years, realisasi and targets must have the same length.")
    fig, ax = _figure(TINGGI + (0.3 if title else 0))
    _title(fig, title)
    if not years:
        return _empty(fig, ax)

    x = list(range(len(years)))
    real = _nan(realisasi)
    target = _nan(targets)
    known = [v for v in real + target if not math.isnan(v)]
    top = max(known + [0.0])
    bottom = min(known + [0.0])
    span = (top - bottom) or 1.0
    ax.set_ylim(bottom - (0.12 * span if bottom < 0 else 0), top + 0.16 * span)

    width = min(0.6, 0.6 * 8 / max(len(years), 8) + 0.1)
    for xi, value, raw in zip(x, real, realisasi, strict=True):
        if math.isnan(value):
            _tanpa_data(ax, xi)
            continue
        (bar,) = ax.bar(xi, value, width=width, color=BIRU, zorder=2)
        _bar_style(bar)
        # The value sits inside the bar (white on blue) where the target line rarely passes;
        # a bar too short to hold it gets it on top.
        text = _satuan_teks(_desimal(raw), satuan)
        rotation = 90 if len(years) > 10 else 0
        if abs(value) >= 0.16 * span:
            ax.text(
                xi,
                value / 2,
                text,
                ha="center",
                va="center",
                fontsize=FONT_KECIL,
                color="white",
                fontweight="bold",
                rotation=rotation,
                zorder=3,
            )
        else:
            ax.annotate(
                text,
                (xi, max(value, 0)),
                xytext=(0, 2),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=FONT_KECIL,
                color=TEKS,
                fontweight="bold",
                rotation=rotation,
                bbox=LATAR_LABEL,
                zorder=5,
            )
    ax.plot(
        x,
        target,
        color=TARGET,
        linestyle=(0, (5, 3)),
        linewidth=1.6,
        marker="D",
        markersize=5,
        markerfacecolor="white",
        markeredgecolor=TARGET,
        markeredgewidth=1.4,
        zorder=4,
    )
    for xi, value, raw in zip(x, target, targets, strict=True):
        if not math.isnan(value) and len(years) <= 10:
            ax.annotate(
                _satuan_teks(_desimal(raw), satuan),
                (xi, value),
                xytext=(0, 6),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=FONT_KECIL - 0.5,
                color=TARGET,
                bbox=LATAR_LABEL,
                zorder=5,
            )
    if bottom < 0:
        ax.axhline(0, color=ABU, linewidth=0.6, zorder=1)

    ax.set_xticks(x, [str(y) for y in years], fontsize=FONT, rotation=45 if len(years) > 12 else 0)
    ax.set_xlim(-0.6, len(years) - 0.4)
    ax.yaxis.set_major_formatter(FuncFormatter(_tick))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.set_ylabel(label(satuan, 30, 2), fontsize=FONT, color=TEKS)
    ax.grid(axis="y", color="#e4e4e4", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    _legend(
        fig,
        [
            Patch(facecolor=BIRU, edgecolor=GARIS_TEPI, linewidth=0.6, label="Realisasi"),
            Line2D(
                [],
                [],
                color=TARGET,
                linestyle=(0, (5, 3)),
                linewidth=1.6,
                marker="D",
                markersize=5,
                markerfacecolor="white",
                markeredgewidth=1.4,
                label="Target Renstra",
            ),
        ],
    )
    return _png(fig)


# --- serapan ------------------------------------------------------------------------------

JUTA = Decimal(1_000_000)
SERAPAN_VERTIKAL_MAKS = 6
"""Up to this many programs the bars stand upright; more are drawn horizontally so every
program name stays readable."""


def serapan_chart(items: Sequence[tuple[str, Decimal, Decimal | None]], title: str = "") -> bytes:
    """Pagu and realisasi per program side by side (axis in Rp juta), with the % serapan
    printed over each pair ('-' when it cannot be computed, e.g. pagu nol or no realisasi).

    Up to `SERAPAN_VERTIKAL_MAKS` programs: upright bars, names under them; more programs:
    horizontal bars with names on the left (the figure grows in height)."""
    rows = []
    for name, pagu, realisasi in items:
        p, r = _desimal(pagu), _desimal(realisasi)
        rows.append((name, p, r, calc.serapan(p, r)))
    vertical = len(rows) <= SERAPAN_VERTIKAL_MAKS
    if vertical:
        fig, ax = _figure(TINGGI + 0.3 + (0.3 if title else 0))
    else:
        names = _row_labels([name for name, *_ in rows])
        fig, ax = _figure(1.25 + (0.3 if title else 0) + _row_heights(names, minimum=0.42))
    _title(fig, title)
    if not rows:
        return _empty(fig, ax)

    amounts = [float(v / JUTA) for _, p, r, _ in rows for v in (p, r) if v is not None]
    top = max(amounts + [0.0]) or 1.0
    pos = list(range(len(rows)))
    half = 0.2
    draw = ax.bar if vertical else ax.barh
    for i, (_, p, r, s) in enumerate(rows):
        for value, offset, colour, hatch in ((p, -half, PAGU, "///"), (r, half, BIRU, "")):
            if value is None:
                continue
            (bar,) = draw(i + offset, float(value / JUTA), 2 * half * 0.95, color=colour, zorder=2)
            _bar_style(bar, hatch)
        end = max([float(v / JUTA) for v in (p, r) if v is not None] + [0.0])
        style = {"fontweight": "bold"} if s.dapat_dihitung else {"style": "italic", "color": ABU}
        text = fmt.persen(s) if s.dapat_dihitung else TIDAK_DAPAT
        if vertical:
            ax.annotate(
                text,
                (i, end),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=FONT if s.dapat_dihitung else FONT_KECIL,
                **{"color": TEKS, **style},
            )
        else:
            ax.annotate(
                text,
                (end, i),
                xytext=(4, 0),
                textcoords="offset points",
                ha="left",
                va="center",
                fontsize=FONT_KECIL,
                **{"color": TEKS, **style},
            )

    money = ax.yaxis if vertical else ax.xaxis
    money.set_major_formatter(FuncFormatter(_tick))
    money.set_major_locator(MaxNLocator(nbins=6))
    if vertical:
        width = max(14, min(32, int(96 / len(rows))))
        ax.set_xticks(pos, [label(name, width, 5) for name, *_ in rows], fontsize=FONT_KECIL)
        ax.tick_params(axis="x", length=0)
        ax.set_xlim(-0.6, len(rows) - 0.4)
        ax.set_ylim(0, top * 1.15)
        ax.set_ylabel("Rp juta", fontsize=FONT, color=TEKS)
        ax.grid(axis="y", color="#e4e4e4", linewidth=0.6, zorder=0)
    else:
        ax.set_yticks(pos, names, fontsize=FONT)
        ax.tick_params(axis="y", length=0)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.set_xlim(0, top * 1.22)
        ax.set_xlabel("Rp juta", fontsize=FONT, color=TEKS)
        ax.grid(axis="x", color="#e4e4e4", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    _legend(
        fig,
        [
            Patch(facecolor=PAGU, edgecolor=GARIS_TEPI, hatch="///", linewidth=0.6, label="Pagu"),
            Patch(facecolor=BIRU, edgecolor=GARIS_TEPI, linewidth=0.6, label="Realisasi"),
            Line2D([], [], linestyle="none", label="% = serapan (realisasi ÷ pagu)"),
        ],
    )
    return _png(fig)


# --- SKM ----------------------------------------------------------------------------------


def skm_chart(items: Sequence[tuple[str, Decimal | None]], average: Decimal | None, title: str = "") -> bytes:
    """Score per unsur as blue bars labelled U1, U2, … with the value on top, and the average
    as a red horizontal line (as the reference LKIP draws it). Unsur scoring below the average
    (compared as printed, 2 decimals) are orange and hatched: they are the priorities."""
    fig, ax = _figure(TINGGI + (0.3 if title else 0))
    _title(fig, title)
    if not items:
        return _empty(fig, ax)

    scores = [None if _desimal(v) is None else _tampil(_desimal(v)) for _, v in items]
    avg = None if _desimal(average) is None else _tampil(_desimal(average))
    known = [float(v) for v in scores if v is not None] + ([float(avg)] if avg is not None else [])
    top = max(known + [0.0]) or 1.0
    many = len(items) > 16
    headroom = 1.22 if many else 1.15
    # Approximate height of a value label in data units: a label that would sit on the red line
    # goes just above it instead.
    label_height = top * headroom * (0.13 if many else 0.07)

    below_any = False
    for i, v in enumerate(scores):
        if v is None:
            _tanpa_data(ax, i)
            continue
        below = avg is not None and v < avg
        below_any |= below
        (bar,) = ax.bar(i, float(v), width=0.66, color=ORANYE if below else BIRU, zorder=2)
        _bar_style(bar, "///" if below else "")
        y = float(v)
        if below and y + label_height > float(avg):
            y = float(avg)
        ax.annotate(
            fmt.ringkas(v),
            (i, y),
            xytext=(0, 2),
            textcoords="offset points",
            ha="center",
            va="bottom",
            fontsize=FONT_KECIL - (1 if many else 0),
            color=TEKS,
            rotation=90 if many else 0,
            bbox=LATAR_LABEL,
            zorder=5,
        )

    handles = [Patch(facecolor=BIRU, edgecolor=GARIS_TEPI, linewidth=0.6, label="Nilai unsur")]
    if below_any:
        handles.append(
            Patch(facecolor=ORANYE, edgecolor=GARIS_TEPI, hatch="///", linewidth=0.6, label="Di bawah rata-rata")
        )
    if avg is not None:
        ax.axhline(float(avg), color=MERAH, linewidth=1.8, zorder=4)
        handles.append(Line2D([], [], color=MERAH, linewidth=1.8, label=f"Rata-rata ({fmt.ringkas(avg)})"))

    ax.set_xticks(
        range(len(items)),
        [f"U{i}" for i in range(1, len(items) + 1)],
        fontsize=FONT - (1 if many else 0),
        rotation=90 if len(items) > 24 else 0,
    )
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(items) - 0.4)
    ax.set_ylim(0, top * headroom)
    ax.yaxis.set_major_formatter(FuncFormatter(_tick))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6))
    ax.set_ylabel("Nilai", fontsize=FONT, color=TEKS)
    ax.set_xlabel("Unsur pelayanan", fontsize=FONT, color=TEKS)
    ax.grid(axis="y", color="#e4e4e4", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    _legend(fig, handles)
    return _png(fig)
