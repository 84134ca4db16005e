#!/usr/bin/env python3
"""Regenerate every demo illustration referenced by the media-seed JSON files.

Usage:  python3 media-seed/tools/make_images.py [--only SUBSTRING] [--keep-svg]

For each image path found in producers.json, products.json, stories.json and
events.json this script writes a flat SVG illustration (warm gradient
background, simple shapes suggesting the product or scene) and converts it
with the libvips CLI (`vips`) to a 1200x900 JPEG (quality 82, metadata
stripped).  If a JPEG ends up larger than 150,000 bytes it is re-encoded at a lower
quality.  JPEGs no JSON file references are removed on a full run.  Standard
library only; output is deterministic (seeded by slug).
"""
import hashlib
import json
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.dirname(HERE)
W, H = 1200, 900
MAX_BYTES = 150_000  # bytes
FONT = "DejaVu Sans"


# --------------------------------------------------------------------------- colours
def _rgb(c):
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def _hex(rgb):
    return "#%02x%02x%02x" % tuple(max(0, min(255, int(round(v)))) for v in rgb)


def mix(a, b, t):
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(ra[i] + (rb[i] - ra[i]) * t for i in range(3)))


def dark(c, t=0.25):
    return mix(c, "#000000", t)


def light(c, t=0.25):
    return mix(c, "#ffffff", t)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --------------------------------------------------------------------------- context
def _stops(stops):
    out = []
    for st in stops:
        o, c = st[0], st[1]
        op = f' stop-opacity="{st[2]}"' if len(st) > 2 else ""
        out.append(f'<stop offset="{o}" stop-color="{c}"{op}/>')
    return "".join(out)


class Ctx:
    """Collects <defs> and hands out unique ids and a seeded RNG."""

    def __init__(self, seed):
        self.defs = []
        self.n = 0
        self.r = random.Random(int(hashlib.sha1(seed.encode()).hexdigest()[:12], 16))

    def uid(self, p="i"):
        self.n += 1
        return f"{p}{self.n}"

    def lin(self, stops, x1=0, y1=0, x2=0, y2=1):
        i = self.uid("g")
        s = _stops(stops)
        self.defs.append(f'<linearGradient id="{i}" x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}">{s}</linearGradient>')
        return f"url(#{i})"

    def rad(self, stops, cx=0.5, cy=0.5, r=0.5):
        i = self.uid("r")
        s = _stops(stops)
        self.defs.append(f'<radialGradient id="{i}" cx="{cx}" cy="{cy}" r="{r}">{s}</radialGradient>')
        return f"url(#{i})"

    def pattern(self, w, h, content, transform=None):
        i = self.uid("p")
        t = f' patternTransform="{transform}"' if transform else ""
        self.defs.append(f'<pattern id="{i}" width="{w}" height="{h}" patternUnits="userSpaceOnUse"{t}>{content}</pattern>')
        return f"url(#{i})"

    def clip(self, content):
        i = self.uid("c")
        self.defs.append(f'<clipPath id="{i}">{content}</clipPath>')
        return f"url(#{i})"

    def blur(self, sd=14):
        i = self.uid("f")
        self.defs.append(f'<filter id="{i}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="{sd}"/></filter>')
        return f"url(#{i})"

    def svg(self, body):
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">'
                f'<defs>{"".join(self.defs)}</defs>{body}</svg>')


# --------------------------------------------------------------------------- palettes
PALETTES = {
    "makanan-ringan": ("#FBE3B0", "#EFB25A", "#C9573A"),
    "abon-olahan-ikan": ("#FADCC4", "#E39A6C", "#2F6F7E"),
    "dodol-kue": ("#F8DCCB", "#D49273", "#6B3A2A"),
    "minuman": ("#F3E2CC", "#C89A6C", "#3D6B4F"),
    "kerajinan-rotan": ("#F1E6C4", "#CDB377", "#7A5A2E"),
    "tenun-busana": ("#F8D9C8", "#D9816E", "#7A1F2B"),
    "tas-aksesori": ("#F5E0CF", "#D7A58A", "#2E5E5A"),
}
REGION_SKY = {
    "kota-malang": ("#FCE6C4", "#F2B27E"),
    "kota-tangerang": ("#FBE0C8", "#EFA48A"),
    "kota-tangerang-selatan": ("#FDE9CF", "#F0B98C"),
    "kabupaten-bangkalan": ("#FDE4C0", "#F3A96F"),
    "kota-kendari": ("#FCE3C6", "#EE9E7A"),
}


def background(ctx, top, bottom, table=None, table_y=640):
    out = [f'<rect width="{W}" height="{H}" fill="{ctx.lin([(0, light(top, .15)), (1, bottom)])}"/>']
    r = ctx.r
    for _ in range(3):
        cx, cy, rr = r.randint(80, 1120), r.randint(60, 420), r.randint(120, 260)
        out.append(f'<circle cx="{cx}" cy="{cy}" r="{rr}" fill="#ffffff" opacity="{r.uniform(.07, .14):.2f}"/>')
    # leafy corner decoration
    lx, ly = (r.choice([70, 1130]), r.randint(90, 250))
    flip = -1 if lx > 600 else 1
    for k in range(5):
        a = -60 + k * 30
        out.append(leaf(lx, ly, 120, a * flip, dark(bottom, .12), .35))
    tc = table or dark(bottom, .18)
    out.append(f'<rect x="0" y="{table_y}" width="{W}" height="{H - table_y}" fill="{ctx.lin([(0, tc), (1, dark(tc, .25))])}"/>')
    out.append(f'<rect x="0" y="{table_y}" width="{W}" height="6" fill="{light(tc, .25)}" opacity=".6"/>')
    return "".join(out)


def leaf(x, y, length, angle, color, opacity=1.0):
    return (f'<g transform="translate({x},{y}) rotate({angle})" opacity="{opacity}">'
            f'<path d="M0,0 C{length * .3},{-length * .22} {length * .75},{-length * .2} {length},0 '
            f'C{length * .75},{length * .2} {length * .3},{length * .22} 0,0Z" fill="{color}"/>'
            f'<path d="M0,0 L{length * .95},0" stroke="{light(color, .3)}" stroke-width="3"/></g>')


def shadow(ctx, cx, cy, rx, ry, op=.28):
    return f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="#2a1608" opacity="{op}" filter="{ctx.blur(12)}"/>'


def label_text(x, y, text, size, color, weight="bold", anchor="middle", spacing=2):
    return (f'<text x="{x}" y="{y}" font-family="{FONT}" font-weight="{weight}" font-size="{size}" '
            f'letter-spacing="{spacing}" text-anchor="{anchor}" fill="{color}">{esc(text)}</text>')


def fit_size(text, width, base, minimum=18):
    # DejaVu Sans Bold caps are roughly 0.72 em wide incl. letter spacing
    return max(minimum, min(base, int(width / max(1, len(text)) / 0.74)))


# --------------------------------------------------------------------------- pieces
def blob(r, cx, cy, rad, n=9, jitter=.28):
    pts = []
    for k in range(n):
        a = 2 * math.pi * k / n + r.uniform(-.2, .2)
        rr = rad * (1 + r.uniform(-jitter, jitter))
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a) * .8))
    return "M" + " L".join(f"{x:.1f},{y:.1f}" for x, y in pts) + "Z"


def piece(ctx, kind, x, y, s=1.0):
    r = ctx.r
    rot = r.uniform(0, 360)
    if kind in ("chips", "cassava", "tempe"):
        base = {"chips": ["#E8B04B", "#D99A35", "#F0C463", "#C98A2E"],
                "cassava": ["#F3D77A", "#EBC65A", "#F7E29A"],
                "tempe": ["#E2A443", "#D18F2F", "#EDBB5E"]}[kind]
        c = r.choice(base)
        out = f'<path d="{blob(r, x, y, 38 * s)}" fill="{c}" stroke="{dark(c, .15)}" stroke-width="2"/>'
        if kind == "tempe":
            for _ in range(6):
                out += f'<ellipse cx="{x + r.uniform(-20, 20) * s:.1f}" cy="{y + r.uniform(-14, 14) * s:.1f}" rx="{6 * s:.1f}" ry="{4.5 * s:.1f}" fill="{light(c, .25)}" stroke="{dark(c, .12)}" stroke-width="1"/>'
        for _ in range(4):
            sc = "#B3261E" if kind == "cassava" else "#6B4A1E"
            out += f'<circle cx="{x + r.uniform(-22, 22) * s:.1f}" cy="{y + r.uniform(-16, 16) * s:.1f}" r="{2.4 * s:.1f}" fill="{sc}" opacity=".7"/>'
        return out
    if kind == "banana":
        c = r.choice(["#F2D27A", "#E9C15C", "#F6DE93"])
        return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><ellipse rx="48" ry="17" fill="{c}" '
                f'stroke="{dark(c, .15)}" stroke-width="2"/><ellipse rx="30" ry="6" fill="{light(c, .3)}" opacity=".6"/></g>')
    if kind == "bean":
        c = r.choice(["#4A2C1A", "#5A3520", "#3E2414"])
        return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><ellipse rx="20" ry="14" fill="{c}"/>'
                f'<path d="M-16,0 Q0,-5 16,0" stroke="{dark(c, .5)}" stroke-width="3" fill="none"/>'
                f'<ellipse cx="-6" cy="-6" rx="7" ry="3" fill="#ffffff" opacity=".15"/></g>')
    if kind in ("cashew", "honeycashew", "rawcashew"):
        c = {"cashew": "#F0D4A0", "honeycashew": "#D9A14E", "rawcashew": "#F7EBD3"}[kind]
        out = (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})">'
               f'<path d="M-22,8 A24,26 0 1 1 22,8" stroke="{dark(c, .12)}" stroke-width="30" fill="none" stroke-linecap="round"/>'
               f'<path d="M-22,8 A24,26 0 1 1 22,8" stroke="{c}" stroke-width="24" fill="none" stroke-linecap="round"/>'
               f'<path d="M-12,-8 A14,14 0 0 1 8,-14" stroke="#ffffff" stroke-width="4" opacity=".35" fill="none" stroke-linecap="round"/>')
        if kind == "honeycashew":
            for _ in range(5):
                out += f'<ellipse cx="{r.uniform(-20, 20):.0f}" cy="{r.uniform(-24, 4):.0f}" rx="3" ry="1.6" fill="#FFF6DF"/>'
        return out + "</g>"
    if kind == "floss":
        out = ""
        for _ in range(9):
            c = r.choice(["#B9783E", "#A5652F", "#C98C4E", "#8E5528"])
            x0, y0 = x + r.uniform(-30, 30) * s, y + r.uniform(-20, 20) * s
            out += (f'<path d="M{x0:.0f},{y0:.0f} q{r.uniform(-20, 20) * s:.0f},{r.uniform(-16, 16) * s:.0f} '
                    f'{r.uniform(-34, 34) * s:.0f},{r.uniform(-10, 10) * s:.0f}" stroke="{c}" stroke-width="{r.uniform(3, 5.5):.1f}" '
                    f'fill="none" stroke-linecap="round"/>')
        return out
    if kind == "cracker":
        c = r.choice(["#F4E3D2", "#EFD6C2", "#F7EADF"])
        out = f'<path d="{blob(r, x, y, 44 * s, 11, .12)}" fill="{c}" stroke="{dark(c, .12)}" stroke-width="2"/>'
        for _ in range(5):
            out += f'<circle cx="{x + r.uniform(-26, 26) * s:.0f}" cy="{y + r.uniform(-18, 18) * s:.0f}" r="{r.uniform(2, 4) * s:.1f}" fill="{dark(c, .1)}"/>'
        return out
    if kind == "rawcracker":
        c = r.choice(["#E9C9B4", "#E2BEA6", "#EDD3C1"])
        return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><ellipse rx="34" ry="18" fill="{c}" '
                f'stroke="{dark(c, .15)}" stroke-width="2"/><ellipse rx="20" ry="8" fill="{light(c, .2)}" opacity=".7"/></g>')
    if kind == "dodolwrap":
        c = r.choice(["#F1E4C8", "#E8D7B4"])
        return (f'<g transform="translate({x},{y}) rotate({r.uniform(-25, 25):.0f}) scale({s})">'
                f'<path d="M-46,-12 L-62,-22 L-58,0 L-62,22 L-46,12Z M46,-12 L62,-22 L58,0 L62,22 L46,12Z" fill="{c}" stroke="{dark(c, .15)}" stroke-width="2"/>'
                f'<rect x="-46" y="-20" width="92" height="40" rx="14" fill="#5A2E1A"/>'
                f'<rect x="-46" y="-20" width="92" height="40" rx="14" fill="{c}" opacity=".35"/>'
                f'<rect x="-38" y="-14" width="60" height="7" rx="3" fill="#ffffff" opacity=".35"/></g>')
    if kind == "dodolslice":
        return (f'<g transform="translate({x},{y}) rotate({r.uniform(-30, 30):.0f}) scale({s})">'
                f'<rect x="-34" y="-18" width="68" height="36" rx="10" fill="#4E2614"/>'
                f'<rect x="-26" y="-12" width="38" height="6" rx="3" fill="#ffffff" opacity=".25"/></g>')
    if kind == "wajik":
        c = r.choice(["#7A3F1F", "#8A4A25"])
        return (f'<g transform="translate({x},{y}) scale({s})"><path d="M0,-34 L44,0 L0,34 L-44,0Z" fill="{c}" stroke="{dark(c, .3)}" stroke-width="2"/>'
                + "".join(f'<ellipse cx="{r.uniform(-22, 22):.0f}" cy="{r.uniform(-12, 12):.0f}" rx="5" ry="3" fill="{light(c, .25)}"/>' for _ in range(6))
                + "</g>")
    if kind == "cookie":
        c = "#FBF3E4"
        out = f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})">'
        for k in range(5):
            a = k * 72
            out += f'<circle cx="{14 * math.cos(math.radians(a)):.1f}" cy="{14 * math.sin(math.radians(a)):.1f}" r="12" fill="{c}" stroke="#E3D3B8" stroke-width="2"/>'
        return out + '<circle r="7" fill="#F0C9A0"/></g>'
    if kind == "bagea":
        c = r.choice(["#E7C89A", "#DDBB88"])
        out = (f'<g transform="translate({x},{y}) rotate({r.uniform(-30, 30):.0f}) scale({s})"><ellipse rx="46" ry="24" fill="{c}" '
               f'stroke="{dark(c, .2)}" stroke-width="2"/>')
        out += "".join(f'<ellipse cx="{r.uniform(-28, 28):.0f}" cy="{r.uniform(-10, 10):.0f}" rx="6" ry="4" fill="{light(c, .35)}"/>' for _ in range(5))
        return out + "</g>"
    if kind == "noodle":
        out = ""
        for k in range(6):
            y0 = y + (k - 3) * 7 * s
            c = r.choice(["#CFC6BB", "#BFB5A8", "#D9D1C6"])
            out += (f'<path d="M{x - 40 * s:.0f},{y0:.0f} q{10 * s:.0f},{-12 * s:.0f} {20 * s:.0f},0 t{20 * s:.0f},0 t{20 * s:.0f},0 t{20 * s:.0f},0" '
                    f'stroke="{c}" stroke-width="{4 * s:.1f}" fill="none" stroke-linecap="round"/>')
        return out
    if kind == "ginger":
        c = "#D9B47A"
        out = f'<g transform="translate({x},{y}) rotate({r.uniform(-20, 20):.0f}) scale({s})">'
        for (dx, dy, rx, ry) in [(0, 0, 40, 20), (34, -16, 22, 14), (-30, -14, 20, 13), (12, 18, 18, 12)]:
            out += f'<ellipse cx="{dx}" cy="{dy}" rx="{rx}" ry="{ry}" fill="{c}" stroke="#A9834C" stroke-width="2"/>'
        out += '<path d="M-20,2 L-16,-4 M6,-2 L10,4 M26,-12 L30,-18" stroke="#A9834C" stroke-width="2"/>'
        return out + "</g>"
    if kind == "cinnamon":
        return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><rect x="-60" y="-9" width="120" height="18" rx="8" fill="#8B4A26"/>'
                f'<rect x="-60" y="-9" width="120" height="6" rx="3" fill="#A65E34"/></g>')
    if kind == "clove":
        return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><rect x="-3" y="-18" width="6" height="26" rx="3" fill="#4A2616"/>'
                f'<circle cy="-20" r="7" fill="#5C301C"/></g>')
    if kind == "flourdot":
        return f'<circle cx="{x}" cy="{y}" r="{r.uniform(2, 5) * s:.1f}" fill="#ffffff" opacity=".8"/>'
    if kind == "powder":
        return f'<circle cx="{x}" cy="{y}" r="{r.uniform(2, 4) * s:.1f}" fill="{r.choice(["#C98A3A", "#B57A2E", "#DDA04C"])}"/>'
    if kind == "fishpiece":
        return smoked_fish(ctx, x, y, .45 * s, rot=r.uniform(-20, 20))
    return f'<circle cx="{x}" cy="{y}" r="{20 * s}" fill="#cc9955"/>'


