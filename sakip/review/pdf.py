"""Tables and paragraphs from a PDF's text layer, with PyMuPDF.

A table is found from its ruling lines: the horizontal and vertical borders give the row and
column boundaries, a missing border inside the grid means a merged cell, a shaded leading row
is a header row. Words are placed in cells by their centre. A table that ends on one page and
goes on at the top of the next with the same columns is one table; its header repeated on the
new page is dropped. Paragraphs are the text blocks outside the tables."""

import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

from .reader import Cell, ReadError

PAGE_NUMBER = re.compile(r"\d{1,3}|[ivxlc]{1,6}")
TOL = 1.5  # points: borders drawn as separate strokes per cell do not line up exactly


@dataclass
class PdfTable:
    rows: list[list[Cell]]
    wheres: list[str]
    header: int | None
    xs: list[float]
    top: float


def _segments(drawings) -> tuple[list, list, list]:
    """Horizontal (y, x0, x1), vertical (x, y0, y1) borders, and shaded rectangles (x0, y0, x1, y1)."""
    h, v, fills = [], [], []
    for d in drawings:
        stroked = d["type"] in ("s", "fs")
        for item in d["items"]:
            if item[0] == "l":
                (px, py), (qx, qy) = item[1], item[2]
                if abs(py - qy) < 0.5:
                    h.append((py, min(px, qx), max(px, qx)))
                elif abs(px - qx) < 0.5:
                    v.append((px, min(py, qy), max(py, qy)))
            elif item[0] == "re":
                x0, y0, x1, y1 = item[1]
                if y1 - y0 < 2 and x1 - x0 > 2:
                    h.append(((y0 + y1) / 2, x0, x1))
                elif x1 - x0 < 2 and y1 - y0 > 2:
                    v.append(((x0 + x1) / 2, y0, y1))
                elif stroked:  # a box drawn with a pen: its four edges
                    h += [(y0, x0, x1), (y1, x0, x1)]
                    v += [(x0, y0, y1), (x1, y0, y1)]
                elif d.get("fill") and tuple(d["fill"]) != (1.0, 1.0, 1.0):
                    fills.append((x0, y0, x1, y1))
    return _merge(h), _merge(v), fills


def _merge(segs: list) -> list:
    """Join collinear segments that touch, so a border drawn cell by cell becomes one line."""
    out = []
    for pos, a, b in sorted(segs, key=lambda s: (round(s[0] / TOL), s[1])):
        if out and abs(out[-1][0] - pos) <= TOL / 2 and a <= out[-1][2] + TOL:
            p, a0, b0 = out[-1]
            out[-1] = (p, a0, max(b0, b))
        else:
            out.append((pos, a, b))
    return out


