#!/usr/bin/env python3
"""Validate the IkmCatalog demo content in media-seed/ (standard library only).

Usage:  python3 media-seed/tools/check_seed.py
Exits with status 1 and a list of problems if anything is wrong.
"""
import datetime as dt
import json
import os
import re
import struct
import sys

SEED = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = dt.date(2026, 11, 23)
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{2}:\d{2}$")

errors = []


def err(msg):
    errors.append(msg)


def load(name):
    path = os.path.join(SEED, name)
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except Exception as e:  # noqa: BLE001
        err(f"{name}: cannot read JSON ({e})")
        return []


def parse_date(value, where):
    if not isinstance(value, str) or not DATE.match(value):
        err(f"{where}: bad date {value!r}")
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        err(f"{where}: invalid date {value!r}")
        return None


def parse_datetime(value, where):
    if not isinstance(value, str) or not DATETIME.match(value):
        err(f"{where}: bad datetime {value!r}")
        return None
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        err(f"{where}: invalid datetime {value!r}")
        return None


def check_keys(obj, keys, where):
    if not isinstance(obj, dict):
        err(f"{where}: not an object")
        return False
    missing, extra = set(keys) - set(obj), set(obj) - set(keys)
    if missing:
        err(f"{where}: missing fields {sorted(missing)}")
    if extra:
        err(f"{where}: unexpected fields {sorted(extra)}")
    return not missing


def check_localized(value, where, required=True):
    if not isinstance(value, dict) or set(value) != {"id", "en"}:
        err(f"{where}: must be an object with exactly 'id' and 'en'")
        return
    for lang in ("id", "en"):
        v = value[lang]
        if not isinstance(v, str) or (required and not v.strip()):
            err(f"{where}.{lang}: empty or not a string")
        elif "lorem" in v.lower():
            err(f"{where}.{lang}: placeholder text")
        elif "<" in v and re.search(r"</?[a-zA-Z][^>]*>", v):
            err(f"{where}.{lang}: raw HTML is not allowed")


