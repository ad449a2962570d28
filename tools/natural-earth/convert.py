#!/usr/bin/env python3
"""Convert Natural Earth country outlines (TopoJSON, npm package `world-atlas`)
into `src/map/countries.txt`, the outlines pledgeboard's maps are drawn from.

Run once, when the data should change (Python 3 standard library only):

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/natural-earth/convert.py package/countries-50m.json src/map/countries.txt

What it does, country by country:
- decodes the TopoJSON arcs (quantised, delta-encoded) into rings of
  longitude/latitude; longitudes of a country that crosses the 180th meridian
  are continued past 180 so that its outline is one piece;
- keeps the country's main territory: its largest polygon and the polygons
  whose box lies within 15 degrees of it (France without its overseas
  departments, the United States without Alaska and Hawaii);
- simplifies each ring (Douglas-Peucker, the tolerance 1/800 of the
  country's extent, so every country keeps about the same detail on its own
  map) and drops rings smaller than the tolerance;
- writes one line per country, keyed by its ISO 3166-1 alpha-2 code.

The format of a line (the reader is `src/map/outlines.rs`):

    CC E|x,y dx,dy dx,dy ...;x,y dx,dy ...

CC: the alpha-2 code; E: coordinates are integers in units of 10^-E
degrees (2, 3 or 4, finer for smaller countries); rings separated by `;`,
each a first point (longitude, latitude) then differences from the previous
point. Rings are closed implicitly.

World-atlas features are keyed by ISO 3166-1 numeric codes; NUMERIC_TO_ALPHA2
below maps them to alpha-2. It was copied from the `iso_3166-1.json` of the
Debian package iso-codes 4.15.0 (https://salsa.debian.org/iso-codes-team/iso-codes),
which follows the ISO 3166 Maintenance Agency. Features without a numeric
code (Kosovo, Somaliland, Northern Cyprus, Siachen Glacier, Indian Ocean
Territories) are left out; features sharing a code (Australia and the
Ashmore and Cartier Islands) are one country.

Natural Earth is in the public domain (https://www.naturalearthdata.com/about/terms-of-use/).
"""

import json
import math
import sys

NUMERIC_TO_ALPHA2 = {
    "004": "AF", "008": "AL", "010": "AQ", "012": "DZ", "016": "AS", "020": "AD", "024": "AO",
    "028": "AG", "031": "AZ", "032": "AR", "036": "AU", "040": "AT", "044": "BS", "048": "BH",
    "050": "BD", "051": "AM", "052": "BB", "056": "BE", "060": "BM", "064": "BT", "068": "BO",
    "070": "BA", "072": "BW", "074": "BV", "076": "BR", "084": "BZ", "086": "IO", "090": "SB",
    "092": "VG", "096": "BN", "100": "BG", "104": "MM", "108": "BI", "112": "BY", "116": "KH",
    "120": "CM", "124": "CA", "132": "CV", "136": "KY", "140": "CF", "144": "LK", "148": "TD",
    "152": "CL", "156": "CN", "158": "TW", "162": "CX", "166": "CC", "170": "CO", "174": "KM",
    "175": "YT", "178": "CG", "180": "CD", "184": "CK", "188": "CR", "191": "HR", "192": "CU",
    "196": "CY", "203": "CZ", "204": "BJ", "208": "DK", "212": "DM", "214": "DO", "218": "EC",
    "222": "SV", "226": "GQ", "231": "ET", "232": "ER", "233": "EE", "234": "FO", "238": "FK",
    "239": "GS", "242": "FJ", "246": "FI", "248": "AX", "250": "FR", "254": "GF", "258": "PF",
    "260": "TF", "262": "DJ", "266": "GA", "268": "GE", "270": "GM", "275": "PS", "276": "DE",
    "288": "GH", "292": "GI", "296": "KI", "300": "GR", "304": "GL", "308": "GD", "312": "GP",
    "316": "GU", "320": "GT", "324": "GN", "328": "GY", "332": "HT", "334": "HM", "336": "VA",
    "340": "HN", "344": "HK", "348": "HU", "352": "IS", "356": "IN", "360": "ID", "364": "IR",
    "368": "IQ", "372": "IE", "376": "IL", "380": "IT", "384": "CI", "388": "JM", "392": "JP",
    "398": "KZ", "400": "JO", "404": "KE", "408": "KP", "410": "KR", "414": "KW", "417": "KG",
    "418": "LA", "422": "LB", "426": "LS", "428": "LV", "430": "LR", "434": "LY", "438": "LI",
    "440": "LT", "442": "LU", "446": "MO", "450": "MG", "454": "MW", "458": "MY", "462": "MV",
    "466": "ML", "470": "MT", "474": "MQ", "478": "MR", "480": "MU", "484": "MX", "492": "MC",
    "496": "MN", "498": "MD", "499": "ME", "500": "MS", "504": "MA", "508": "MZ", "512": "OM",
    "516": "NA", "520": "NR", "524": "NP", "528": "NL", "531": "CW", "533": "AW", "534": "SX",
    "535": "BQ", "540": "NC", "548": "VU", "554": "NZ", "558": "NI", "562": "NE", "566": "NG",
    "570": "NU", "574": "NF", "578": "NO", "580": "MP", "581": "UM", "583": "FM", "584": "MH",
    "585": "PW", "586": "PK", "591": "PA", "598": "PG", "600": "PY", "604": "PE", "608": "PH",
    "612": "PN", "616": "PL", "620": "PT", "624": "GW", "626": "TL", "630": "PR", "634": "QA",
    "638": "RE", "642": "RO", "643": "RU", "646": "RW", "652": "BL", "654": "SH", "659": "KN",
    "660": "AI", "662": "LC", "663": "MF", "666": "PM", "670": "VC", "674": "SM", "678": "ST",
    "682": "SA", "686": "SN", "688": "RS", "690": "SC", "694": "SL", "702": "SG", "703": "SK",
    "704": "VN", "705": "SI", "706": "SO", "710": "ZA", "716": "ZW", "724": "ES", "728": "SS",
    "729": "SD", "732": "EH", "740": "SR", "744": "SJ", "748": "SZ", "752": "SE", "756": "CH",
    "760": "SY", "762": "TJ", "764": "TH", "768": "TG", "772": "TK", "776": "TO", "780": "TT",
    "784": "AE", "788": "TN", "792": "TR", "795": "TM", "796": "TC", "798": "TV", "800": "UG",
    "804": "UA", "807": "MK", "818": "EG", "826": "GB", "831": "GG", "832": "JE", "833": "IM",
    "834": "TZ", "840": "US", "850": "VI", "854": "BF", "858": "UY", "860": "UZ", "862": "VE",
    "876": "WF", "882": "WS", "887": "YE", "894": "ZM",

}