def fill_pieces(ctx, kind, x, y, w, h, count, s=1.0):
    r = ctx.r
    return "".join(piece(ctx, kind, x + r.uniform(0, w), y + r.uniform(0, h), s * r.uniform(.85, 1.15)) for _ in range(count))


def scatter(ctx, kind, cx, cy, count, spread=260, s=1.0):
    r = ctx.r
    out = []
    for _ in range(count):
        a = r.uniform(0, 2 * math.pi)
        d = r.uniform(.3, 1) * spread
        out.append(piece(ctx, kind, cx + d * math.cos(a), cy + d * math.sin(a) * .25, s))
    return "".join(out)


PIECE_BG = {"chips": "#F6DFA6", "cassava": "#FAEBB8", "tempe": "#F4D69A", "banana": "#FAEBC0", "bean": "#7A5030",
            "cashew": "#F8E7C6", "honeycashew": "#EBC27E", "rawcashew": "#FBF3E3", "floss": "#D29A60",
            "cracker": "#FAF0E6", "rawcracker": "#F3DDCD", "noodle": "#ECE6DE", "cookie": "#F7EEDD",
            "bagea": "#F0DCB8", "powder": "#E9B868", "flourdot": "#F4F1EA"}


# --------------------------------------------------------------------------- containers
def pouch(ctx, cx, base, w, h, color, label, content, kraft=False, window="ellipse"):
    x0, top = cx - w / 2, base - h
    body = (f"M{x0 + 12},{top + 46} L{x0 + w - 12},{top + 46} Q{x0 + w + 8},{base - h * .45} {x0 + w - 4},{base - 8} "
            f"Q{cx},{base + 14} {x0 + 4},{base - 8} Q{x0 - 8},{base - h * .45} {x0 + 12},{top + 46}Z")
    fill = ctx.lin([(0, light(color, .18)), (.55, color), (1, dark(color, .2))], 0, 0, 1, 0)
    out = [shadow(ctx, cx, base + 4, w * .62, 22)]
    out.append(f'<path d="{body}" fill="{fill}"/>')
    if kraft:
        grain = ctx.pattern(6, 6, '<circle cx="2" cy="2" r="1" fill="#000" opacity=".08"/>')
        out.append(f'<path d="{body}" fill="{grain}"/>')
    # top seal with serrated edge
    teeth = "".join(f"L{x0 + 12 + k * 12 + 6},{top - 6} L{x0 + 12 + (k + 1) * 12},{top}" for k in range(int((w - 24) / 12)))
    out.append(f'<path d="M{x0 + 12},{top + 50} L{x0 + 12},{top} {teeth} L{x0 + w - 12},{top} L{x0 + w - 12},{top + 50}Z" fill="{dark(color, .12)}"/>')
    out.append(f'<rect x="{x0 + 12}" y="{top + 40}" width="{w - 24}" height="8" fill="{dark(color, .3)}" opacity=".5"/>')
    out.append(f'<circle cx="{x0 + 26}" cy="{top + 20}" r="6" fill="{light(color, .4)}" opacity=".8"/>')
    # window with contents
    wx, wy, ww, wh = cx - w * .32, top + h * .36, w * .64, h * .34
    shape = (f'<ellipse cx="{cx}" cy="{wy + wh / 2}" rx="{ww / 2}" ry="{wh / 2}"/>' if window == "ellipse"
             else f'<rect x="{wx}" y="{wy}" width="{ww}" height="{wh}" rx="26"/>')
    clip = ctx.clip(shape)
    out.append(f'<g clip-path="{clip}"><rect x="{wx}" y="{wy}" width="{ww}" height="{wh}" fill="{PIECE_BG.get(content, "#f4e2b8")}"/>'
               f'{fill_pieces(ctx, content, wx - 30, wy - 20, ww + 60, wh + 40, 26 if content != "floss" else 60)}</g>')
    out.append(shape.replace("/>", f' fill="none" stroke="{light(color, .5)}" stroke-width="6"/>'))
    # label band
    ly = top + h * .12
    out.append(f'<rect x="{cx - w * .36}" y="{ly}" width="{w * .72}" height="{h * .17}" rx="14" fill="#FFF8EA"/>')
    fs = fit_size(label, w * .62, int(h * .09))
    out.append(label_text(cx, ly + h * .085 + fs * .36, label, fs, dark(color, .45)))
    out.append(leaf(cx - w * .18, top + h * .78, 60, -20, light(color, .45), .8))
    out.append(leaf(cx + w * .18, top + h * .78, 60, 200, light(color, .45), .8))
    out.append(f'<rect x="{cx - w * .12}" y="{top + h * .82}" width="{w * .24}" height="{h * .045}" rx="8" fill="{light(color, .5)}" opacity=".9"/>')
    out.append(f'<path d="M{x0 + w * .16},{top + 60} Q{x0 + w * .1},{base - h * .4} {x0 + w * .16},{base - 30}" stroke="#ffffff" stroke-width="18" opacity=".16" fill="none" stroke-linecap="round"/>')
    return "".join(out)


def jar(ctx, cx, base, w, h, lid, content, label, label_color="#FFF8EA"):
    x0, top = cx - w / 2, base - h
    out = [shadow(ctx, cx, base + 4, w * .6, 20)]
    body = f'<rect x="{x0}" y="{top + 50}" width="{w}" height="{h - 50}" rx="{w * .16}"/>'
    clip = ctx.clip(body)
    out.append(f'<g clip-path="{clip}"><rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="{PIECE_BG.get(content, "#e9c38a")}"/>')
    out.append(fill_pieces(ctx, content, x0 - 20, top + 50, w + 40, h - 40, 90 if content in ("floss", "powder", "flourdot") else 30))
    out.append(f'<rect x="{x0}" y="{top}" width="{w * .22}" height="{h}" fill="#ffffff" opacity=".18"/></g>')
    out.append(body.replace("/>", ' fill="none" stroke="#ffffff" stroke-opacity=".55" stroke-width="5"/>'))
    out.append(f'<rect x="{x0 + 10}" y="{top + 8}" width="{w - 20}" height="56" rx="12" fill="{ctx.lin([(0, light(lid, .2)), (1, dark(lid, .2))])}"/>')
    for k in range(1, 8):
        out.append(f'<line x1="{x0 + 10 + k * (w - 20) / 8}" y1="{top + 14}" x2="{x0 + 10 + k * (w - 20) / 8}" y2="{top + 58}" stroke="{dark(lid, .25)}" stroke-width="2" opacity=".5"/>')
    ly, lh = top + h * .45, h * .28
    out.append(f'<rect x="{x0 + 4}" y="{ly}" width="{w - 8}" height="{lh}" fill="{label_color}"/>')
    out.append(f'<rect x="{x0 + 4}" y="{ly + 8}" width="{w - 8}" height="6" fill="{lid}" opacity=".8"/>')
    out.append(f'<rect x="{x0 + 4}" y="{ly + lh - 14}" width="{w - 8}" height="6" fill="{lid}" opacity=".8"/>')
    fs = fit_size(label, w * .8, int(lh * .32))
    out.append(label_text(cx, ly + lh / 2 + fs * .36, label, fs, dark(lid, .35)))
    return "".join(out)


def box(ctx, cx, base, w, h, d, color, top_pattern=None, label=None):
    """A simple 3/4 view carton/box."""
    x0, top = cx - w / 2, base - h
    out = [shadow(ctx, cx + d * .3, base + 4, w * .65, 22)]
    out.append(f'<path d="M{x0},{top} L{x0 + d},{top - d * .55} L{x0 + w + d},{top - d * .55} L{x0 + w},{top}Z" fill="{top_pattern or light(color, .15)}"/>')
    out.append(f'<path d="M{x0 + w},{top} L{x0 + w + d},{top - d * .55} L{x0 + w + d},{base - d * .55} L{x0 + w},{base}Z" fill="{dark(color, .22)}"/>')
    out.append(f'<rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="{color}"/>')
    if top_pattern:
        out.append(f'<rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="{top_pattern}" opacity=".85"/>')
    if label:
        out.append(f'<rect x="{x0 + w * .12}" y="{top + h * .3}" width="{w * .76}" height="{h * .36}" rx="10" fill="#FFF8EA"/>')
        fs = fit_size(label, w * .66, int(h * .2))
        out.append(label_text(cx, top + h * .48 + fs * .36, label, fs, dark(color, .5)))
    return "".join(out)


def bowl(ctx, cx, cy, rx, color, content, count=40, inside=None):
    ry = rx * .42
    out = [shadow(ctx, cx, cy + ry * .9, rx * 1.05, ry * .5)]
    out.append(f'<path d="M{cx - rx},{cy} A{rx},{ry * 2.1} 0 0 0 {cx + rx},{cy}Z" fill="{ctx.lin([(0, color), (1, dark(color, .3))], 0, 0, 1, 0)}"/>')
    out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{dark(color, .15)}"/>')
    clip = ctx.clip(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx * .94}" ry="{ry * .88}"/>')
    out.append(f'<g clip-path="{clip}"><ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{inside or PIECE_BG.get(content, "#e8c890")}"/>'
               f'{fill_pieces(ctx, content, cx - rx, cy - ry * 1.2, rx * 2, ry * 2.1, count, .9)}</g>')
    out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="none" stroke="{light(color, .35)}" stroke-width="6"/>')
    return "".join(out)


def plate_topview(ctx, cx, cy, rx, color, content, count):
    ry = rx * .62
    out = [shadow(ctx, cx, cy + 16, rx * 1.02, ry * .95)]
    out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx}" ry="{ry}" fill="{light(color, .55)}"/>')
    out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx * .8}" ry="{ry * .8}" fill="{light(color, .35)}"/>')
    clip = ctx.clip(f'<ellipse cx="{cx}" cy="{cy}" rx="{rx * .86}" ry="{ry * .86}"/>')
    out.append(f'<g clip-path="{clip}">{fill_pieces(ctx, content, cx - rx * .8, cy - ry * .75, rx * 1.6, ry * 1.5, count)}</g>')
    return "".join(out)