def _groups(h: list, v: list) -> list[tuple[list, list]]:
    """Connected sets of crossing lines: one set per table."""
    parent = list(range(len(h) + len(v)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (y, x0, x1) in enumerate(h):
        for j, (x, y0, y1) in enumerate(v):
            if x0 - TOL <= x <= x1 + TOL and y0 - TOL <= y <= y1 + TOL:
                parent[find(i)] = find(len(h) + j)
    groups: dict[int, tuple[list, list]] = {}
    for i, s in enumerate(h):
        groups.setdefault(find(i), ([], []))[0].append(s)
    for j, s in enumerate(v):
        groups.setdefault(find(len(h) + j), ([], []))[1].append(s)
    return [g for g in groups.values() if len(g[0]) >= 2 and len(g[1]) >= 2]


def _levels(values: list[float]) -> list[float]:
    out: list[float] = []
    for x in sorted(values):
        if not out or x - out[-1] > TOL:
            out.append(x)
    return out


def _covers(segs: list, pos: float, at: float) -> bool:
    return any(abs(p - pos) <= TOL and a - TOL <= at <= b + TOL for p, a, b in segs)


def _table(h: list, v: list, fills: list, words: list, page_no: int) -> tuple[PdfTable, tuple] | None:
    ys, xs = _levels([s[0] for s in h]), _levels([s[0] for s in v])
    if len(ys) < 3 or len(xs) < 2:
        return None
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = {(i, j): (i, j) for i in range(n_rows) for j in range(n_cols)}

    def find(c):
        while parent[c] != c:
            c = parent[c]
        return c

    for i in range(n_rows):
        ymid = (ys[i] + ys[i + 1]) / 2
        for j in range(n_cols):
            xmid = (xs[j] + xs[j + 1]) / 2
            if j + 1 < n_cols and not _covers(v, xs[j + 1], ymid):
                a, b = find((i, j)), find((i, j + 1))
                parent[max(a, b)] = min(a, b)
            if i + 1 < n_rows and not _covers(h, ys[i + 1], xmid):
                a, b = find((i, j)), find((i + 1, j))
                parent[max(a, b)] = min(a, b)
    texts: dict[tuple, list] = {}
    used = set()
    for k, w in enumerate(words):
        cx, cy = (w[0] + w[2]) / 2, (w[1] + w[3]) / 2
        if not (xs[0] < cx < xs[-1] and ys[0] < cy < ys[-1]):
            continue
        i, j = bisect_right(ys, cy) - 1, bisect_right(xs, cx) - 1
        texts.setdefault(find((i, j)), []).append(w)
        used.add(k)
    rows, shaded = [], []
    for i in range(n_rows):
        row = []
        for j in range(n_cols):
            root = find((i, j))
            ws = sorted(texts.get(root, []), key=lambda w: (round(w[1] / 3), w[0]))
            row.append(Cell(" ".join(w[4] for w in ws), root == (i, j)))
        rows.append(row)
        ymid = (ys[i] + ys[i + 1]) / 2
        shaded.append(any(f[1] - TOL <= ymid <= f[3] + TOL and f[0] <= xs[0] + TOL * 4 for f in fills))
    header = 0
    while header < len(shaded) and shaded[header]:
        header += 1
    where = f"halaman {page_no}"
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    return PdfTable(rows, [where] * n_rows, header or None, xs, ys[0]), (bbox, used)


def pdf_items(path: Path) -> list:
    """Paragraphs as (text, place) and tables as PdfTable, in reading order over all pages."""
    import pymupdf

    try:
        doc = pymupdf.open(str(path))
    except (pymupdf.FileDataError, RuntimeError, ValueError) as e:
        raise ReadError(f"{path.name}: bukan berkas PDF yang dapat dibaca ({e}).") from None
    items: list = []
    for page in doc:
        n = page.number + 1
        text = page.get_textpage()
        words = page.get_text("words", textpage=text)
        h, v, fills = _segments(page.get_cdrawings())
        found = []
        for gh, gv in _groups(h, v):
            t = _table(gh, gv, fills, words, n)
            if t:
                found.append(t)
        boxes = [bbox for _, (bbox, _) in found]
        placed = []
        for x0, y0, x1, y1, block, _, kind in page.get_text("blocks", textpage=text):
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            block = " ".join(block.split())
            if kind or PAGE_NUMBER.fullmatch(block) or any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes):
                continue
            placed.append((y0, (block, f"halaman {n}")))
        placed += [(t.top, t) for t, _ in found]
        placed.sort(key=lambda p: p[0])
        for k, (_, item) in enumerate(placed):
            prev = items[-1] if items else None
            if k == 0 and isinstance(item, PdfTable) and isinstance(prev, PdfTable) and _same_columns(prev, item):
                _continue(prev, item)
            else:
                items.append(item)
    doc.close()
    return items


def _same_columns(a: PdfTable, b: PdfTable) -> bool:
    return len(a.xs) == len(b.xs) and all(abs(x - y) <= 2 for x, y in zip(a.xs, b.xs, strict=True))


def _continue(first: PdfTable, more: PdfTable) -> None:
    """Append a table's next page; a repeated header is left out."""
    skip = 0
    n = first.header or 0
    if n and [[c.text for c in r] for r in more.rows[:n]] == [[c.text for c in r] for r in first.rows[:n]]:
        skip = n
    first.rows += more.rows[skip:]
    first.wheres += more.wheres[skip:]