def walk_localized(obj, where):
    """Every {id, en} object anywhere must have both languages filled in."""
    if isinstance(obj, dict):
        if set(obj) == {"id", "en"}:
            check_localized(obj, where)
            return
        for k, v in obj.items():
            walk_localized(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            walk_localized(v, f"{where}[{i}]")


def check_slugs(items, name):
    seen = set()
    for i, it in enumerate(items):
        s = it.get("slug") if isinstance(it, dict) else None
        if not isinstance(s, str) or not SLUG.match(s):
            err(f"{name}[{i}]: bad slug {s!r}")
        elif s in seen:
            err(f"{name}: duplicate slug {s}")
        seen.add(s)
    return seen


def jpeg_size(path):
    """Return (width, height) of a baseline/progressive JPEG, or None."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] != b"\xff\xd8":
        return None
    i = 2
    while i < len(data) - 9:
        if data[i] != 0xFF:
            i += 1
            continue
        marker = data[i + 1]
        if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            i += 2
            continue
        seg = struct.unpack(">H", data[i + 2:i + 4])[0]
        i += 2 + seg
    return None


images_seen = set()


def check_image(path, where):
    if not isinstance(path, str) or not path.startswith("images/") or not path.endswith(".jpg"):
        err(f"{where}: bad image path {path!r}")
        return
    full = os.path.join(SEED, path)
    if not os.path.isfile(full):
        err(f"{where}: image file missing: {path}")
        return
    images_seen.add(path)
    size = os.path.getsize(full)
    if size > 150_000:
        err(f"{where}: {path} is {size} bytes (> 150,000)")
    dims = jpeg_size(full)
    if dims is None:
        err(f"{where}: {path} is not a JPEG")
    elif dims != (1200, 900):
        err(f"{where}: {path} is {dims[0]}x{dims[1]}, expected 1200x900")


CERT_FORMATS = {
    "PIRT": re.compile(r"^\d{13}-\d{2}$"),
    "BPOM": re.compile(r"^BPOM RI MD \d{12}$"),
    "Halal": re.compile(r"^ID\d{17}$"),
    "SNI": re.compile(r"^SPPT-SNI \d{4}/LSPro[-A-Za-z]*/\d{4}$"),
}
cert_stats = {"expired": 0, "soon": 0, "valid": 0}


def check_cert(c, where):
    if not check_keys(c, ["type", "number", "issuer", "issuedOn", "expiresOn"], where):
        return
    t = c["type"]
    if t not in CERT_FORMATS:
        err(f"{where}: unknown certificate type {t!r}")
        return
    if not isinstance(c["number"], str) or not CERT_FORMATS[t].match(c["number"]):
        err(f"{where}: {t} number {c['number']!r} has the wrong format")
    if not isinstance(c["issuer"], str) or not c["issuer"].strip():
        err(f"{where}: empty issuer")
    issued = parse_date(c["issuedOn"], where + ".issuedOn")
    exp = None
    if c["expiresOn"] is not None:
        exp = parse_date(c["expiresOn"], where + ".expiresOn")
    elif t != "Halal":
        err(f"{where}: only Halal certificates may have no expiry date")
    if issued and issued > TODAY:
        err(f"{where}: issued in the future")
    if issued and exp and exp <= issued:
        err(f"{where}: expires before it is issued")
    if t == "PIRT" and exp and c["number"][-2:] != f"{exp.year % 100:02d}":
        err(f"{where}: PIRT number suffix does not match the expiry year")
    if exp is None:
        cert_stats["valid"] += 1
    elif exp < TODAY:
        cert_stats["expired"] += 1
    elif (exp - TODAY).days <= 90:
        cert_stats["soon"] += 1
    else:
        cert_stats["valid"] += 1


def main():
    regions = load("regions.json")
    categories = load("categories.json")
    producers = load("producers.json")
    products = load("products.json")
    stories = load("stories.json")
    events = load("events.json")
    pages = load("pages.json")
    cert_types = load("certification-types.json")

    # ---------------- regions
    expected_regions = {
        "kota-malang": ("Kota Malang", "Jawa Timur"),
        "kota-tangerang": ("Kota Tangerang", "Banten"),
        "kota-tangerang-selatan": ("Kota Tangerang Selatan", "Banten"),
        "kabupaten-bangkalan": ("Kabupaten Bangkalan", "Jawa Timur"),
        "kota-kendari": ("Kota Kendari", "Sulawesi Tenggara"),
    }
    region_slugs = check_slugs(regions, "regions")
    if region_slugs != set(expected_regions):
        err(f"regions: expected exactly {sorted(expected_regions)}")
    for r in regions:
        if check_keys(r, ["slug", "name", "province"], f"regions/{r.get('slug')}"):
            exp = expected_regions.get(r["slug"])
            if exp and (r["name"], r["province"]) != exp:
                err(f"regions/{r['slug']}: name/province should be {exp}")

    # ---------------- categories
    top_expected = {"makanan-ringan", "abon-olahan-ikan", "dodol-kue", "minuman", "kerajinan-rotan", "tenun-busana", "tas-aksesori"}
    cat_slugs = check_slugs(categories, "categories")
    cats = {c["slug"]: c for c in categories if isinstance(c, dict) and "slug" in c}
    for c in categories:
        w = f"categories/{c.get('slug')}"
        if not check_keys(c, ["slug", "parent", "name", "description", "sortOrder"], w):
            continue
        check_localized(c["name"], w + ".name")
        check_localized(c["description"], w + ".description")
        if not isinstance(c["sortOrder"], int) or isinstance(c["sortOrder"], bool):
            err(f"{w}: sortOrder must be an integer")
        if c["parent"] is not None:
            if c["parent"] not in cat_slugs:
                err(f"{w}: parent {c['parent']!r} does not exist")
            elif cats[c["parent"]]["parent"] is not None:
                err(f"{w}: only two levels are expected")
    tops = {c["slug"] for c in categories if c.get("parent") is None}
    if tops != top_expected:
        err(f"categories: top level must be exactly {sorted(top_expected)}, got {sorted(tops)}")

    def top_of(slug):
        while cats.get(slug, {}).get("parent"):
            slug = cats[slug]["parent"]
        return slug

    # ---------------- producers
    prod_fields = ["slug", "name", "region", "sector", "nib", "foundedYear", "workforce", "capacity", "association",
                   "status", "whatsapp", "email", "address", "summary", "story", "image", "published", "certifications"]
    producer_slugs = check_slugs(producers, "producers")
    pmap = {p["slug"]: p for p in producers if isinstance(p, dict) and "slug" in p}
    for p in producers:
        w = f"producers/{p.get('slug')}"
        if not check_keys(p, prod_fields, w):
            continue
        if p["region"] not in region_slugs:
            err(f"{w}: unknown region {p['region']!r}")
        for f in ("sector", "capacity", "summary", "story"):
            check_localized(p[f], f"{w}.{f}")
        if not re.match(r"^\d{13}$", str(p["nib"])) or not isinstance(p["nib"], str):
            err(f"{w}: nib must be a 13-digit string")
        if not isinstance(p["foundedYear"], int) or not 1950 <= p["foundedYear"] <= 2026:
            err(f"{w}: foundedYear out of range")
        if not isinstance(p["workforce"], int) or p["workforce"] < 1:
            err(f"{w}: workforce must be a positive integer")
        if p["association"] is not None and (not isinstance(p["association"], str) or not p["association"].strip()):
            err(f"{w}: association must be a non-empty string or null")
        if p["status"] not in ("Registered", "Fostered", "Curated"):
            err(f"{w}: bad status {p['status']!r}")
        if not re.match(r"^\+62\d{8,13}$", str(p["whatsapp"])):
            err(f"{w}: bad whatsapp number")
        if not re.match(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", str(p["email"])):
            err(f"{w}: bad email")
        if not isinstance(p["address"], str) or len(p["address"]) < 15:
            err(f"{w}: address too short")
        if not isinstance(p["published"], bool):
            err(f"{w}: published must be a boolean")
        check_image(p["image"], w)
        for i, c in enumerate(p["certifications"]):
            check_cert(c, f"{w}.certifications[{i}]")
        paras = [x for x in p["story"]["id"].split("\n\n") if x.strip()]
        if not 3 <= len(paras) <= 5:
            err(f"{w}: story should have 3-5 paragraphs (has {len(paras)})")

    published_producers = {s for s, p in pmap.items() if p.get("published")}
    if len(producers) < 13:
        err(f"producers: need at least 13, have {len(producers)}")
    minimum = {"kota-malang": 3, "kota-tangerang": 3, "kota-tangerang-selatan": 2, "kabupaten-bangkalan": 2, "kota-kendari": 3}
    for reg, n in minimum.items():
        have = sum(1 for s in published_producers if pmap[s]["region"] == reg)
        if have < n:
            err(f"producers: region {reg} needs at least {n} published producers, has {have}")
    unpublished_producers = set(pmap) - published_producers
    if len(unpublished_producers) < 1:
        err("producers: one producer should be unpublished")

    # ---------------- products
    product_fields = ["slug", "producer", "category", "name", "summary", "description", "priceIdr", "unit", "retail", "moq",
                      "moqUnit", "exportReady", "hsCode", "shelfLifeDays", "packaging", "weightGrams", "curationGrade",
                      "availability", "featured", "published", "createdOn", "images", "certifications"]
    check_slugs(products, "products")
    per_top, per_producer = {}, {}
    featured = drafts = 0
    halal_tempe_malang = False
    for p in products:
        w = f"products/{p.get('slug')}"
        if not check_keys(p, product_fields, w):
            continue
        if p["producer"] not in producer_slugs:
            err(f"{w}: unknown producer {p['producer']!r}")
        if p["category"] not in cat_slugs:
            err(f"{w}: unknown category {p['category']!r}")
        for f in ("name", "summary", "description", "unit", "moqUnit", "packaging"):
            check_localized(p[f], f"{w}.{f}")
        if p["priceIdr"] is not None and (not isinstance(p["priceIdr"], int) or isinstance(p["priceIdr"], bool) or p["priceIdr"] <= 0):
            err(f"{w}: priceIdr must be a positive integer or null")
        for f in ("retail", "exportReady", "featured", "published"):
            if not isinstance(p[f], bool):
                err(f"{w}: {f} must be a boolean")
        if not isinstance(p["moq"], int) or p["moq"] < 1:
            err(f"{w}: moq must be a positive integer")
        if p["hsCode"] is not None and not re.match(r"^\d{4}\.\d{2}$", str(p["hsCode"])):
            err(f"{w}: hsCode must look like 1604.20 or be null")
        if p["shelfLifeDays"] is not None and (not isinstance(p["shelfLifeDays"], int) or p["shelfLifeDays"] < 1):
            err(f"{w}: shelfLifeDays must be a positive integer or null")
        if not isinstance(p["weightGrams"], int) or p["weightGrams"] < 1:
            err(f"{w}: weightGrams must be a positive integer")
        if p["curationGrade"] not in ("A", "B", "C", None):
            err(f"{w}: bad curationGrade")
        if p["availability"] not in ("InStock", "MadeToOrder", "OutOfStock"):
            err(f"{w}: bad availability")
        created = parse_date(p["createdOn"], w + ".createdOn")
        if created and created > TODAY:
            err(f"{w}: createdOn is in the future")
        if not isinstance(p["images"], list) or not 1 <= len(p["images"]) <= 2:
            err(f"{w}: needs 1-2 images")
        else:
            for img in p["images"]:
                check_image(img, w)
        for i, c in enumerate(p["certifications"]):
            check_cert(c, f"{w}.certifications[{i}]")
        paras = [x for x in p["description"]["id"].split("\n\n") if x.strip()]
        if not 2 <= len(paras) <= 3:
            err(f"{w}: description should have 2-3 paragraphs (has {len(paras)})")
        if p["published"]:
            per_top[top_of(p["category"])] = per_top.get(top_of(p["category"]), 0) + 1
            per_producer[p["producer"]] = per_producer.get(p["producer"], 0) + 1
            if p["producer"] in unpublished_producers:
                err(f"{w}: published product of an unpublished producer")
        else:
            drafts += 1
        featured += bool(p["featured"]) and p["published"]
        if (p["producer"] in pmap and pmap[p["producer"]]["region"] == "kota-malang" and p["category"] == "keripik-tempe"
                and any(c.get("type") == "Halal" for c in p["certifications"])):
            halal_tempe_malang = True

    if sum(1 for p in products if p.get("published")) < 44:
        err("products: need at least 44 published products")
    for t in top_expected:
        if per_top.get(t, 0) < 4:
            err(f"products: top-level category {t} has {per_top.get(t, 0)} published products (< 4)")
    for s in published_producers:
        if per_producer.get(s, 0) < 2:
            err(f"products: published producer {s} has fewer than 2 published products")
    if drafts != 2:
        err(f"products: expected exactly 2 drafts, found {drafts}")
    if not 6 <= featured <= 10:
        err(f"products: about 8 should be featured, found {featured}")
    if not halal_tempe_malang:
        err("products: Malang needs a halal-certified keripik tempe")
    if not any(not p.get("certifications") for p in products if p.get("published")):
        err("products: some published products should have no certification")
    if not any(not p.get("certifications") for p in producers if p.get("published")):
        err("producers: some published producers should have no certification")
    if cert_stats["expired"] < 3:
        err(f"certificates: several should be expired (found {cert_stats['expired']})")
    if cert_stats["soon"] < 2:
        err(f"certificates: some should expire within 90 days (found {cert_stats['soon']})")

    # ---------------- stories
    story_fields = ["slug", "kind", "title", "summary", "body", "publishedOn", "producer", "region", "image", "published"]
    check_slugs(stories, "stories")
    n_story = n_news = 0
    for s in stories:
        w = f"stories/{s.get('slug')}"
        if not check_keys(s, story_fields, w):
            continue
        if s["kind"] not in ("Story", "News"):
            err(f"{w}: bad kind")
        for f in ("title", "summary", "body"):
            check_localized(s[f], f"{w}.{f}")
        d = parse_date(s["publishedOn"], w + ".publishedOn")
        if d and not (dt.date(2025, 1, 1) <= d <= TODAY):
            err(f"{w}: publishedOn should be in 2025-2026 and not in the future")
        if s["producer"] is not None and s["producer"] not in published_producers:
            err(f"{w}: producer {s['producer']!r} unknown or unpublished")
        if s["region"] is not None and s["region"] not in region_slugs:
            err(f"{w}: unknown region")
        if s["producer"] and s["region"] and pmap[s["producer"]]["region"] != s["region"]:
            err(f"{w}: region does not match the producer's region")
        check_image(s["image"], w)
        paras = [x for x in s["body"]["id"].split("\n\n") if x.strip()]
        if not 4 <= len(paras) <= 6:
            err(f"{w}: body should have 4-6 paragraphs (has {len(paras)})")
        n_story += s["kind"] == "Story" and s["producer"] is not None
        n_news += s["kind"] == "News"
    if len(stories) < 6 or n_story < 3 or n_news < 3:
        err(f"stories: need >= 6 items with >= 3 producer stories and >= 3 news (have {len(stories)}, {n_story}, {n_news})")

    # ---------------- events
    event_fields = ["slug", "kind", "title", "summary", "body", "startsOn", "endsOn", "venue", "region", "registrationUrl", "image", "published"]
    check_slugs(events, "events")
    kinds, upcoming, past = set(), 0, 0
    for e in events:
        w = f"events/{e.get('slug')}"
        if not check_keys(e, event_fields, w):
            continue
        if e["kind"] not in ("Training", "CurationDay", "Exhibition", "StudyVisit"):
            err(f"{w}: bad kind")
        kinds.add(e["kind"])
        for f in ("title", "summary", "body"):
            check_localized(e[f], f"{w}.{f}")
        a = parse_datetime(e["startsOn"], w + ".startsOn")
        b = parse_datetime(e["endsOn"], w + ".endsOn")
        if e["region"] not in region_slugs:
            err(f"{w}: unknown region")
        want_tz = "+08:00" if e["region"] == "kota-kendari" else "+07:00"
        for f in ("startsOn", "endsOn"):
            if isinstance(e[f], str) and not e[f].endswith(want_tz):
                err(f"{w}: {f} should use {want_tz}")
        if a and b:
            if b <= a:
                err(f"{w}: endsOn must be after startsOn")
            if dt.date(2026, 12, 1) <= a.date() <= dt.date(2027, 10, 31):
                upcoming += 1
            elif a.date().year == 2026 and b.date() < TODAY:
                past += 1
        if e["registrationUrl"] is not None and not str(e["registrationUrl"]).startswith("https://"):
            err(f"{w}: registrationUrl must be https or null")
        if not isinstance(e["venue"], str) or not e["venue"].strip():
            err(f"{w}: empty venue")
        check_image(e["image"], w)
    if len(events) < 5:
        err("events: need at least 5")
    if kinds != {"Training", "CurationDay", "Exhibition", "StudyVisit"}:
        err(f"events: need every kind, have {sorted(kinds)}")
    if upcoming < 4:
        err(f"events: need >= 4 upcoming between 2026-12-01 and 2027-10-31, have {upcoming}")
    if past < 1:
        err("events: need at least one past event in 2026")

    # ---------------- pages
    page_slugs = check_slugs(pages, "pages")
    if not {"tentang", "cara-memesan"} <= page_slugs:
        err("pages: 'tentang' and 'cara-memesan' are required")
    for pg in pages:
        w = f"pages/{pg.get('slug')}"
        if check_keys(pg, ["slug", "title", "body", "published"], w):
            check_localized(pg["title"], w + ".title")
            check_localized(pg["body"], w + ".body")

    # ---------------- certification types
    types = [c.get("type") for c in cert_types if isinstance(c, dict)]
    if sorted(types) != sorted(["PIRT", "BPOM", "Halal", "SNI"]) or len(cert_types) != 4:
        err("certification-types: need exactly PIRT, BPOM, Halal, SNI")
    for c in cert_types:
        w = f"certification-types/{c.get('type')}"
        if check_keys(c, ["type", "name", "issuer", "description", "numberExample"], w):
            for f in ("name", "issuer", "description"):
                check_localized(c[f], f"{w}.{f}")
            fmt = CERT_FORMATS.get(c["type"])
            if fmt and not fmt.match(c["numberExample"]):
                err(f"{w}: numberExample does not match the {c['type']} format")

    # ---------------- every localized object anywhere
    for name, data in (("categories", categories), ("producers", producers), ("products", products), ("stories", stories),
                       ("events", events), ("pages", pages), ("certification-types", cert_types)):
        walk_localized(data, name)

    # ---------------- images folder
    img_root = os.path.join(SEED, "images")
    total = 0
    on_disk = set()
    for root, _, files in os.walk(img_root):
        for f in files:
            full = os.path.join(root, f)
            total += os.path.getsize(full)
            on_disk.add(os.path.relpath(full, SEED).replace(os.sep, "/"))
    if total > 8 * 1024 * 1024:
        err(f"images: total {total / 1048576:.2f} MB exceeds 8 MB")
    orphans = on_disk - images_seen
    if orphans:
        err(f"images: files not referenced by any JSON: {sorted(orphans)[:5]}")

    # ---------------- report
    print(f"regions {len(regions)}, categories {len(categories)} ({len(tops)} top-level), producers {len(producers)} "
          f"({len(published_producers)} published), products {len(products)} ({len(products) - drafts} published, {drafts} drafts, "
          f"{featured} featured), stories {len(stories)} ({n_story} stories, {n_news} news), events {len(events)} "
          f"({upcoming} upcoming, {past} past)")
    print("published products per top-level category: " + ", ".join(f"{k} {per_top.get(k, 0)}" for k in sorted(top_expected)))
    print(f"certificates: {cert_stats['expired']} expired, {cert_stats['soon']} expiring within 90 days, {cert_stats['valid']} valid")
    print(f"images: {len(on_disk)} files, {total / 1048576:.2f} MB")
    if errors:
        print(f"\n{len(errors)} problem(s):")
        for e in errors:
            print("  - " + e)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