# --------------------------------------------------------------------------- textiles & weaves
def pat_ikat(ctx, base="#7A1F2B", motif="#E0A93B", accent="#1E1A1A", size=110):
    s = size
    c = (f'<rect width="{s}" height="{s}" fill="{base}"/>'
         f'<path d="M{s / 2},6 L{s - 6},{s / 2} L{s / 2},{s - 6} L6,{s / 2}Z" fill="{motif}"/>'
         f'<path d="M{s / 2},22 L{s - 22},{s / 2} L{s / 2},{s - 22} L22,{s / 2}Z" fill="{accent}"/>'
         f'<path d="M{s / 2},36 L{s - 36},{s / 2} L{s / 2},{s - 36} L36,{s / 2}Z" fill="{motif}"/>'
         f'<circle cx="{s / 2}" cy="{s / 2}" r="6" fill="{base}"/>')
    for k in range(0, s, 10):  # feathered ikat edges
        c += f'<rect x="{k}" y="0" width="4" height="5" fill="{motif}" opacity=".6"/><rect x="{k + 5}" y="{s - 5}" width="4" height="5" fill="{motif}" opacity=".6"/>'
    return ctx.pattern(s, s, c)


def pat_kalosara(ctx, base="#6E1A24", motif="#E3B04B", accent="#141010"):
    s = 120
    c = (f'<rect width="{s}" height="{s}" fill="{base}"/>'
         f'<circle cx="{s / 2}" cy="{s / 2}" r="34" fill="none" stroke="{motif}" stroke-width="12"/>'
         f'<circle cx="{s / 2}" cy="{s / 2}" r="34" fill="none" stroke="{accent}" stroke-width="4" stroke-dasharray="8 6"/>'
         f'<path d="M0,0 L20,0 L0,20Z M{s},0 L{s - 20},0 L{s},20Z M0,{s} L20,{s} L0,{s - 20}Z M{s},{s} L{s - 20},{s} L{s},{s - 20}Z" fill="{motif}"/>'
         f'<rect x="{s / 2 - 6}" y="{s / 2 - 6}" width="12" height="12" fill="{accent}" transform="rotate(45 {s / 2} {s / 2})"/>')
    return ctx.pattern(s, s, c)


def pat_batik(ctx, base="#F3E6CF", red="#A3262A", blue="#1F3A63"):
    s = 120
    c = f'<rect width="{s}" height="{s}" fill="{base}"/>'
    for (x, y) in [(0, 0), (s, 0), (0, s), (s, s), (s / 2, s / 2)]:  # kawung-like petals
        for a in (0, 90, 180, 270):
            c += (f'<ellipse cx="{x}" cy="{y - 20}" rx="12" ry="20" fill="{red}" transform="rotate({a} {x} {y})"/>'
                  f'<ellipse cx="{x}" cy="{y - 20}" rx="5" ry="10" fill="{base}" transform="rotate({a} {x} {y})"/>')
        c += f'<circle cx="{x}" cy="{y}" r="5" fill="{blue}"/>'
    for (x, y) in [(s / 2, 8), (8, s / 2), (s / 2, s - 8), (s - 8, s / 2)]:
        c += f'<circle cx="{x}" cy="{y}" r="4" fill="{blue}"/>'
    c += f'<path d="M30,60 q15,-18 30,0 t30,0" stroke="{blue}" stroke-width="3" fill="none"/>'
    return ctx.pattern(s, s, c)


def pat_batik_madura(ctx, base="#B02A27", motif="#F3E2C0", blue="#1D2F57"):
    s = 140
    c = f'<rect width="{s}" height="{s}" fill="{base}"/>'
    c += f'<path d="M10,120 C30,70 60,90 70,40 C80,90 110,70 130,120" stroke="{motif}" stroke-width="6" fill="none"/>'
    for (x, y, rr) in [(70, 40, 16), (20, 105, 10), (120, 105, 10)]:
        for a in range(0, 360, 60):
            c += f'<ellipse cx="{x}" cy="{y - rr}" rx="{rr * .45}" ry="{rr * .9}" fill="{motif}" transform="rotate({a} {x} {y})"/>'
        c += f'<circle cx="{x}" cy="{y}" r="{rr * .45}" fill="{blue}"/>'
    c += f'<path d="M100,20 q10,-10 22,-4 q-6,8 -22,4Z" fill="{blue}"/>'
    for k in range(8):
        c += f'<circle cx="{8 + k * 18}" cy="{s - 4}" r="2.5" fill="{motif}"/>'
    return ctx.pattern(s, s, c)


def pat_stripes(ctx, colors, widths, vertical=False, checks=False):
    total = sum(widths)
    c = ""
    pos = 0
    for col, wd in zip(colors, widths):
        c += (f'<rect x="{pos}" y="0" width="{wd}" height="{total}" fill="{col}"/>' if vertical
              else f'<rect x="0" y="{pos}" width="{total}" height="{wd}" fill="{col}"/>')
        pos += wd
    if checks:
        pos = 0
        for col, wd in zip(colors, widths):
            c += f'<rect x="{pos}" y="0" width="{wd}" height="{total}" fill="{col}" opacity=".45"/>'
            pos += wd
    return ctx.pattern(total, total, c)


def pat_weave(ctx, a="#D8B46A", b="#B8914A", cell=26, line="#8E6A30"):
    s = cell * 2
    c = (f'<rect width="{s}" height="{s}" fill="{a}"/>'
         f'<rect x="{cell}" y="0" width="{cell}" height="{cell}" fill="{b}"/><rect x="0" y="{cell}" width="{cell}" height="{cell}" fill="{b}"/>')
    for k in range(1, 4):
        o = k * cell / 4
        c += (f'<line x1="0" y1="{o}" x2="{cell}" y2="{o}" stroke="{line}" stroke-width="1.2" opacity=".5"/>'
              f'<line x1="{cell + o}" y1="0" x2="{cell + o}" y2="{cell}" stroke="{line}" stroke-width="1.2" opacity=".5"/>'
              f'<line x1="{o}" y1="{cell}" x2="{o}" y2="{s}" stroke="{line}" stroke-width="1.2" opacity=".5"/>'
              f'<line x1="{cell}" y1="{cell + o}" x2="{s}" y2="{cell + o}" stroke="{line}" stroke-width="1.2" opacity=".5"/>')
    return ctx.pattern(s, s, c)


def pat_diag_weave(ctx, a="#C89B55", b="#A67A3A", cell=22):
    s = cell * 2
    c = (f'<rect width="{s}" height="{s}" fill="{a}"/>'
         f'<rect x="0" y="0" width="{cell}" height="{s}" fill="{b}" opacity=".55"/>'
         f'<rect x="0" y="{cell - 3}" width="{s}" height="6" fill="{dark(b, .25)}" opacity=".35"/>')
    return ctx.pattern(s, s, c, "rotate(45)")


def pat_patchwork(ctx, palette):
    r = ctx.r
    s, n = 240, 4
    cell = s / n
    c = ""
    for i in range(n):
        for j in range(n):
            col = r.choice(palette)
            x, y = i * cell, j * cell
            c += f'<rect x="{x}" y="{y}" width="{cell}" height="{cell}" fill="{col}"/>'
            kind = r.randint(0, 3)
            col2 = r.choice(palette)
            if kind == 0:
                c += f'<path d="M{x},{y} L{x + cell},{y} L{x},{y + cell}Z" fill="{col2}"/>'
            elif kind == 1:
                for k in range(3):
                    c += f'<circle cx="{x + 12 + k * 18}" cy="{y + cell / 2}" r="5" fill="{col2}"/>'
            elif kind == 2:
                c += f'<rect x="{x}" y="{y + cell * .4}" width="{cell}" height="{cell * .2}" fill="{col2}"/>'
            c += f'<rect x="{x + 3}" y="{y + 3}" width="{cell - 6}" height="{cell - 6}" fill="none" stroke="#ffffff" stroke-width="1.5" stroke-dasharray="5 4" opacity=".6"/>'
    return ctx.pattern(s, s, c)


def pat_floral(ctx, base="#E9D8E8", flower="#B3476B", leafc="#5E7F58"):
    s = 70
    c = f'<rect width="{s}" height="{s}" fill="{base}"/>'
    for (x, y) in [(18, 18), (53, 52)]:
        for a in range(0, 360, 72):
            c += f'<ellipse cx="{x}" cy="{y - 6}" rx="4" ry="6" fill="{flower}" transform="rotate({a} {x} {y})"/>'
        c += f'<circle cx="{x}" cy="{y}" r="2.5" fill="#F3D27A"/>'
        c += f'<ellipse cx="{x + 11}" cy="{y + 6}" rx="5" ry="2.5" fill="{leafc}" transform="rotate(30 {x + 11} {y + 6})"/>'
    return ctx.pattern(s, s, c)


def pat_leather(ctx, c="#7B4A2A"):
    r = ctx.r
    s = 80
    content = f'<rect width="{s}" height="{s}" fill="{c}"/>'
    for _ in range(30):
        content += f'<circle cx="{r.uniform(0, s):.0f}" cy="{r.uniform(0, s):.0f}" r="{r.uniform(.8, 2):.1f}" fill="#000" opacity=".12"/>'
    return ctx.pattern(s, s, content)


def cloth_stack(ctx, cx, base, w, fill, edge, layers=3, fringe=None):
    out = [shadow(ctx, cx, base + 6, w * .62, 24)]
    lh = 46
    for k in range(layers):
        y = base - (k + 1) * lh
        xo = (k % 2) * 16 - 8
        out.append(f'<rect x="{cx - w / 2 + xo}" y="{y}" width="{w}" height="{lh}" rx="14" fill="{fill}"/>')
        out.append(f'<rect x="{cx - w / 2 + xo}" y="{y}" width="{w}" height="{lh}" rx="14" fill="{ctx.lin([(0, "#ffffff", .18), (.5, "#ffffff", 0), (1, "#000000", .25)])}"/>')
        out.append(f'<rect x="{cx - w / 2 + xo}" y="{y + lh - 8}" width="{w}" height="8" rx="4" fill="{edge}" opacity=".8"/>')
    # draped top cloth falling over the front
    ty = base - layers * lh
    d = (f"M{cx - w / 2 - 10},{ty} L{cx + w / 2 + 10},{ty} L{cx + w / 2 + 10},{ty - 60} "
         f"Q{cx + w * .1},{ty - 110} {cx - w / 2 - 10},{ty - 60}Z")
    out.append(f'<path d="{d}" fill="{fill}"/>')
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, "#ffffff", .2), (1, "#000000", .15)])}"/>')
    # hanging flap
    flap = (f"M{cx + w * .05},{ty - 4} L{cx + w * .42},{ty - 4} L{cx + w * .46},{base + 40} "
            f"Q{cx + w * .26},{base + 58} {cx + w * .08},{base + 40}Z")
    out.append(f'<path d="{flap}" fill="{fill}"/>')
    out.append(f'<path d="{flap}" fill="{ctx.lin([(0, "#000000", .05), (1, "#000000", .3)], 0, 0, 1, 0)}"/>')
    if fringe:
        for k in range(16):
            x = cx + w * .09 + k * (w * .36 / 15)
            out.append(f'<line x1="{x}" y1="{base + 42}" x2="{x + 2}" y2="{base + 72}" stroke="{fringe}" stroke-width="4" stroke-linecap="round"/>')
    return "".join(out)


def draped_cloth(ctx, cx, base, w, h, fill, sheen=True):
    x0, top = cx - w / 2, base - h
    d = (f"M{x0},{top + 40} C{x0 + w * .3},{top - 20} {x0 + w * .6},{top + 80} {x0 + w},{top + 20} "
         f"L{x0 + w - 40},{base - 20} C{x0 + w * .6},{base + 30} {x0 + w * .3},{base - 60} {x0 + 40},{base}Z")
    out = [shadow(ctx, cx, base + 10, w * .55, 24)]
    out.append(f'<path d="{d}" fill="{fill}"/>')
    if sheen:
        for k in range(4):
            x = x0 + w * (.2 + k * .2)
            out.append(f'<path d="M{x},{top + 40} C{x + 30},{top + h * .4} {x - 30},{top + h * .6} {x + 10},{base - 20}" stroke="#ffffff" stroke-width="{22 - k * 3}" opacity=".13" fill="none"/>')
            out.append(f'<path d="M{x + 40},{top + 40} C{x + 70},{top + h * .4} {x + 10},{top + h * .6} {x + 50},{base - 20}" stroke="#000000" stroke-width="14" opacity=".08" fill="none"/>')
    return "".join(out)


def hanger(cx, top, color="#6B4A2A"):
    return (f'<path d="M{cx},{top - 60} q0,-26 20,-26 q20,0 20,18" stroke="#8A8F96" stroke-width="7" fill="none" stroke-linecap="round"/>'
            f'<path d="M{cx - 170},{top + 20} L{cx},{top - 40} L{cx + 170},{top + 20}" stroke="{color}" stroke-width="12" fill="none" stroke-linecap="round" stroke-linejoin="round"/>')