TOLERANCE_SHARE = 1 / 800
NEAR_DEGREES = 15


def decode_arcs(topo):
    """Every arc as a list of (lon, lat), from quantised differences."""
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_of(indexes, arcs):
    """A ring from arc indexes (~i: arc i reversed), shared ends once."""
    ring = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points[1:] if ring else points)
    return ring


def polygons_of(geometry, arcs):
    if geometry["type"] == "Polygon":
        parts = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        parts = geometry["arcs"]
    else:
        return []
    return [[ring_of(r, arcs) for r in polygon] for polygon in parts]


def unwrap(polygons):
    """Longitudes past 180 for a country across the 180th meridian."""
    lons = [x for p in polygons for r in p for x, _ in r]
    if max(lons) - min(lons) <= 180:
        return polygons
    return [[[(x + 360 if x < 0 else x, y) for x, y in r] for r in p] for p in polygons]


def box(rings):
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def area(ring):
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]))) / 2


def main_territory(polygons):
    largest = max(polygons, key=lambda p: area(p[0]))
    x0, y0, x1, y1 = box(largest)
    def near(p):
        a, b, c, d = box(p)
        return a <= x1 + NEAR_DEGREES and c >= x0 - NEAR_DEGREES and b <= y1 + NEAR_DEGREES and d >= y0 - NEAR_DEGREES
    return [p for p in polygons if near(p)]


def simplify(ring, tolerance, kx):
    """Douglas-Peucker on a closed ring, x scaled by kx (cos latitude)."""
    if len(ring) < 4:
        return ring
    pts = [(x * kx, y) for x, y in ring]
    # Split at the point farthest from the first, so both halves are open lines.
    far = max(range(len(pts)), key=lambda i: (pts[i][0] - pts[0][0]) ** 2 + (pts[i][1] - pts[0][1]) ** 2)
    keep = {0, far, len(pts) - 1}
    stack = [(0, far), (far, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (ax, ay), (bx, by) = pts[a], pts[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, best_d = None, tolerance
        for i in range(a + 1, b):
            px, py = pts[i]
            d = abs(dx * (py - ay) - dy * (px - ax)) / norm if norm else math.hypot(px - ax, py - ay)
            if d > best_d:
                best, best_d = i, d
        if best is not None:
            keep.add(best)
            stack += [(a, best), (best, b)]
    return [ring[i] for i in sorted(keep)]


def encode(rings, exponent):
    unit = 10 ** exponent
    out = []
    for ring in rings:
        q = []
        for x, y in ring:
            p = (round(x * unit), round(y * unit))
            if not q or q[-1] != p:
                q.append(p)
        if len(q) > 1 and q[0] == q[-1]:
            q.pop()
        if len(q) < 3:
            continue
        tokens = [f"{q[0][0]},{q[0][1]}"]
        tokens += [f"{x1 - x0},{y1 - y0}" for (x0, y0), (x1, y1) in zip(q, q[1:])]
        out.append(" ".join(tokens))
    return ";".join(out)


def country_line(code, polygons):
    polygons = main_territory(unwrap(polygons))
    rings = [r for p in polygons for r in p]
    x0, y0, x1, y1 = box(rings)
    kx = math.cos(math.radians((y0 + y1) / 2))
    extent = max((x1 - x0) * kx, y1 - y0)
    tolerance = extent * TOLERANCE_SHARE
    exponent = 2 if extent >= 5 else 3 if extent >= 0.5 else 4
    kept = []
    for ring in rings:
        if ring[0] == ring[-1]:
            ring = ring[:-1]
        if area([(x * kx, y) for x, y in ring]) < (2 * tolerance) ** 2 and kept:
            continue
        small = simplify(ring, tolerance, kx)
        if len(small) >= 3:
            kept.append(small)
    return f"{code} {exponent}|{encode(kept, exponent)}"


def main(source, target):
    topo = json.load(open(source, encoding="utf-8"))
    arcs = decode_arcs(topo)
    countries = {}
    for g in topo["objects"]["countries"]["geometries"]:
        code = NUMERIC_TO_ALPHA2.get(g.get("id"))
        if code:
            countries.setdefault(code, []).extend(polygons_of(g, arcs))
    lines = [country_line(code, polys) for code, polys in sorted(countries.items()) if polys]
    with open(target, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: convert.py countries-50m.json countries.txt")
    main(sys.argv[1], sys.argv[2])
