"""A small inline SVG of one indicator over the Renstra years: the Renstra target (dashed) and the
realisasi (solid, with dots). Generated on the server so the page needs no script and the CSP
(no inline styles) holds: colours are SVG attributes."""

from decimal import Decimal

from django.utils.html import escape

from sakip import formatting as fmt

LEBAR, TINGGI, TEPI, BAWAH = 180, 60, 6, 14  # BAWAH: room for the year labels


def tren_svg(judul: str, tahun: list[int], target: dict[int, Decimal], realisasi: dict[int, Decimal]) -> str:
    nilai = [v for v in (*target.values(), *realisasi.values()) if v is not None]
    if len(tahun) < 2 or not nilai:
        return ""
    bawah, atas = float(min(nilai)), float(max(nilai))
    if atas == bawah:
        bawah, atas = bawah - 1, atas + 1

    def titik(data):
        pts = []
        for k, t in enumerate(tahun):
            if data.get(t) is not None:
                x = TEPI + k * (LEBAR - 2 * TEPI) / (len(tahun) - 1)
                y = TINGGI - BAWAH - (float(data[t]) - bawah) * (TINGGI - BAWAH - TEPI) / (atas - bawah)
                pts.append((round(x, 1), round(y, 1), t, data[t]))
        return pts

    garis_target, garis_real = titik(target), titik(realisasi)
    parts = [
        f'<svg class="tren" viewBox="0 0 {LEBAR} {TINGGI}" width="{LEBAR}" height="{TINGGI}" role="img" '
        f'aria-label="{escape(judul)}"><title>{escape(judul)}</title>',
        f'<line x1="{TEPI}" y1="{TINGGI - BAWAH + 2}" x2="{LEBAR - TEPI}" y2="{TINGGI - BAWAH + 2}" stroke="#ccc"/>',
        f'<text x="{TEPI}" y="{TINGGI - 2}" font-size="10" fill="#555">{tahun[0]}</text>',
        f'<text x="{LEBAR - TEPI}" y="{TINGGI - 2}" font-size="10" fill="#555" text-anchor="end">{tahun[-1]}</text>',
    ]
    if len(garis_target) > 1:
        pts = " ".join(f"{x},{y}" for x, y, *_ in garis_target)
        parts.append(f'<polyline points="{pts}" fill="none" stroke="#888" stroke-width="1.5" stroke-dasharray="4 3"/>')
    if len(garis_real) > 1:
        pts = " ".join(f"{x},{y}" for x, y, *_ in garis_real)
        parts.append(f'<polyline points="{pts}" fill="none" stroke="#1565c0" stroke-width="2"/>')
    parts += [
        f'<circle cx="{x}" cy="{y}" r="3" fill="#1565c0"><title>{t}: realisasi {fmt.ringkas(v)}'
        f"{f', target {fmt.ringkas(target[t])}' if target.get(t) is not None else ''}</title></circle>"
        for x, y, t, v in garis_real
    ]
    parts.append("</svg>")
    return "".join(parts)


def batang_sebaran(sebaran, total: int) -> str:
    """One stacked bar of an agency's predicate counts, each segment in its traffic-light colour."""
    if not total:
        return ""
    lebar, x, parts = 160, 0.0, []
    label = ", ".join(f"{s.predikat}: {s.jumlah}" for s in sebaran)
    parts.append(
        f'<svg class="sebaran" viewBox="0 0 {lebar} 14" width="{lebar}" height="14" role="img" aria-label="{escape(label)}">'
    )
    for s in sebaran:
        w = lebar * s.jumlah / total
        parts.append(
            f'<rect x="{round(x, 2)}" y="0" width="{round(w, 2)}" height="14" fill="{escape(s.warna or "#bdbdbd")}">'
            f"<title>{escape(s.predikat)}: {s.jumlah}</title></rect>"
        )
        x += w
    parts.append("</svg>")
    return "".join(parts)