def shirt(ctx, cx, top, fill, trim):
    out = [hanger(cx, top)]
    d = (f"M{cx - 70},{top - 30} L{cx - 190},{top + 10} L{cx - 250},{top + 170} L{cx - 180},{top + 200} L{cx - 150},{top + 120} "
         f"L{cx - 150},{top + 470} L{cx + 150},{top + 470} L{cx + 150},{top + 120} L{cx + 180},{top + 200} L{cx + 250},{top + 170} "
         f"L{cx + 190},{top + 10} L{cx + 70},{top - 30} Q{cx},{top + 10} {cx - 70},{top - 30}Z")
    out.append(shadow(ctx, cx + 20, top + 480, 200, 18, .18))
    out.append(f'<path d="{d}" fill="{fill}"/>')
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, "#ffffff", .12), (.5, "#ffffff", 0), (1, "#000000", .22)], 0, 0, 1, 0)}"/>')
    out.append(f'<path d="M{cx - 70},{top - 30} L{cx - 20},{top + 60} L{cx},{top + 4} Z M{cx + 70},{top - 30} L{cx + 20},{top + 60} L{cx},{top + 4}Z" fill="{trim}"/>')
    out.append(f'<rect x="{cx - 14}" y="{top + 10}" width="28" height="460" fill="{trim}" opacity=".55"/>')
    for k in range(6):
        out.append(f'<circle cx="{cx}" cy="{top + 70 + k * 70}" r="7" fill="#5A3A22"/>')
    out.append(f'<rect x="{cx - 120}" y="{top + 110}" width="70" height="80" rx="6" fill="none" stroke="{trim}" stroke-width="4" opacity=".8"/>')
    out.append(f'<path d="M{cx - 250},{top + 170} L{cx - 180},{top + 200}" stroke="{trim}" stroke-width="10"/>'
               f'<path d="M{cx + 250},{top + 170} L{cx + 180},{top + 200}" stroke="{trim}" stroke-width="10"/>')
    return "".join(out)


def dress(ctx, cx, top, fill, trim):
    out = [hanger(cx, top)]
    d = (f"M{cx - 60},{top - 34} L{cx - 150},{top + 10} L{cx - 230},{top + 260} L{cx - 180},{top + 280} L{cx - 130},{top + 130} "
         f"L{cx - 210},{top + 560} Q{cx},{top + 590} {cx + 210},{top + 560} L{cx + 130},{top + 130} L{cx + 180},{top + 280} "
         f"L{cx + 230},{top + 260} L{cx + 150},{top + 10} L{cx + 60},{top - 34} Q{cx},{top + 20} {cx - 60},{top - 34}Z")
    out.append(f'<path d="{d}" fill="{fill}"/>')
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, "#ffffff", .15), (.5, "#ffffff", 0), (1, "#000000", .2)], 0, 0, 1, 0)}"/>')
    for k in range(5):
        x = cx - 150 + k * 75
        out.append(f'<path d="M{cx + (x - cx) * .4},{top + 200} L{x},{top + 560}" stroke="#000" stroke-width="6" opacity=".06"/>')
    out.append(f'<path d="M{cx - 128},{top + 150} Q{cx},{top + 175} {cx + 128},{top + 150}" stroke="{trim}" stroke-width="10" fill="none"/>')
    out.append(f'<path d="M{cx},{top + 4} L{cx},{top + 140}" stroke="{trim}" stroke-width="6"/>')
    return "".join(out)


# --------------------------------------------------------------------------- bags & leather
def handbag(ctx, cx, base, w, h, fill, trim, handle="arc", panel=None, stitch=True):
    x0, top = cx - w / 2, base - h
    out = [shadow(ctx, cx, base + 6, w * .6, 22)]
    if handle == "arc":
        out.append(f'<path d="M{cx - w * .28},{top + 10} C{cx - w * .28},{top - h * .6} {cx + w * .28},{top - h * .6} {cx + w * .28},{top + 10}" stroke="{dark(trim, .1)}" stroke-width="22" fill="none" stroke-linecap="round"/>')
        out.append(f'<path d="M{cx - w * .28},{top + 10} C{cx - w * .28},{top - h * .6} {cx + w * .28},{top - h * .6} {cx + w * .28},{top + 10}" stroke="{light(trim, .2)}" stroke-width="6" fill="none" opacity=".5"/>')
    elif handle == "ring":
        for sx in (-1, 1):
            out.append(f'<ellipse cx="{cx + sx * w * .2}" cy="{top - h * .18}" rx="{w * .16}" ry="{h * .26}" fill="none" stroke="{trim}" stroke-width="16"/>')
    elif handle == "straps":
        for sx in (-1, 1):
            out.append(f'<path d="M{cx + sx * w * .32},{top + 10} L{cx + sx * w * .18},{top - h * .55} L{cx + sx * w * .05},{top + 10}" stroke="{trim}" stroke-width="20" fill="none" stroke-linejoin="round"/>')
    d = f"M{x0 + w * .08},{top} L{x0 + w * .92},{top} L{x0 + w},{base - 20} Q{x0 + w},{base} {x0 + w - 20},{base} L{x0 + 20},{base} Q{x0},{base} {x0},{base - 20}Z"
    out.append(f'<path d="{d}" fill="{fill}"/>')
    if panel:
        pd = f"M{x0 + w * .2},{top + h * .3} L{x0 + w * .8},{top + h * .3} L{x0 + w * .82},{base - h * .15} L{x0 + w * .18},{base - h * .15}Z"
        out.append(f'<path d="{pd}" fill="{panel}"/>')
        out.append(f'<path d="{pd}" fill="none" stroke="{trim}" stroke-width="6"/>')
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, "#ffffff", .16), (.45, "#ffffff", 0), (1, "#000000", .28)], 0, 0, 1, 0)}"/>')
    if stitch:
        s = f"M{x0 + w * .08 + 14},{top + 14} L{x0 + w * .92 - 14},{top + 14} L{x0 + w - 14},{base - 22} L{x0 + 14},{base - 22}Z"
        out.append(f'<path d="{s}" fill="none" stroke="{light(trim, .45)}" stroke-width="3" stroke-dasharray="10 7" opacity=".85"/>')
    out.append(f'<rect x="{x0 + w * .08}" y="{top}" width="{w * .84}" height="16" fill="{trim}" opacity=".85"/>')
    return "".join(out)


def wallet(ctx, cx, base, w, h, color):
    out = [shadow(ctx, cx, base + 4, w * .7, 20)]
    back = f'<path d="M{cx - w / 2},{base - h} L{cx + w / 2},{base - h - 30} L{cx + w / 2},{base - 30} L{cx - w / 2},{base}Z" fill="{dark(color, .15)}"/>'
    out.append(back)
    for k in range(4):
        y = base - h + 40 + k * 42
        out.append(f'<path d="M{cx - w / 2 + 24},{y + 12} L{cx + w / 2 - 24},{y - 16} L{cx + w / 2 - 24},{y + 8} L{cx - w / 2 + 24},{y + 36}Z" fill="{light(color, .08 + k * .04)}" stroke="{dark(color, .3)}" stroke-width="2"/>')
    front = f"M{cx - w / 2 - 30},{base - h * .55} L{cx + w / 2 - 60},{base - h * .62} L{cx + w / 2 - 20},{base + 10} L{cx - w / 2 + 10},{base + 24}Z"
    out.append(f'<path d="{front}" fill="{color}"/>')
    out.append(f'<path d="{front}" fill="{ctx.lin([(0, "#ffffff", .15), (1, "#000000", .25)], 0, 0, 1, 1)}"/>')
    out.append(f'<path d="M{cx - w / 2 - 14},{base - h * .55 + 14} L{cx + w / 2 - 72},{base - h * .62 + 14} L{cx + w / 2 - 34},{base - 2} L{cx - w / 2 + 22},{base + 10}Z" fill="none" stroke="{light(color, .5)}" stroke-width="3" stroke-dasharray="9 6"/>')
    return "".join(out)


def belt(ctx, cx, cy, color):
    out = [shadow(ctx, cx, cy + 110, 250, 26)]
    for k, rr in enumerate([210, 170, 130]):
        out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rr}" ry="{rr * .5}" fill="none" stroke="{dark(color, .25)}" stroke-width="50"/>')
        out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rr}" ry="{rr * .5}" fill="none" stroke="{mix(color, "#ffffff", .05 * k)}" stroke-width="42"/>')
        out.append(f'<ellipse cx="{cx}" cy="{cy}" rx="{rr}" ry="{rr * .5}" fill="none" stroke="{light(color, .4)}" stroke-width="2" stroke-dasharray="8 6"/>')
    out.append(f'<rect x="{cx + 150}" y="{cy - 40}" width="110" height="90" rx="16" fill="none" stroke="#C9A24A" stroke-width="16"/>')
    out.append(f'<rect x="{cx + 150}" y="{cy - 40}" width="110" height="90" rx="16" fill="none" stroke="#F2D68A" stroke-width="4" opacity=".7"/>')
    out.append(f'<line x1="{cx + 205}" y1="{cy - 30}" x2="{cx + 205}" y2="{cy + 40}" stroke="#C9A24A" stroke-width="10"/>')
    return "".join(out)


# --------------------------------------------------------------------------- rattan & crafts
def basket(ctx, cx, base, w, h, a="#D8B46A", b="#B38A45", handles=True):
    x0, top = cx - w / 2, base - h
    out = [shadow(ctx, cx, base + 4, w * .6, 20)]
    d = f"M{x0},{top} L{x0 + w},{top} L{x0 + w * .88},{base} L{x0 + w * .12},{base}Z"
    clip = ctx.clip(f'<path d="{d}"/>')
    rows = []
    for k in range(int(h / 22) + 1):
        y = top + k * 22 + 11
        rows.append(f'<path d="M{x0 - 20},{y} ' + " ".join(f"q15,{(-8 if (j + k) % 2 else 8)} 30,0" for j in range(int(w / 30) + 3))
                    + f'" stroke="{a if k % 2 else light(a, .12)}" stroke-width="18" fill="none"/>')
    for j in range(int(w / 30) + 2):
        x = x0 + j * 30
        rows.append(f'<line x1="{x}" y1="{top}" x2="{cx + (x - cx) * .88}" y2="{base}" stroke="{b}" stroke-width="5" opacity=".55"/>')
    out.append(f'<g clip-path="{clip}"><rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="{b}"/>{"".join(rows)}'
               f'<rect x="{x0}" y="{top}" width="{w}" height="{h}" fill="{ctx.lin([(0, "#ffffff", .12), (.5, "#ffffff", 0), (1, "#000000", .3)], 0, 0, 1, 0)}"/></g>')
    out.append(f'<ellipse cx="{cx}" cy="{top}" rx="{w / 2}" ry="16" fill="{dark(b, .35)}"/>')
    out.append(f'<ellipse cx="{cx}" cy="{top}" rx="{w / 2}" ry="16" fill="none" stroke="{a}" stroke-width="14"/>')
    out.append(f'<ellipse cx="{cx}" cy="{top}" rx="{w / 2}" ry="16" fill="none" stroke="{dark(a, .2)}" stroke-width="3" stroke-dasharray="10 8"/>')
    if handles:
        for sx in (-1, 1):
            hx = cx + sx * (w / 2 - 8)
            out.append(f'<path d="M{hx - 24 * sx},{top + 16} q{30 * sx},-6 {34 * sx},{26} q{-6 * sx},{24} {-28 * sx},{24}" stroke="{dark(a, .1)}" stroke-width="10" fill="none" stroke-linecap="round"/>')
    return "".join(out)


def rattan_pole(x1, y1, x2, y2, color="#B8863F", wdt=22, qx=None, qy=None):
    mid = f"Q{qx},{qy} " if qx is not None else "L"
    d = f"M{x1},{y1} {mid}{x2},{y2}"
    return (f'<path d="{d}" stroke="{dark(color, .3)}" stroke-width="{wdt + 6}" fill="none" stroke-linecap="round"/>'
            f'<path d="{d}" stroke="{color}" stroke-width="{wdt}" fill="none" stroke-linecap="round"/>'
            f'<path d="{d}" stroke="{light(color, .35)}" stroke-width="{wdt * .25}" fill="none" stroke-linecap="round" opacity=".7"/>')


def chair(ctx, cx, base, s=1.0, color="#B8863F"):
    def P(x, y):
        return cx + x * s, base + y * s
    out = [shadow(ctx, cx, base + 8, 260 * s, 30 * s)]
    weave = pat_diag_weave(ctx, light(color, .25), color, int(18 * s) or 8)
    bx, by = P(-170, -300)
    back = (f"M{P(-190, -140)[0]},{P(-190, -140)[1]} C{P(-230, -420)[0]},{P(-230, -420)[1]} {P(230, -420)[0]},{P(230, -420)[1]} "
            f"{P(190, -140)[0]},{P(190, -140)[1]}Z")
    out.append(f'<path d="{back}" fill="{weave}"/>')
    out.append(f'<path d="{back}" fill="{ctx.lin([(0, "#ffffff", .1), (1, "#000000", .25)])}"/>')
    out.append(f'<path d="{back}" fill="none" stroke="{dark(color, .1)}" stroke-width="{24 * s}" stroke-linejoin="round"/>')
    for lx in (-170, -120, 120, 170):
        x1, y1 = P(lx, -150)
        x2, y2 = P(lx * 1.05, 0)
        out.append(rattan_pole(x1, y1, x2, y2, color, 20 * s))
    seat = f'<ellipse cx="{cx}" cy="{P(0, -150)[1]}" rx="{215 * s}" ry="{62 * s}"/>'
    out.append(seat.replace("/>", f' fill="{weave}"/>'))
    out.append(seat.replace("/>", f' fill="none" stroke="{dark(color, .1)}" stroke-width="{22 * s}"/>'))
    for sx in (-1, 1):
        x1, y1 = P(200 * sx, -140)
        x2, y2 = P(230 * sx, -290)
        out.append(rattan_pole(x1, y1, x2, y2, color, 22 * s, P(270 * sx, -210)[0], P(270 * sx, -210)[1]))
    return "".join(out)


