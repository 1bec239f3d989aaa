"""The controlled vocabularies a DCAT-AP catalogue names its values from.

* update frequencies: the EU Publications Office's *frequency* authority
  table, read from the French and English words portals write;
* file formats: its *file-type* authority table, with the IANA media type
  of each format;
* a few licences by name, for their address.

Lookups ignore case, accents, spaces and hyphens (``Temps réel``,
``temps-reel`` and ``TEMPS REEL`` are one word).
"""

from __future__ import annotations

import unicodedata

#: The EU frequency authority table.
FREQUENCY = "http://publications.europa.eu/resource/authority/frequency/"
#: The EU file-type authority table.
FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
#: IANA's media types.
IANA = "https://www.iana.org/assignments/media-types/"

FREQUENCY_NAME = "the EU frequency vocabulary"
FILE_TYPE_NAME = "the EU file-type vocabulary"

#: Words → code of the frequency table (French, then English, then the codes).
FREQUENCIES = {
    "temps reel": "CONT",
    "en continu": "CONT",
    "continue": "CONT",
    "continu": "CONT",
    "real time": "CONT",
    "realtime": "CONT",
    "continuous": "CONT",
    "continuously updated": "CONT",
    "horaire": "HOURLY",
    "toutes les heures": "HOURLY",
    "hourly": "HOURLY",
    "quotidienne": "DAILY",
    "quotidien": "DAILY",
    "journaliere": "DAILY",
    "journalier": "DAILY",
    "tous les jours": "DAILY",
    "daily": "DAILY",
    "hebdomadaire": "WEEKLY",
    "weekly": "WEEKLY",
    "bimensuelle": "BIMONTHLY",
    "bimonthly": "BIMONTHLY",
    "mensuelle": "MONTHLY",
    "mensuel": "MONTHLY",
    "monthly": "MONTHLY",
    "trimestrielle": "QUARTERLY",
    "trimestriel": "QUARTERLY",
    "quarterly": "QUARTERLY",
    "semestrielle": "ANNUAL_2",
    "semestriel": "ANNUAL_2",
    "semiannual": "ANNUAL_2",
    "semi annual": "ANNUAL_2",
    "biannual": "ANNUAL_2",
    "annuelle": "ANNUAL",
    "annuel": "ANNUAL",
    "annual": "ANNUAL",
    "yearly": "ANNUAL",
    "biennale": "BIENNIAL",
    "biennal": "BIENNIAL",
    "biennial": "BIENNIAL",
    "triennale": "TRIENNIAL",
    "triennal": "TRIENNIAL",
    "triennial": "TRIENNIAL",
    "irreguliere": "IRREG",
    "irregulier": "IRREG",
    "ponctuelle": "IRREG",
    "ponctuel": "IRREG",
    "irregular": "IRREG",
    "punctual": "IRREG",
    "jamais": "NEVER",
    "aucune": "NEVER",
    "aucune mise a jour": "NEVER",
    "never": "NEVER",
    "inconnue": "UNKNOWN",
    "inconnu": "UNKNOWN",
    "unknown": "UNKNOWN",
    # Codes as udata and the authority table write them.
    "cont": "CONT",
    "irreg": "IRREG",
    "annual 2": "ANNUAL_2",
    "semiweekly": "WEEKLY_2",
    "biweekly": "BIWEEKLY",
}

#: Format → (EU file-type code, IANA media type).
FORMATS = {
    "csv": ("CSV", "text/csv"),
    "tsv": ("TSV", "text/tab-separated-values"),
    "txt": ("TXT", "text/plain"),
    "json": ("JSON", "application/json"),
    "geojson": ("GEOJSON", "application/geo+json"),
    "jsonld": ("JSON_LD", "application/ld+json"),
    "ndjson": ("JSON", "application/x-ndjson"),
    "xml": ("XML", "application/xml"),
    "rdf": ("RDF_XML", "application/rdf+xml"),
    "ttl": ("RDF_TURTLE", "text/turtle"),
    "turtle": ("RDF_TURTLE", "text/turtle"),
    "xlsx": (
        "XLSX",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "xls": ("XLS", "application/vnd.ms-excel"),
    "ods": ("ODS", "application/vnd.oasis.opendocument.spreadsheet"),
    "zip": ("ZIP", "application/zip"),
    "gz": ("GZIP", "application/gzip"),
    "gzip": ("GZIP", "application/gzip"),
    "pdf": ("PDF", "application/pdf"),
    "shp": ("SHP", "application/vnd.shp"),
    "kml": ("KML", "application/vnd.google-earth.kml+xml"),
    "kmz": ("KMZ", "application/vnd.google-earth.kmz"),
    "gpkg": ("GPKG", "application/geopackage+sqlite3"),
    "gml": ("GML", "application/gml+xml"),
    "parquet": ("PARQUET", "application/vnd.apache.parquet"),
    "html": ("HTML", "text/html"),
    "yaml": ("YAML", "application/yaml"),
    "yml": ("YAML", "application/yaml"),
    "png": ("PNG", "image/png"),
    "jpg": ("JPEG", "image/jpeg"),
    "jpeg": ("JPEG", "image/jpeg"),
    "svg": ("SVG", "image/svg+xml"),
}
#: Media types written instead of a format, read as that format.
MEDIA_TYPES = {media: name for name, (_code, media) in FORMATS.items()}

#: Licences portals name without an address.
LICENCES = {
    "etalab-2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "etalab 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "licence ouverte 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "licence ouverte v2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "licence ouverte": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "open licence 2.0": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    "odbl": "https://opendatacommons.org/licenses/odbl/1-0/",
    "odbl-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "odc-odbl": "https://opendatacommons.org/licenses/odbl/1-0/",
    "odc-by": "https://opendatacommons.org/licenses/by/1-0/",
    "pddl": "https://opendatacommons.org/licenses/pddl/1-0/",
    "odc-pddl": "https://opendatacommons.org/licenses/pddl/1-0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc-by-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by": "https://creativecommons.org/licenses/by/4.0/",
    "cc-by-sa-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
}


def plain(word: str) -> str:
    """*word* in lower case, without accents, hyphens, underscores or extra spaces."""
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in "-_/.,;:'’":
        bare = bare.replace(mark, " ")
    return " ".join(bare.lower().split())


_FREQUENCIES = {plain(word): code for word, code in FREQUENCIES.items()}


def frequency_uri(word: str) -> str | None:
    """The EU frequency of *word* (``Annuelle``, ``monthly``, ``IRREG``), or None."""
    code = _FREQUENCIES.get(plain(word))
    return f"{FREQUENCY}{code}" if code else None


def file_format(name: str) -> tuple[str, str] | None:
    """``(file-type IRI, IANA media type IRI)`` of a format (``csv``, ``.CSV``,
    ``text/csv``), or None when the vocabulary has no such format."""
    key = name.strip().lower().lstrip(".")
    key = MEDIA_TYPES.get(key.split(";")[0].strip(), key)
    found = FORMATS.get(key)
    if found is None:
        return None
    code, media = found
    return f"{FILE_TYPE}{code}", f"{IANA}{media}"


def media_type(name: str) -> str:
    """The bare IANA media type of a format (``text/csv``), or ``""``."""
    found = file_format(name)
    return found[1].removeprefix(IANA) if found else ""


def licence_url(name: str) -> str:
    """The address of a licence known by its name or identifier, or ``""``."""
    return LICENCES.get(" ".join(name.strip().lower().split()), "")