def dome(ctx, cx, base, w, h, a="#C99A4E", b="#9E7433"):
    x0 = cx - w / 2
    out = [shadow(ctx, cx, base + 6, w * .55, 22)]
    d = f"M{x0},{base} C{x0},{base - h * 1.25} {x0 + w},{base - h * 1.25} {x0 + w},{base}Z"
    clip = ctx.clip(f'<path d="{d}"/>')
    g = [f'<rect x="{x0}" y="{base - h * 1.3}" width="{w}" height="{h * 1.3}" fill="{b}"/>']
    for k in range(1, 9):
        g.append(f'<ellipse cx="{cx}" cy="{base + 10}" rx="{w / 2 * k / 8}" ry="{h * k / 8}" fill="none" stroke="{a}" stroke-width="14"/>')
    for k in range(-8, 9):
        g.append(f'<line x1="{cx}" y1="{base - h}" x2="{cx + k * w / 14}" y2="{base}" stroke="{dark(b, .2)}" stroke-width="4" opacity=".6"/>')
    for k in range(6):  # star motif
        a_ = math.radians(k * 60)
        g.append(f'<path d="M{cx},{base - h * .55} L{cx + 120 * math.cos(a_):.0f},{base - h * .55 + 70 * math.sin(a_):.0f}" stroke="{light(a, .35)}" stroke-width="10"/>')
    out.append(f'<g clip-path="{clip}">{"".join(g)}<rect x="{x0}" y="{base - h * 1.3}" width="{w}" height="{h * 1.3}" fill="{ctx.lin([(0, "#ffffff", .15), (.5, "#ffffff", 0), (1, "#000000", .3)], 0, 0, 1, 0)}"/></g>')
    out.append(f'<ellipse cx="{cx}" cy="{base}" rx="{w / 2}" ry="14" fill="none" stroke="{dark(a, .15)}" stroke-width="16"/>')
    out.append(f'<ellipse cx="{cx}" cy="{base - h * .95}" rx="34" ry="18" fill="{dark(a, .1)}"/><ellipse cx="{cx}" cy="{base - h * .98}" rx="22" ry="10" fill="{light(a, .2)}"/>')
    return "".join(out)


def keychain(ctx, x, y, shape, fill):
    out = [f'<circle cx="{x}" cy="{y}" r="26" fill="none" stroke="#A7ADB5" stroke-width="7"/>',
           f'<line x1="{x}" y1="{y + 26}" x2="{x}" y2="{y + 70}" stroke="#A7ADB5" stroke-width="5"/>']
    t = f'translate({x},{y + 160})'
    if shape == "heart":
        d = "M0,70 C-120,-10 -70,-100 0,-50 C70,-100 120,-10 0,70Z"
    elif shape == "fish":
        d = "M-90,0 C-40,-70 50,-60 80,0 C50,60 -40,70 -90,0Z M80,0 L130,-45 L120,0 L130,45Z"
    else:
        d = "M-70,-10 L0,-80 L70,-10 L70,80 L-70,80Z"
    out.append(f'<g transform="{t}"><path d="{d}" fill="{fill}" stroke="#ffffff" stroke-width="4" stroke-dasharray="8 6"/>'
               f'<path d="{d}" fill="{ctx.lin([(0, "#ffffff", .15), (1, "#000000", .2)], 0, 0, 1, 1)}"/></g>')
    return "".join(out)


def smoked_fish(ctx, x, y, s=1.0, rot=0):
    body = "M-150,0 C-90,-62 70,-66 140,-8 L210,-58 L196,0 L210,58 L140,8 C70,66 -90,62 -150,0Z"
    g = ctx.lin([(0, "#E2A54E"), (.5, "#B96A24"), (1, "#6E3A14")])
    return (f'<g transform="translate({x},{y}) rotate({rot:.0f}) scale({s})"><path d="{body}" fill="{g}" stroke="#5A2E10" stroke-width="4"/>'
            f'<circle cx="-108" cy="-10" r="9" fill="#2A1608"/><circle cx="-110" cy="-12" r="3" fill="#fff" opacity=".7"/>'
            f'<path d="M-78,-40 Q-60,0 -78,40" stroke="#5A2E10" stroke-width="4" fill="none"/>'
            + "".join(f'<path d="M{-40 + k * 32},-36 q10,36 0,72" stroke="#7A4216" stroke-width="3" fill="none" opacity=".6"/>' for k in range(5))
            + '</g>')


def banana_leaf(ctx, cx, cy, w, h):
    out = [shadow(ctx, cx, cy + 10, w * .5, h * .35)]
    d = f"M{cx - w / 2},{cy} C{cx - w * .3},{cy - h} {cx + w * .3},{cy - h} {cx + w / 2},{cy} C{cx + w * .3},{cy + h} {cx - w * .3},{cy + h} {cx - w / 2},{cy}Z"
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, "#6E9E4A"), (1, "#3F6D2E")])}"/>')
    out.append(f'<line x1="{cx - w / 2}" y1="{cy}" x2="{cx + w / 2}" y2="{cy}" stroke="#A9C985" stroke-width="6"/>')
    for k in range(-7, 8):
        out.append(f'<line x1="{cx + k * w / 16}" y1="{cy}" x2="{cx + k * w / 16 + 30}" y2="{cy - h * .6}" stroke="#5A8A3C" stroke-width="3"/>'
                   f'<line x1="{cx + k * w / 16}" y1="{cy}" x2="{cx + k * w / 16 + 30}" y2="{cy + h * .6}" stroke="#355E25" stroke-width="3"/>')
    return "".join(out)


def cup(ctx, cx, base, color="#F4EDE4", drink="#4A2A18"):
    out = [shadow(ctx, cx, base + 4, 170, 22)]
    out.append(f'<ellipse cx="{cx}" cy="{base - 6}" rx="170" ry="34" fill="{dark(color, .08)}"/>')
    out.append(f'<path d="M{cx - 110},{base - 200} L{cx + 110},{base - 200} Q{cx + 100},{base - 20} {cx},{base - 20} Q{cx - 100},{base - 20} {cx - 110},{base - 200}Z" fill="{ctx.lin([(0, light(color, .3)), (1, dark(color, .15))], 0, 0, 1, 0)}"/>')
    out.append(f'<path d="M{cx + 104},{base - 160} q70,0 60,50 q-10,40 -80,40" stroke="{dark(color, .1)}" stroke-width="18" fill="none"/>')
    out.append(f'<ellipse cx="{cx}" cy="{base - 200}" rx="110" ry="24" fill="{dark(color, .1)}"/>')
    out.append(f'<ellipse cx="{cx}" cy="{base - 198}" rx="98" ry="18" fill="{drink}"/>')
    for k in (-40, 0, 40):
        out.append(f'<path d="M{cx + k},{base - 240} q-20,-40 0,-80 t0,-80" stroke="#ffffff" stroke-width="8" fill="none" opacity=".35" stroke-linecap="round"/>')
    return "".join(out)


def glass(ctx, cx, base, drink="#C8782E", h=260):
    out = [shadow(ctx, cx, base + 4, 110, 18)]
    out.append(f'<path d="M{cx - 90},{base - h} L{cx + 90},{base - h} L{cx + 74},{base} L{cx - 74},{base}Z" fill="#ffffff" opacity=".35"/>')
    out.append(f'<path d="M{cx - 84},{base - h * .8} L{cx + 84},{base - h * .8} L{cx + 74},{base - 6} L{cx - 74},{base - 6}Z" fill="{drink}" opacity=".9"/>')
    out.append(f'<ellipse cx="{cx}" cy="{base - h * .8}" rx="84" ry="12" fill="{light(drink, .25)}"/>')
    out.append(f'<path d="M{cx - 70},{base - h + 10} L{cx - 58},{base - 14}" stroke="#ffffff" stroke-width="10" opacity=".4" stroke-linecap="round"/>')
    return "".join(out)


def sack(ctx, cx, base, w, h, color, label, content="flourdot"):
    x0, top = cx - w / 2, base - h
    out = [shadow(ctx, cx, base + 4, w * .6, 20)]
    d = f"M{x0 + 20},{top + 40} Q{cx},{top + 70} {x0 + w - 20},{top + 40} Q{x0 + w + 20},{base - h * .4} {x0 + w - 10},{base} L{x0 + 10},{base} Q{x0 - 20},{base - h * .4} {x0 + 20},{top + 40}Z"
    out.append(f'<path d="{d}" fill="{ctx.lin([(0, light(color, .2)), (1, dark(color, .15))], 0, 0, 1, 0)}"/>')
    out.append(f'<path d="M{x0 + 20},{top + 40} Q{cx},{top - 10} {x0 + w - 20},{top + 40} Q{cx},{top + 70} {x0 + 20},{top + 40}Z" fill="#F7F3EA"/>')
    out.append(fill_pieces(ctx, content, x0 + 40, top + 24, w - 80, 30, 30))
    fs = fit_size(label, w * .6, 46)
    out.append(f'<rect x="{cx - w * .34}" y="{top + h * .42}" width="{w * .68}" height="{h * .22}" rx="12" fill="#FFF8EA"/>')
    out.append(label_text(cx, top + h * .53 + fs * .36, label, fs, dark(color, .5)))
    return "".join(out)


def scoop_mound(ctx, cx, base, color="#F6F2EA"):
    return (shadow(ctx, cx, base + 6, 150, 18) + f'<path d="M{cx - 150},{base} Q{cx},{base - 150} {cx + 150},{base}Z" fill="{color}"/>'
            f'<path d="M{cx - 60},{base - 50} Q{cx},{base - 100} {cx + 40},{base - 60}" stroke="#ffffff" stroke-width="10" opacity=".6" fill="none"/>')


def tray(ctx, cx, base, w, h, color="#C8A46A"):
    out = [shadow(ctx, cx, base + 6, w * .55, 20)]
    out.append(f'<path d="M{cx - w / 2},{base - h} L{cx + w / 2},{base - h} L{cx + w / 2 - 30},{base} L{cx - w / 2 + 30},{base}Z" fill="{pat_weave(ctx, color, dark(color, .15), 18)}"/>')
    out.append(f'<rect x="{cx - w / 2}" y="{base - h - 10}" width="{w}" height="16" rx="8" fill="{dark(color, .2)}"/>')
    return "".join(out)


# --------------------------------------------------------------------------- product scenes
def first_word(p):
    return p["name"]["id"].split()[0].upper()


def product_kind(p):
    s = p["slug"]
    rules = [("set-kursi", "furniture_set"), ("kursi", "chair"), ("keranjang", "basket"), ("tudung", "dome"),
             ("gantungan", "keychain"), ("taplak", "runner"), ("tas-kulit", "bag_leather"), ("tote", "tote_patch"),
             ("dompet", "wallet"), ("ikat-pinggang", "belt"), ("tas-anyaman-pandan", "bag_pandan"), ("clutch", "clutch"),
             ("tas-nentu", "bag_nentu"), ("kemeja-seragam", "shirt_plain"), ("kemeja", "shirt_batik"), ("gamis", "dress"),
             ("selendang", "shawl"), ("gentongan", "batik_cloth"), ("batik", "batik_cloth2"), ("sarung", "sarong"),
             ("tenun", "ikat_cloth"), ("biji-sangrai", "coffee_beans"), ("kopi", "coffee"), ("jahe", "ginger"),
             ("wedang", "spice"), ("abon", "floss"), ("ikan-asap", "smoked_fish"), ("kerupuk", "crackers"),
             ("dodol", "dodol"), ("wajik", "wajik"), ("bangkit", "cookies"), ("bagea", "bagea"),
             ("mete-kupas", "cashew_bulk"), ("mete-panggang-madu", "cashew_honey"), ("mete", "cashew"),
             ("sagu-mie", "noodles"), ("tepung", "flour"), ("pisang", "banana_chips"), ("singkong", "cassava_chips"),
             ("kaca", "cassava_chips"), ("tempe", "tempe_chips")]
    for key, kind in rules:
        if key in s:
            return kind
    return "tempe_chips"


def product_palette(p, cats):
    top = p["category"]
    while cats[top]["parent"]:
        top = cats[top]["parent"]
    return PALETTES[top]


def draw_product(ctx, p, kind, pal, variant=1):
    """Object only (no background); drawn around x=600 with its base near y=670."""
    r = ctx.r
    accent = pal[2]
    label = first_word(p)
    hue = [accent, "#2F6F7E", "#7A3E7A", "#3D6B4F", "#B5462F", "#1F4E79"]
    pack = r.choice(hue)
    o = []
    if kind in ("tempe_chips", "cassava_chips", "banana_chips"):
        content = {"tempe_chips": "tempe", "cassava_chips": "cassava", "banana_chips": "banana"}[kind]
        if variant == 1:
            o.append(pouch(ctx, 560, 700, 340, 470, pack, label, content))
            o.append(scatter(ctx, content, 640, 745, 9, 300))
        else:
            o.append(plate_topview(ctx, 600, 600, 330, pal[1], content, 55))
            o.append(leaf(900, 770, 110, -30, "#5E8C3A"))
    elif kind == "floss":
        if "toples" in p["unit"]["id"]:
            o.append(jar(ctx, 520, 700, 290, 420, pack, "floss", label))
        else:
            o.append(pouch(ctx, 520, 700, 320, 460, pack, label, "floss", window="rect"))
        o.append(bowl(ctx, 820, 690, 150, "#F2EEE8", "floss", 70))
        if variant == 2:
            o = [plate_topview(ctx, 600, 600, 340, "#E9E2D6", "floss", 180)]
    elif kind in ("coffee", "coffee_beans"):
        if variant == 1:
            o.append(pouch(ctx, 430, 700, 330, 480, "#B98A58", label, "bean", kraft=True, window="rect"))
            o.append(cup(ctx, 820, 720))
            o.append(scatter(ctx, "bean", 650, 770, 14, 330))
        else:
            o.append(plate_topview(ctx, 600, 600, 340, "#D9C3A5", "bean", 120))
            o.append(cup(ctx, 980, 860))
    elif kind == "ginger":
        o.append(jar(ctx, 470, 700, 280, 380, "#8A4B22", "powder", label))
        o.append(glass(ctx, 780, 720, "#C8782E"))
        o.append(piece(ctx, "ginger", 700, 770, 1.3))
        o.append(piece(ctx, "ginger", 930, 760, 1.0))
    elif kind == "spice":
        o.append(box(ctx, 440, 700, 300, 250, 70, "#3D6B4F", label=label))
        o.append(glass(ctx, 800, 720, "#9B2C2C"))
        for k, pk in enumerate(["cinnamon", "cinnamon", "clove", "clove", "clove", "ginger"]):
            o.append(piece(ctx, pk, 560 + k * 70 + r.uniform(-20, 20), 775 + r.uniform(-12, 12), .9))
    elif kind == "dodol":
        pat = pat_weave(ctx, "#D9BE86", "#BFA066", 16)
        if variant == 1:
            o.append(box(ctx, 520, 710, 440, 150, 120, "#C9AA70", top_pattern=pat))
            for k in range(8):
                row = k // 4
                o.append(piece(ctx, "dodolwrap", 370 + row * 50 + (k % 4) * 100 + r.uniform(-5, 5), 500 + row * 34, .8))
            o.append(piece(ctx, "dodolwrap", 820, 780, .9))
            o.append(piece(ctx, "dodolwrap", 930, 760, .9))
            o.append(piece(ctx, "dodolwrap", 300, 790, .9))
        else:
            o.append(plate_topview(ctx, 600, 600, 320, "#EFE6D6", "dodolslice", 30))
    elif kind == "wajik":
        o.append(tray(ctx, 600, 690, 560, 90, "#C8A46A"))
        for i in range(5):
            for j in range(2):
                o.append(piece(ctx, "wajik", 400 + i * 100 + j * 50, 560 - j * 50, 1.0))
        o.append(leaf(880, 700, 140, -10, "#4E8A3A"))
    elif kind == "cookies":
        o.append(jar(ctx, 520, 700, 300, 380, "#B5462F", "cookie", label))
        o.append(scatter(ctx, "cookie", 820, 760, 7, 160))
    elif kind == "bagea":
        o.append(box(ctx, 470, 700, 330, 220, 80, "#A8643A", label=label))
        o.append(scatter(ctx, "bagea", 780, 760, 6, 200))
    elif kind in ("cashew", "cashew_honey"):
        content = "honeycashew" if kind == "cashew_honey" else "cashew"
        if variant == 1:
            if "toples" in p["unit"]["id"]:
                o.append(jar(ctx, 480, 700, 300, 420, "#7A3E1E", content, label))
            else:
                o.append(pouch(ctx, 480, 700, 320, 450, "#B98A58", label, content, kraft=True))
            o.append(bowl(ctx, 820, 690, 160, "#F0E7DA", content, 30))
            o.append(scatter(ctx, content, 650, 780, 6, 280))
        else:
            o.append(plate_topview(ctx, 600, 600, 330, "#E6D8C0", content, 70))
    elif kind == "cashew_bulk":
        o.append(box(ctx, 480, 700, 380, 260, 120, "#B58B5A", label="W320"))
        o.append(sack(ctx, 860, 720, 230, 240, "#CDBB9A", "RAW", "rawcashew"))
        o.append(scatter(ctx, "rawcashew", 700, 790, 6, 260))
    elif kind == "noodles":
        if variant == 1:
            o.append(pouch(ctx, 470, 700, 320, 450, "#2F6F7E", label, "noodle", window="rect"))
            o.append(bowl(ctx, 820, 690, 170, "#F4EFE7", "noodle", 22, inside="#E7DFD3"))
        else:
            o.append(plate_topview(ctx, 600, 600, 320, "#EEE6DA", "noodle", 60))
            o.append(scatter(ctx, "fishpiece", 600, 610, 2, 60))
    elif kind == "flour":
        o.append(sack(ctx, 480, 700, 320, 400, "#E9E1CF", label))
        o.append(scoop_mound(ctx, 820, 720))
    elif kind == "smoked_fish":
        if variant == 1:
            o.append(banana_leaf(ctx, 600, 650, 760, 210))
            o.append(smoked_fish(ctx, 560, 600, 1.0, -6))
            o.append(smoked_fish(ctx, 640, 690, 1.0, 4))
        else:
            o.append(banana_leaf(ctx, 600, 620, 900, 260))
            o.append(smoked_fish(ctx, 600, 610, 1.6, -4))
    elif kind == "crackers":
        o.append(pouch(ctx, 460, 700, 320, 450, "#B5462F", label, "rawcracker", window="rect"))
        o.append(bowl(ctx, 820, 690, 170, "#F1EDE6", "cracker", 18))
    elif kind == "basket":
        o.append(basket(ctx, 380, 720, 260, 200))
        o.append(basket(ctx, 640, 720, 300, 240, "#CFA75C", "#A97E3A"))
        o.append(basket(ctx, 900, 720, 220, 170, "#D9B975", "#B38A45"))
    elif kind == "chair":
        o.append(chair(ctx, 600, 760, 1.0))
    elif kind == "furniture_set":
        o.append(chair(ctx, 330, 720, .62))
        o.append(chair(ctx, 870, 720, .62))
        o.append(shadow(ctx, 600, 760, 170, 20))
        o.append(f'<ellipse cx="600" cy="640" rx="170" ry="50" fill="#CFE6EE" opacity=".75"/>')
        o.append(rattan_pole(470, 660, 480, 760, "#B8863F", 16) + rattan_pole(730, 660, 720, 760, "#B8863F", 16))
        o.append(f'<ellipse cx="600" cy="640" rx="170" ry="50" fill="none" stroke="#9C6E30" stroke-width="14"/>')
    elif kind == "dome":
        o.append(dome(ctx, 600, 720, 560, 420))
    elif kind == "keychain":
        pal_pw = ["#C0392B", "#E67E22", "#2E86AB", "#F1C40F", "#8E44AD", "#27AE60", "#F5E6CA", "#1F3A63"]
        o.append(f'<rect x="180" y="150" width="840" height="22" rx="11" fill="#8A5A32"/>')
        for k, sh in enumerate(["heart", "fish", "house", "heart"]):
            o.append(keychain(ctx, 300 + k * 200, 190 + (k % 2) * 30, sh, pat_patchwork(ctx, pal_pw)))
    elif kind == "runner":
        pal_pw = ["#A3262A", "#E3B04B", "#1F3A63", "#F3E6CF", "#5E7F58", "#C96B3C"]
        pw = pat_patchwork(ctx, pal_pw)
        o.append(shadow(ctx, 600, 760, 460, 30))
        o.append(f'<path d="M180,520 L1020,520 L1100,760 L100,760Z" fill="#E9DCC6"/>')
        o.append(f'<path d="M430,510 L770,510 L830,780 L370,780Z" fill="{pw}"/>')
        o.append(f'<path d="M430,510 L770,510 L830,780 L370,780Z" fill="{ctx.lin([(0, "#ffffff", .1), (1, "#000000", .2)])}"/>')
        o.append(glass(ctx, 880, 600, "#D9A14E", 160))
    elif kind == "tote_patch":
        pw = pat_patchwork(ctx, ["#A3262A", "#E3B04B", "#1F3A63", "#F3E6CF", "#5E7F58", "#C96B3C"])
        o.append(handbag(ctx, 600, 740, 420, 420, "#E8DCC4", "#B08A5A", "straps", panel=pw))
    elif kind == "bag_leather":
        col = r.choice(["#7B4A2A", "#8E5A32", "#5E3A22"])
        o.append(handbag(ctx, 600, 740, 460, 380, pat_leather(ctx, col), dark(col, .2), "arc"))
        o.append(f'<rect x="570" y="400" width="60" height="40" rx="8" fill="#C9A24A"/>')
    elif kind == "wallet":
        o.append(wallet(ctx, 600, 720, 440, 280, "#6E4326"))
    elif kind == "belt":
        o.append(belt(ctx, 560, 600, "#7B4A2A"))
    elif kind == "bag_pandan":
        checks = pat_weave(ctx, "#E2C58C", "#6B4A2E", 30, "#5A3E24")
        o.append(handbag(ctx, 600, 740, 440, 360, checks, "#A67A3A", "ring"))
    elif kind == "clutch":
        fine = pat_weave(ctx, "#E6CC98", "#CDAE74", 12)
        o.append(shadow(ctx, 600, 700, 300, 24))
        o.append(f'<rect x="320" y="440" width="560" height="250" rx="30" fill="{fine}"/>')
        o.append(f'<path d="M320,470 Q600,600 880,470 L880,440 Q880,420 850,420 L350,420 Q320,420 320,440Z" fill="{light("#CDAE74", .1)}"/>')
        o.append(f'<path d="M320,470 Q600,600 880,470" stroke="#8A6A3A" stroke-width="6" fill="none"/>')
        o.append(f'<path d="M880,450 C1000,380 1010,240 930,220" stroke="#C9A24A" stroke-width="6" fill="none" stroke-dasharray="14 6"/>')
        o.append(f'<rect x="320" y="440" width="560" height="250" rx="30" fill="{ctx.lin([(0, "#ffffff", .12), (1, "#000000", .22)])}"/>')
    elif kind == "bag_nentu":
        weave = pat_diag_weave(ctx, "#C99A4E", "#9E7433", 16)
        o.append(handbag(ctx, 600, 740, 430, 340, weave, "#7A5A2E", "arc", panel=pat_kalosara(ctx)))
    elif kind in ("ikat_cloth", "sarong"):
        fill = (pat_kalosara(ctx) if kind == "ikat_cloth"
                else pat_stripes(ctx, ["#1F4D3A", "#A3262A", "#1F4D3A", "#E3B04B", "#1F4D3A"], [40, 14, 30, 10, 26], checks=True))
        if variant == 1:
            o.append(cloth_stack(ctx, 580, 720, 560, fill, "#E3B04B", 3, fringe="#E3B04B" if kind == "ikat_cloth" else None))
        else:
            o.append(draped_cloth(ctx, 600, 800, 1000, 640, fill))
    elif kind in ("batik_cloth", "batik_cloth2"):
        fill = pat_batik_madura(ctx) if kind == "batik_cloth" else pat_batik_madura(ctx, "#1D2F57", "#F3E2C0", "#B02A27")
        if variant == 1:
            o.append(cloth_stack(ctx, 580, 720, 560, fill, "#F3E2C0", 3))
        else:
            o.append(draped_cloth(ctx, 600, 800, 1000, 640, fill))
    elif kind == "shawl":
        o.append(draped_cloth(ctx, 600, 760, 860, 520, pat_batik(ctx, "#EADBC5", "#A3262A", "#3A2A5A")))
    elif kind == "shirt_batik":
        o.append(shirt(ctx, 600, 190, pat_batik(ctx, "#2C3E63", "#D9A441", "#F3E6CF"), "#1C2A45"))
    elif kind == "shirt_plain":
        o.append(shirt(ctx, 600, 190, "#F2F2EE", "#9AA5B1"))
        o.append(f'<circle cx="520" cy="330" r="22" fill="#1F4E79"/><circle cx="520" cy="330" r="10" fill="#E3B04B"/>')
    elif kind == "dress":
        o.append(dress(ctx, 600, 170, pat_floral(ctx), "#7A3550"))
    return "".join(o)


def texture_closeup(ctx, fill):
    return (f'<rect width="{W}" height="{H}" fill="{fill}"/>'
            f'<path d="M0,300 C300,200 700,420 1200,280 L1200,0 L0,0Z" fill="#ffffff" opacity=".08"/>'
            f'<path d="M0,640 C400,560 800,760 1200,620 L1200,900 L0,900Z" fill="#000000" opacity=".16"/>'
            f'<rect width="{W}" height="{H}" fill="{ctx.rad([(0, "#000000", 0), (.75, "#000000", .05), (1, "#000000", .45)], r=.75)}"/>')


def product_svg(p, cats, variant):
    ctx = Ctx(p["slug"] + f"#{variant}")
    pal = product_palette(p, cats)
    kind = product_kind(p)
    textures = {"bag_pandan": lambda: pat_weave(ctx, "#E2C58C", "#6B4A2E", 60, "#5A3E24"),
                "bag_leather": lambda: pat_leather(ctx, "#7B4A2A"),
                "keychain": lambda: pat_patchwork(ctx, ["#C0392B", "#E67E22", "#2E86AB", "#F1C40F", "#8E44AD", "#27AE60"]),
                "chair": lambda: pat_diag_weave(ctx, "#D9AE68", "#B8863F", 40),
                "tote_patch": lambda: pat_patchwork(ctx, ["#A3262A", "#E3B04B", "#1F3A63", "#F3E6CF", "#5E7F58"]),
                "bag_nentu": lambda: pat_diag_weave(ctx, "#C99A4E", "#9E7433", 40),
                "dome": lambda: pat_diag_weave(ctx, "#C99A4E", "#9E7433", 40)}
    if variant == 2 and kind in textures:
        body = texture_closeup(ctx, textures[kind]())
        if kind == "bag_leather":
            body += ('<path d="M-20,520 C300,470 800,560 1220,480" stroke="#E8D4B0" stroke-width="5" stroke-dasharray="22 12" fill="none"/>'
                     '<path d="M-20,560 C300,510 800,600 1220,520" stroke="#3A2010" stroke-width="10" fill="none" opacity=".5"/>')
        return ctx.svg(body)
    body = background(ctx, pal[0], pal[1])
    body += draw_product(ctx, p, kind, pal, variant)
    return ctx.svg(body)


# --------------------------------------------------------------------------- people & places
FACE = ('<circle cx="-11" cy="-12" r="3.5" fill="#2A1C14"/><circle cx="11" cy="-12" r="3.5" fill="#2A1C14"/>'
        '<path d="M-10,6 Q0,14 10,6" stroke="#5A2E1A" stroke-width="3" fill="none" stroke-linecap="round"/>')
SKIN = ["#C68E63", "#A8724B", "#D9A47A", "#8E5B3A"]
CLOTHES = ["#2F6F7E", "#B5462F", "#3D6B4F", "#7A3E7A", "#1F4E79", "#C9843A", "#8A2E3B"]


def person(ctx, x, y, s=1.0, hijab=None, shirt=None, back=False):
    r = ctx.r
    skin = r.choice(SKIN)
    shirt = shirt or r.choice(CLOTHES)
    out = [f'<g transform="translate({x},{y}) scale({s})">']
    out.append(f'<path d="M-70,160 Q-70,40 0,40 Q70,40 70,160Z" fill="{shirt}"/>')
    out.append(f'<path d="M-70,160 Q-70,40 0,40 Q70,40 70,160Z" fill="{ctx.lin([(0, "#ffffff", .12), (1, "#000000", .2)], 0, 0, 1, 0)}"/>')
    if hijab:
        out.append(f'<path d="M-52,10 Q-56,-70 0,-72 Q56,-70 52,10 Q40,60 0,64 Q-40,60 -52,10Z" fill="{hijab}"/>')
        if not back:
            out.append(f'<ellipse cx="0" cy="-10" rx="30" ry="36" fill="{skin}"/>' + FACE)
    else:
        out.append(f'<rect x="-14" y="20" width="28" height="30" fill="{skin}"/>')
        out.append(f'<ellipse cx="0" cy="-10" rx="38" ry="44" fill="{skin}"/>')
        out.append(f'<path d="M-40,-14 Q-44,-62 0,-60 Q44,-62 40,-14 Q30,-40 0,-38 Q-30,-40 -40,-14Z" fill="#2A1C14"/>' + FACE if not back
                   else '<ellipse cx="0" cy="-18" rx="39" ry="40" fill="#2A1C14"/>')
    out.append("</g>")
    return "".join(out)


def region_backdrop(ctx, region, horizon=560):
    sky = REGION_SKY[region]
    r = ctx.r
    o = [f'<rect width="{W}" height="{H}" fill="{ctx.lin([(0, light(sky[0], .2)), (1, sky[1])])}"/>']
    o.append(f'<circle cx="{r.randint(150, 1050)}" cy="{r.randint(110, 200)}" r="70" fill="#FFF3D6" opacity=".85"/>')
    if region == "kota-malang":
        o.append(f'<path d="M-50,{horizon} L260,230 L380,300 L560,180 L900,{horizon}Z" fill="#8C86A8" opacity=".55"/>')
        o.append(f'<path d="M500,{horizon} L820,260 L1000,360 L1260,{horizon}Z" fill="#7C7A9E" opacity=".5"/>')
        o.append(f'<path d="M0,{horizon} C200,{horizon - 90} 400,{horizon - 40} 600,{horizon - 70} C800,{horizon - 100} 1000,{horizon - 40} 1200,{horizon - 60} L1200,{horizon}Z" fill="#7FA06A"/>')
    elif region in ("kota-tangerang", "kota-tangerang-selatan"):
        for k in range(14):
            bw, bh = r.randint(50, 110), r.randint(90, 300 if region == "kota-tangerang-selatan" else 200)
            bx = k * 90 + r.randint(-20, 20)
            col = mix(sky[1], "#5A5A78", r.uniform(.35, .55))
            o.append(f'<rect x="{bx}" y="{horizon - bh}" width="{bw}" height="{bh}" fill="{col}" opacity=".7"/>')
            for wy in range(horizon - bh + 16, horizon - 10, 26):
                o.append(f'<rect x="{bx + 10}" y="{wy}" width="{bw - 20}" height="6" fill="#FFF1D0" opacity=".25"/>')
        o.append(f'<path d="M0,{horizon} C300,{horizon - 40} 900,{horizon - 30} 1200,{horizon - 50} L1200,{horizon}Z" fill="#7FA06A"/>')
    else:  # coastal regions
        sea_y = horizon - 110
        if region == "kota-kendari":
            o.append(f'<path d="M-40,{sea_y} C150,{sea_y - 160} 380,{sea_y - 120} 520,{sea_y} Z" fill="#6F8F6A" opacity=".8"/>')
            o.append(f'<path d="M700,{sea_y} C850,{sea_y - 140} 1100,{sea_y - 170} 1260,{sea_y}Z" fill="#5F8060" opacity=".8"/>')
        else:
            o.append(f'<path d="M-10,{sea_y - 40} L1210,{sea_y - 60}" stroke="#8A8AA0" stroke-width="6" opacity=".5"/>')
            for k in range(12):
                o.append(f'<line x1="{k * 100 + 40}" y1="{sea_y - 44 - k * 1.7}" x2="{k * 100 + 40}" y2="{sea_y}" stroke="#8A8AA0" stroke-width="4" opacity=".35"/>')
        o.append(f'<rect x="0" y="{sea_y}" width="{W}" height="{horizon - sea_y}" fill="{ctx.lin([(0, "#6FA9B5"), (1, "#3F7F8F")])}"/>')
        for k in range(3):
            bx = r.randint(100, 1000)
            by = sea_y + r.randint(30, 80)
            o.append(f'<path d="M{bx - 60},{by} L{bx + 60},{by} L{bx + 40},{by + 18} L{bx - 40},{by + 18}Z" fill="{r.choice(["#B5462F", "#E3B04B", "#2F6F7E"])}"/>'
                     f'<line x1="{bx}" y1="{by}" x2="{bx}" y2="{by - 60}" stroke="#5A3A22" stroke-width="4"/>'
                     f'<path d="M{bx + 2},{by - 58} L{bx + 42},{by - 8} L{bx + 2},{by - 8}Z" fill="#F7EBD3"/>')
        for k in range(8):
            o.append(f'<path d="M{r.randint(0, 1150)},{r.randint(sea_y + 20, horizon - 10)} q15,-6 30,0" stroke="#ffffff" stroke-width="3" opacity=".35" fill="none"/>')
    return "".join(o)


def workshop(ctx, producer, product_inset, pal):
    r = ctx.r
    wall = r.choice(["#F4E6CF", "#EFDCC0", "#F2E2D4", "#E8DCC8"])
    roof = r.choice(["#A9482E", "#8E3B2A", "#B9582F"])
    aw1, aw2 = pal[2], "#FFF5E4"
    o = [f'<rect x="0" y="640" width="{W}" height="260" fill="{ctx.lin([(0, "#B49A78"), (1, "#8C7458")])}"/>']
    o.append(f'<rect x="0" y="650" width="{W}" height="70" fill="#CDBB9C"/>')
    for k in range(0, W, 80):
        o.append(f'<line x1="{k}" y1="650" x2="{k - 30}" y2="720" stroke="#B7A483" stroke-width="3"/>')
    o.append(f'<line x1="0" y1="685" x2="{W}" y2="685" stroke="#B7A483" stroke-width="3"/>')
    o.append(f'<rect x="0" y="720" width="{W}" height="10" fill="#9C8766"/>')
    o.append(shadow(ctx, 600, 650, 420, 20, .25))
    o.append(f'<path d="M190,300 L600,170 L1010,300Z" fill="{roof}"/>')
    for k in range(9):
        o.append(f'<line x1="{230 + k * 92.5}" y1="298" x2="600" y2="176" stroke="{dark(roof, .2)}" stroke-width="3" opacity=".4"/>')
    o.append(f'<rect x="220" y="300" width="760" height="350" fill="{wall}"/>')
    # sign board
    name = producer["name"]
    words = name.split()
    while len(" ".join(words)) > 26 and len(words) > 2:
        words = words[1:]  # drop generic leading words ("Kelompok", "Pengolah", ...)
    sign = " ".join(words)
    fs = fit_size(sign.upper(), 520, 40, 20)
    o.append(f'<rect x="320" y="318" width="560" height="70" rx="10" fill="{dark(pal[2], .15)}"/>')
    o.append(label_text(600, 353 + fs * .36, sign.upper(), fs, "#FFF5E4", spacing=1))
    # awning
    ay = 400
    for k in range(10):
        col = aw1 if k % 2 == 0 else aw2
        o.append(f'<path d="M{240 + k * 72},{ay} L{240 + (k + 1) * 72},{ay} L{240 + (k + 1) * 72},{ay + 50} Q{240 + k * 72 + 36},{ay + 70} {240 + k * 72},{ay + 50}Z" fill="{col}"/>')
    # door and windows
    o.append(f'<rect x="545" y="480" width="110" height="170" fill="{dark(wall, .45)}"/><circle cx="640" cy="570" r="6" fill="#E3B04B"/>')
    for wx in (270, 700):
        o.append(f'<rect x="{wx}" y="480" width="230" height="140" fill="#FDF6E8" stroke="{dark(wall, .35)}" stroke-width="10"/>')
        wclip = ctx.clip(f'<rect x="{wx + 5}" y="485" width="220" height="130"/>')
        o.append(f'<g clip-path="{wclip}"><g transform="translate({wx + 115},{606}) scale(0.17) translate(-600,-760)">{product_inset}</g></g>')
    # plants
    for px in (200, 1000):
        o.append(f'<rect x="{px - 30}" y="590" width="60" height="60" fill="#A9482E"/>')
        for k in range(5):
            o.append(leaf(px, 590, 90, -150 + k * 30, "#4E8A3A"))
    return "".join(o)


def producer_svg(prod, cats, products):
    ctx = Ctx("producer:" + prod["slug"])
    mine = [p for p in products if p["producer"] == prod["slug"]]
    main = mine[0] if mine else None
    pal = product_palette(main, cats) if main else PALETTES["makanan-ringan"]
    body = region_backdrop(ctx, prod["region"], 640)
    inset = draw_product(ctx, main, product_kind(main), pal) if main else ""
    body += workshop(ctx, prod, inset, pal)
    body += person(ctx, 1105, 520, .85, hijab=ctx.r.choice([None, "#7A3550", "#2F6F7E"]))
    return ctx.svg(body)


def table_scene(ctx, region, items_svg, people=3):
    body = region_backdrop(ctx, region, 560)
    body += f'<rect x="0" y="560" width="{W}" height="340" fill="{ctx.lin([(0, "#C9A97C"), (1, "#9C7D56")])}"/>'
    xs = [220, 600, 980][:people]
    for k, x in enumerate(xs):
        body += person(ctx, x, 400, 1.5, hijab=["#7A3550", None, "#2F6F7E"][k % 3] if ctx.r.random() < .8 else None)
    top = ctx.lin([(0, "#B98A58"), (1, "#8C6440")])
    body += f'<path d="M-20,590 L1220,590 L1220,900 L-20,900Z" fill="{top}"/>'
    for k in range(6):
        body += f'<path d="M-20,{630 + k * 48} C300,{620 + k * 48} 800,{650 + k * 48} 1220,{632 + k * 48}" stroke="#7A5634" stroke-width="2" opacity=".25" fill="none"/>'
    body += f'<rect x="-20" y="584" width="1240" height="12" fill="#D2A874"/>'
    body += items_svg
    return body


def story_svg(st, cats, producers, products):
    ctx = Ctx("story:" + st["slug"])
    region = st["region"] or "kota-malang"
    if st["producer"]:
        mine = [p for p in products if p["producer"] == st["producer"]]
        main = mine[0]
        pal = product_palette(main, cats)
        inset = draw_product(ctx, main, product_kind(main), pal)
        items = f'<g transform="translate(600,800) scale(0.5) translate(-600,-760)">{inset}</g>'
        return ctx.svg(table_scene(ctx, region, items))
    slug = st["slug"]
    if "kurasi" in slug:
        return ctx.svg(curation_scene(ctx, region, products))
    if "halal" in slug:
        return ctx.svg(halal_scene(ctx, region))
    if "paguyuban" in slug:
        return ctx.svg(circle_scene(ctx, region))
    return ctx.svg(training_scene(ctx, region, slug))


def screen_content(ctx, topic):
    """What the projector shows, so training images differ by subject."""
    o = []
    if "kemasan" in topic or "teknologi" in topic:
        o.append(pouch(ctx, 470, 385, 150, 230, "#B5462F", "LABEL", "tempe"))
        for k in range(5):
            o.append(f'<rect x="600" y="{150 + k * 42}" width="{230 - k * 25}" height="16" rx="6" fill="#C9B79A"/>')
            o.append(f'<circle cx="580" cy="{158 + k * 42}" r="8" fill="#3D6B4F"/>')
    elif "halal" in topic:
        o.append('<circle cx="480" cy="255" r="95" fill="none" stroke="#3D6B4F" stroke-width="14"/>'
                 '<circle cx="480" cy="255" r="70" fill="#3D6B4F"/><path d="M445,255 l25,25 l45,-55" stroke="#FDF8EE" stroke-width="14" fill="none"/>')
        for k in range(5):
            o.append(f'<rect x="610" y="{160 + k * 40}" width="{220 - k * 20}" height="16" rx="6" fill="#C9B79A"/>')
    elif "ikan" in topic or "cppob" in topic:
        o.append(f'<g transform="translate(600,250) scale(.9) translate(-600,-620)">{smoked_fish(ctx, 600, 620, 1.2, -4)}</g>')
        o.append('<path d="M380,360 L820,360" stroke="#3D6B4F" stroke-width="6" stroke-dasharray="18 10"/>')
    elif "wub" in topic:
        o.append(f'<g transform="translate(470,140) scale(.38) translate(-600,-190)">{shirt(ctx, 600, 190, "#2F6F7E", "#1C2A45")}</g>')
        o.append(pouch(ctx, 730, 385, 150, 230, "#C9843A", "KERIPIK", "cassava"))
    else:
        for k, hgt in enumerate([80, 130, 110, 170, 210]):
            o.append(f'<rect x="{380 + k * 90}" y="{370 - hgt}" width="56" height="{hgt}" rx="6" fill="{CLOTHES[k]}"/>')
        o.append('<path d="M380,300 L470,250 L560,270 L650,200 L740,150 L830,130" stroke="#B5462F" stroke-width="6" fill="none"/>')
    return "".join(o)


def training_scene(ctx, region, topic=""):
    r = ctx.r
    wall = "#F1E3CF"
    o = [f'<rect width="{W}" height="{H}" fill="{ctx.lin([(0, light(wall, .2)), (1, dark(wall, .08))])}"/>']
    o.append(f'<rect x="0" y="610" width="{W}" height="290" fill="{ctx.lin([(0, "#B88B5E"), (1, "#8E6844")])}"/>')
    o.append(f'<rect x="300" y="90" width="600" height="330" rx="8" fill="#3A3F4A"/>')
    o.append(f'<rect x="318" y="108" width="564" height="294" fill="{ctx.lin([(0, "#FDF8EE"), (1, "#F1E6D2")])}"/>')
    o.append(screen_content(ctx, topic))
    o.append(f'<rect x="120" y="110" width="120" height="300" rx="10" fill="{REGION_BANNER.get(region, "#2F6F7E")}"/>')
    o.append(f'<rect x="960" y="110" width="120" height="300" rx="10" fill="{REGION_BANNER.get(region, "#2F6F7E")}"/>')
    o.append(person(ctx, 1010, 470, 1.1, shirt="#1F4E79"))
    o.append(f'<rect x="900" y="560" width="220" height="24" rx="6" fill="#7A5634"/><rect x="915" y="584" width="190" height="60" fill="#8C6440"/>')
    for row in range(3):
        for k in range(7):
            x = 90 + k * 175 + (row % 2) * 85 + r.uniform(-10, 10)
            y = 640 + row * 95
            o.append(person(ctx, x, y, .72 + row * .13, hijab=r.choice([None, "#7A3550", "#2F6F7E", "#C9843A", "#E9E1CF", None]), back=True))
    return "".join(o)


REGION_BANNER = {"kota-malang": "#2F6F7E", "kota-tangerang": "#B5462F", "kota-tangerang-selatan": "#3D6B4F",
                 "kabupaten-bangkalan": "#8A2E3B", "kota-kendari": "#1F4E79"}


def curation_scene(ctx, region, products):
    r = ctx.r
    picks = [p for p in products if p["published"]]
    local = [p for p in picks if PRODUCER_REGION.get(p["producer"]) == region]
    if len(local) >= 4:
        picks = local
    r.shuffle(picks)
    items = ""
    for k, p in enumerate(picks[:4]):
        inset = draw_product(ctx, p, product_kind(p), product_palette(p, CATS))
        items += f'<g transform="translate({190 + k * 270},750) scale(0.3) translate(-600,-760)">{inset}</g>'
    # clipboard
    items += ('<g transform="translate(1010,760) rotate(-8)"><rect x="-80" y="-90" width="160" height="200" rx="10" fill="#8C6440"/>'
              '<rect x="-66" y="-70" width="132" height="168" fill="#FFFDF7"/>'
              + "".join(f'<path d="M-50,{-40 + k * 36} l10,10 l18,-20" stroke="#3D6B4F" stroke-width="6" fill="none"/><rect x="-10" y="{-40 + k * 36}" width="60" height="8" fill="#C9B79A"/>' for k in range(4))
              + '<rect x="-30" y="-98" width="60" height="22" rx="6" fill="#A7ADB5"/></g>')
    return table_scene(ctx, region, items)


def halal_scene(ctx, region):
    items = ('<g transform="translate(600,740) rotate(-4)"><rect x="-230" y="-150" width="460" height="300" rx="8" fill="#FFFDF7" stroke="#C9B79A" stroke-width="4"/>'
             '<rect x="-200" y="-120" width="400" height="22" fill="#3D6B4F"/>'
             + "".join(f'<rect x="-200" y="{-80 + k * 30}" width="{300 - k * 30}" height="10" fill="#D9CDB8"/>' for k in range(5))
             + '<circle cx="140" cy="70" r="56" fill="none" stroke="#3D6B4F" stroke-width="8"/><circle cx="140" cy="70" r="40" fill="#3D6B4F" opacity=".85"/>'
             '<path d="M118,70 l16,16 l30,-34" stroke="#FFFDF7" stroke-width="8" fill="none"/></g>')
    items += '<g transform="translate(230,770) scale(.8)"><rect x="-60" y="-80" width="120" height="150" rx="14" fill="#B5462F"/><rect x="-45" y="-40" width="90" height="50" fill="#FFF8EA"/></g>'
    items += '<g transform="translate(970,770) scale(.8)"><rect x="-70" y="-60" width="140" height="120" rx="16" fill="#2F6F7E"/><rect x="-50" y="-20" width="100" height="40" fill="#FFF8EA"/></g>'
    return table_scene(ctx, region, items)


def circle_scene(ctx, region):
    r = ctx.r
    body = region_backdrop(ctx, region, 560)
    body += f'<rect x="0" y="560" width="{W}" height="340" fill="{ctx.lin([(0, "#C9A97C"), (1, "#9C7D56")])}"/>'
    body += shadow(ctx, 600, 720, 330, 60)
    body += f'<ellipse cx="600" cy="700" rx="300" ry="80" fill="#7A5634"/><ellipse cx="600" cy="690" rx="300" ry="80" fill="#A87C4E"/>'
    for k in range(7):
        a = math.pi + k * math.pi / 6
        x, y = 600 + 420 * math.cos(a), 640 + 120 * math.sin(a)
        body += person(ctx, x, y - 120, 1.0, hijab=r.choice([None, "#7A3550", "#2F6F7E", "#C9843A"]))
    body += f'<g transform="translate(520,690) scale(.22) translate(-600,-760)">{smoked_fish(ctx, 600, 700, 1.0)}</g>'
    body += f'<g transform="translate(700,690) scale(.22) translate(-600,-760)">{basket(ctx, 600, 760, 300, 220)}</g>'
    return body


def event_svg(ev, products):
    ctx = Ctx("event:" + ev["slug"])
    kind, region = ev["kind"], ev["region"]
    if kind == "Training":
        return ctx.svg(training_scene(ctx, region, ev["slug"]))
    if kind == "CurationDay":
        return ctx.svg(curation_scene(ctx, region, products))
    if kind == "Exhibition":
        return ctx.svg(exhibition_scene(ctx, region, products))
    return ctx.svg(study_visit_scene(ctx, region))


def exhibition_scene(ctx, region, products):
    r = ctx.r
    o = [f'<rect width="{W}" height="{H}" fill="{ctx.lin([(0, "#F8EBD8"), (1, "#E9CFAE")])}"/>']
    for k in range(0, W, 120):  # hall roof trusses
        o.append(f'<path d="M{k},0 L{k + 60},70 L{k + 120},0" stroke="#C9B290" stroke-width="6" fill="none"/>')
    o.append(f'<rect x="0" y="70" width="{W}" height="10" fill="#C9B290"/>')
    for k in range(6):  # hanging flags
        o.append(f'<path d="M{120 + k * 190},80 L{200 + k * 190},80 L{200 + k * 190},170 L{160 + k * 190},150 L{120 + k * 190},170Z" fill="{CLOTHES[k]}"/>')
    o.append(f'<rect x="0" y="640" width="{W}" height="260" fill="{ctx.lin([(0, "#D9C4A6"), (1, "#B89E7C")])}"/>')
    picks = [p for p in products if p["published"] and p["featured"]]
    r.shuffle(picks)
    for k in range(3):
        bx = 40 + k * 390
        col = CLOTHES[(k * 2) % len(CLOTHES)]
        o.append(f'<rect x="{bx}" y="240" width="340" height="420" fill="#FBF5EA" stroke="#D8C6A8" stroke-width="6"/>')
        o.append(f'<rect x="{bx}" y="220" width="340" height="60" fill="{col}"/>')
        o.append(f'<rect x="{bx + 20}" y="540" width="300" height="120" fill="{dark(col, .1)}"/>')
        if k < len(picks):
            inset = draw_product(ctx, picks[k], product_kind(picks[k]), product_palette(picks[k], CATS))
            o.append(f'<g transform="translate({bx + 170},545) scale(0.36) translate(-600,-760)">{inset}</g>')
    for k in range(5):
        o.append(person(ctx, 150 + k * 230 + r.uniform(-30, 30), 700, 1.2, hijab=r.choice([None, "#7A3550", "#2F6F7E"]), back=True))
    return "".join(o)


def study_visit_scene(ctx, region):
    o = [region_backdrop(ctx, "kota-kendari" if region == "kota-kendari" else region, 600)]
    # factory with sawtooth roof
    o.append(f'<rect x="560" y="330" width="600" height="270" fill="#D8D2C8"/>')
    for k in range(5):
        o.append(f'<path d="M{560 + k * 120},330 L{560 + k * 120},250 L{680 + k * 120},330Z" fill="#B9B2A6"/>')
        o.append(f'<rect x="{590 + k * 120}" y="420" width="70" height="60" fill="#8FB3C0"/>')
    o.append(f'<rect x="1060" y="160" width="40" height="180" fill="#A9A196"/>')
    o.append(f'<rect x="0" y="600" width="{W}" height="300" fill="{ctx.lin([(0, "#9A9A94"), (1, "#7A7A74")])}"/>')
    for k in range(0, W, 160):
        o.append(f'<rect x="{k + 30}" y="740" width="90" height="12" fill="#F5F0E6" opacity=".8"/>')
    # bus
    o.append(shadow(ctx, 400, 720, 330, 24))
    o.append(f'<rect x="80" y="440" width="640" height="270" rx="40" fill="#2F6F7E"/>')
    o.append(f'<rect x="80" y="610" width="640" height="26" fill="#E3B04B"/>')
    for k in range(5):
        o.append(f'<rect x="{110 + k * 118}" y="470" width="100" height="100" rx="12" fill="#CFE6EE"/>')
        o.append(person(ctx, 160 + k * 118, 535, .45, hijab=ctx.r.choice([None, "#7A3550", "#C9843A"])))
    for wx in (220, 590):
        o.append(f'<circle cx="{wx}" cy="710" r="48" fill="#2A2A2A"/><circle cx="{wx}" cy="710" r="20" fill="#A7ADB5"/>')
    o.append(f'<rect x="690" y="520" width="30" height="40" fill="#FFF1C0"/>')
    for k in range(4):
        o.append(person(ctx, 820 + k * 95, 650, .8, hijab=ctx.r.choice([None, "#7A3550", "#2F6F7E"])))
    return "".join(o)


# --------------------------------------------------------------------------- output
def render(svg_text, out_path, keep_svg=False):
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        svg_path = os.path.join(td, "in.svg")
        with open(svg_path, "w", encoding="utf-8") as f:
            f.write(svg_text)
        if keep_svg:
            shutil.copy(svg_path, out_path[:-4] + ".svg")
        for q in (82, 76, 70, 62, 55):
            subprocess.run(["vips", "copy", svg_path, f"{out_path}[Q={q},strip,optimize_coding]"], check=True)
            if os.path.getsize(out_path) <= MAX_BYTES:
                break
    return os.path.getsize(out_path)


def load(name):
    with open(os.path.join(SEED, name), encoding="utf-8") as f:
        return json.load(f)


CATS = {}
PRODUCER_REGION = {}


def main():
    only = None
    keep = "--keep-svg" in sys.argv
    if "--only" in sys.argv:
        only = sys.argv[sys.argv.index("--only") + 1]
    if not shutil.which("vips"):
        sys.exit("vips (libvips CLI) is required")
    cats = {c["slug"]: c for c in load("categories.json")}
    CATS.update(cats)
    producers, products = load("producers.json"), load("products.json")
    PRODUCER_REGION.update({p["slug"]: p["region"] for p in producers})
    stories, events = load("stories.json"), load("events.json")
    jobs = []
    for p in products:
        for i, path in enumerate(p["images"]):
            jobs.append((path, lambda p=p, i=i: product_svg(p, cats, 1 if i == 0 else 2)))
    for pr in producers:
        jobs.append((pr["image"], lambda pr=pr: producer_svg(pr, cats, products)))
    for st in stories:
        jobs.append((st["image"], lambda st=st: story_svg(st, cats, producers, products)))
    for ev in events:
        jobs.append((ev["image"], lambda ev=ev: event_svg(ev, products)))
    total = 0
    for path, fn in jobs:
        if only and only not in path:
            continue
        size = render(fn(), os.path.join(SEED, path), keep)
        total += size
        print(f"{size // 1024:4d} KB  {path}")
    if not only:  # drop JPEGs that no JSON file references any more
        wanted = {os.path.normpath(os.path.join(SEED, path)) for path, _ in jobs}
        for root, _, files in os.walk(os.path.join(SEED, "images")):
            for f in files:
                full = os.path.normpath(os.path.join(root, f))
                if f.endswith(".jpg") and full not in wanted:
                    os.remove(full)
                    print(f"removed stale {os.path.relpath(full, SEED)}")
    print(f"{len(jobs)} images, {total / 1024 / 1024:.2f} MB written")


if __name__ == "__main__":
    main()
