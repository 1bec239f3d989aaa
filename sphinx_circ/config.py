"""Every sphinx-circ setting in one place, typed, with its default and its check.

Two kinds of settings exist:

* ``circ_*`` values in ``conf.py`` (``CONFIG_VALUES``), which matter under any
  theme, checked when the configuration is read;
* the theme's options in ``html_theme_options`` (``ThemeSettings``), which
  matter only when the sphinx-circ theme (or a theme inheriting it) is the
  builder's theme (``is_circ_theme``), checked once the builder exists.

A bad value never stops the build: it gives a ``circ.config`` or
``circ.theme`` warning naming what is accepted, and the default is used.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from typing import Any, Literal
from weakref import WeakKeyDictionary

from sphinx.application import Sphinx
from sphinx.config import Config

from .messages import _, warn
from .palette import read_palette
from .urls import is_external, is_safe_url

THEME_NAME = "sphinx_circ"
THEME_DIR = Path(__file__).parent / "theme" / THEME_NAME
#: The theme of the Système de Design de l'État, for the websites of the State.
DSFR_THEME_NAME = "sphinx_circ_dsfr"
#: The main menu's entries at most, by default: a page's header does not grow
#: with the site (the rest is reached through "All sections").
MENU_MAX_ENTRIES = 12
DSFR_THEME_DIR = Path(__file__).parent / "theme" / DSFR_THEME_NAME

#: Page layouts (``layout:`` front matter, ``hero_layout``); the first is the default.
LAYOUTS = ("default", "landing", "data")
#: ``parent_stylesheet``: pydata's rules the site can use, or its whole file.
PARENT_STYLESHEETS = ("used", "whole")
#: Where a visitor's chosen persona is remembered; the first is the default.
STORAGE_MODES = ("local", "session", "none")


@dataclass(frozen=True)
class ConfigValue:
    """A ``circ_*`` value of ``conf.py``."""

    name: str
    default: str
    rebuild: Literal["", "env", "html"]
    doc: str
    choices: tuple[str, ...] = ()


CONFIG_VALUES = (
    ConfigValue(
        "circ_persona_storage",
        STORAGE_MODES[0],
        "html",
        "where the persona a reader chose is remembered",
        STORAGE_MODES,
    ),
    ConfigValue("circ_request_email", "", "env", "address data requests go to"),
    ConfigValue("circ_request_url", "", "env", "form data requests are sent to"),
)

#: The legal facts (a dictionary, read by ``legal/facts.py``).
LEGAL_CONFIG = "circ_legal"


# -- Legal facts ------------------------------------------------------------------


@dataclass(frozen=True)
class Party:
    """Someone the legal pages name: a publisher, a host, a controller."""

    name: str = ""
    address: str = ""
    #: An e-mail or web address.
    contact: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Derogation:
    """Content left inaccessible for a disproportionate burden, and why."""

    content: str
    reason: str


#: What a portal built on the theme relies on, by default.
TECHNOLOGIES = ("HTML", "CSS", "WAI-ARIA", "JavaScript", "SVG")


@dataclass(frozen=True)
class AccessibilityFacts:
    """What the accessibility statement says (``circ_legal["accessibility"]``).

    No ``audit_date`` means no audit: the portal is "non conforme".
    """

    audit_date: date | None = None
    audited_by: str = ""
    rgaa_version: str = ""
    #: The share of applicable RGAA criteria met, in per cent.
    criteria_met: float | None = None
    #: Documents of the site (shown with their titles) or addresses.
    audited_pages: tuple[str, ...] = ()
    non_conformities: tuple[str, ...] = ()
    derogations: tuple[Derogation, ...] = ()
    #: Content outside the obligation (decree 2019-768, art. 3).
    exempted: tuple[str, ...] = ()
    technologies: tuple[str, ...] = TECHNOLOGIES
    #: Browsers and assistive technologies the audit was made with.
    test_environment: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    #: Where readers report an accessibility problem (e-mail or web address).
    contact: str = ""
    multi_year_plan: str = ""
    action_plan: str = ""
    #: When the statement was written (the audit's date unless given).
    statement_date: date | None = None


@dataclass(frozen=True)
class Processing:
    """One processing of personal data the portal's publisher carries out."""

    purpose: str
    data: str = ""
    basis: str = ""
    retention: str = ""
    recipients: str = ""


@dataclass(frozen=True)
class PersonalDataFacts:
    """What the personal-data page says (``circ_legal["personal_data"]``).

    By default the portal processes nothing, sets no cookie and tracks nothing.
    """

    controller: str = ""
    #: The data protection officer's e-mail or web address.
    dpo_contact: str = ""
    processing: tuple[Processing, ...] = ()
    #: Cookies or trackers a site adds to the theme (the theme sets none).
    cookies: tuple[str, ...] = ()


@dataclass(frozen=True)
class Licence:
    name: str = ""
    url: str = ""


@dataclass(frozen=True)
class LegalFacts:
    """``circ_legal``: the facts the legal pages and the footer are written from."""

    publisher: Party = Party()
    #: The director of publication (LCEN art. 6), a person's name and role.
    director: str = ""
    host: Party = Party()
    #: The licence of the portal's content, shown in the footer.
    licence: Licence = Licence()
    accessibility: AccessibilityFacts = AccessibilityFacts()
    personal_data: PersonalDataFacts = PersonalDataFacts()
    #: Whether ``conf.py`` sets ``circ_legal`` at all.
    given: bool = False


def check_config(app: Sphinx, config: Config) -> None:
    """Replace every ``circ_*`` value that is not one of its choices by its default."""
    for value in CONFIG_VALUES:
        current = getattr(config, value.name)
        if value.choices and current not in value.choices:
            warn(
                f"{value.name} = {current!r} is not one of "
                f"{', '.join(value.choices)}; using {value.default!r}",
                "config",
                None,
            )
            setattr(config, value.name, value.default)


# -- Theme options ---------------------------------------------------------------


@dataclass
class ThemeSettings:
    """sphinx-circ's own theme options, once checked (see docs/guide/theme.md).

    The defaults are those of ``theme.toml``'s ``[options]``; a test keeps
    the two equal.
    """

    organisation_name: str = ""
    organisation_url: str = ""
    organisation_logo: str = ""
    organisation_logo_dark: str = ""
    #: Token overrides per mode: ``{"light": {"primary": "#0053b3"}}``.
    palette: dict[str, dict[str, str]] = field(default_factory=dict)
    #: ``(name, url)`` pairs, every url safe.
    footer_links: list[dict[str, str]] = field(default_factory=list)
    legal_text: str = ""
    hero_layout: str = LAYOUTS[0]
    #: Top-level documents left out of the main menu (still in the site).
    menu_exclude: list[str] = field(default_factory=list)
    #: How many top-level entries the menu shows at most (then "All sections").
    menu_max_entries: int = MENU_MAX_ENTRIES
    #: ``(name, url)`` pairs shown on the header's first row, every url safe.
    quick_links: list[dict[str, str]] = field(default_factory=list)
    #: pydata-sphinx-theme's stylesheet: the rules the site uses, or whole
    #: (css_subset.py).
    parent_stylesheet: str = PARENT_STYLESHEETS[0]

    @classmethod
    def read(cls, options: dict[str, Any], confdir: Path) -> ThemeSettings:
        """Read and check *options*, warning about every value left out."""
        settings = cls()
        for option in fields(cls):
            if option.type == "str":
                value = str(options.get(option.name) or "").strip()
                setattr(settings, option.name, value or option.default)
        if settings.organisation_url and not is_safe_url(settings.organisation_url):
            warn(
                f"organisation_url {settings.organisation_url!r} is not a safe "
                "address; use https",
                "theme",
                None,
            )
            settings.organisation_url = ""
        # Without a dark logo, the light one serves both modes.
        settings.organisation_logo_dark = (
            settings.organisation_logo_dark or settings.organisation_logo
        )
        missing = set()
        for key in ("organisation_logo", "organisation_logo_dark"):
            path = getattr(settings, key)
            if path and not is_external(path) and not (confdir / path).is_file():
                if path not in missing:
                    warn(
                        f"organisation logo {path!r} not found (paths are relative "
                        "to conf.py)",
                        "theme",
                        None,
                    )
                missing.add(path)
                setattr(settings, key, "")
        if settings.parent_stylesheet not in PARENT_STYLESHEETS:
            warn(
                f"parent_stylesheet {settings.parent_stylesheet!r} is not one of: "
                f"{', '.join(PARENT_STYLESHEETS)}",
                "theme",
                None,
            )
            settings.parent_stylesheet = PARENT_STYLESHEETS[0]
        if settings.hero_layout not in LAYOUTS:
            warn(
                f"hero_layout {settings.hero_layout!r} is not a layout; use one of: "
                f"{', '.join(LAYOUTS)}",
                "theme",
                None,
            )
            settings.hero_layout = LAYOUTS[0]
        settings.footer_links = read_links(options.get("footer_links"), "footer_links")
        settings.quick_links = read_links(options.get("quick_links"), "quick_links")
        settings.menu_exclude = read_docnames(
            options.get("menu_exclude"), "menu_exclude"
        )
        settings.menu_max_entries = read_menu_size(
            options.get("menu_max_entries"), "theme", None
        )
        palette, problems = read_palette(options.get("palette"))
        for problem in problems:
            warn(problem, "theme", None)
        settings.palette = palette
        return settings

    def logo(self, current: dict[str, Any]) -> dict[str, Any]:
        """pydata-sphinx-theme's ``logo`` option, completed from the organisation."""
        logo = dict(current)
        if self.organisation_name:
            logo.setdefault("text", self.organisation_name)
            logo.setdefault("alt_text", self.organisation_name)
        if self.organisation_url:
            logo.setdefault("link", self.organisation_url)
        for key, path in (
            ("image_light", self.organisation_logo),
            ("image_dark", self.organisation_logo_dark),
        ):
            if path:
                logo.setdefault(key, path)
        return logo


def read_links(links: Any, option: str) -> list[dict[str, str]]:
    """*links* (``footer_links``, ``quick_links``), those without a name and a
    safe address left out with a warning."""
    if not links:
        return []
    if not isinstance(links, list):
        warn(f"{option} must be a list of {{'name': …, 'url': …}}", "theme", None)
        return []
    kept = []
    for link in links:
        name = str(link.get("name", "")).strip() if isinstance(link, dict) else ""
        url = str(link.get("url", "")).strip() if isinstance(link, dict) else ""
        if name and url and is_safe_url(url):
            kept.append({"name": name, "url": url})
        else:
            warn(
                f"{option}: {link!r} needs a 'name' and a safe 'url'; left out",
                "theme",
                None,
            )
    return kept


def read_menu_size(value: Any, kind: str, location: str | None) -> int:
    """``menu_max_entries``: a whole number of 1 or more (the default when
    unset; a warning of *kind* and the default when invalid)."""
    if value is None or value == "":
        return MENU_MAX_ENTRIES
    try:
        size = int(str(value).strip())
    except ValueError:
        size = 0
    if size < 1:
        warn(
            f"menu_max_entries must be a whole number of 1 or more, not {value!r}; "
            f"using {MENU_MAX_ENTRIES}",
            kind,
            location,
        )
        return MENU_MAX_ENTRIES
    return size


def read_docnames(value: Any, option: str) -> list[str]:
    """*value* as a list of document names (``"a, b"`` is read as two)."""
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, list | tuple) or not all(
        isinstance(item, str) for item in value
    ):
        warn(f"{option} must be a list of document names", "theme", None)
        return []
    return [
        item.strip().removesuffix(".md").strip("/") for item in value if item.strip()
    ]


@dataclass
class DsfrSettings:
    """The ``sphinx_circ_dsfr`` theme's options, once checked (see
    docs/guide/dsfr.md). The defaults are those of its ``theme.toml``."""

    #: The service's name in the header (the project's title when empty).
    service_name: str = ""
    service_tagline: str = ""
    #: The bloc marque's lines (the State's name, then its motto if wanted).
    bloc_marque: list[str] = field(default_factory=lambda: ["République", "Française"])
    #: The operator's logo, beside the bloc marque, and its text alternative.
    operator_logo: str = ""
    operator_logo_alt: str = ""
    footer_description: str = ""
    #: ``{"name", "url", "logo"}``: the partners' logos in the footer.
    footer_partners: list[dict[str, str]] = field(default_factory=list)
    #: ``(name, url)`` pairs: the header's tools, every url safe.
    quick_links: list[dict[str, str]] = field(default_factory=list)
    #: ``(name, url)`` pairs: the footer's bottom row, after the legal links.
    footer_links: list[dict[str, str]] = field(default_factory=list)
    #: Top-level documents left out of the main navigation.
    menu_exclude: list[str] = field(default_factory=list)
    #: How many top-level entries the navigation shows at most.
    menu_max_entries: int = MENU_MAX_ENTRIES

    @classmethod
    def read(
        cls, options: dict[str, Any], confdir: Path, location: str
    ) -> DsfrSettings:
        """Read and check *options*, warning (``circ.dsfr``, at *location*)
        about every value left out or missing."""
        settings = cls()
        for option in fields(cls):
            if option.type == "str":
                value = str(options.get(option.name) or "").strip()
                setattr(settings, option.name, value or option.default)
        lines = options.get("bloc_marque", settings.bloc_marque)
        if isinstance(lines, str):
            lines = lines.split("\n")
        if not isinstance(lines, list | tuple) or not all(
            isinstance(line, str) for line in lines
        ):
            warn("bloc_marque must be a list of lines", "dsfr", location)
            lines = settings.bloc_marque
        lines = [line.strip() for line in lines if line.strip()]
        if not lines:
            warn(
                "bloc_marque is empty: the DSFR's header needs the State's name "
                "(République Française); using it",
                "dsfr",
                location,
            )
            lines = ["République", "Française"]
        settings.bloc_marque = lines
        logo = settings.operator_logo
        if logo and not is_external(logo) and not (confdir / logo).is_file():
            warn(
                f"operator_logo {logo!r} not found (paths are relative to conf.py)",
                "dsfr",
                location,
            )
            settings.operator_logo = ""
        if settings.operator_logo and not settings.operator_logo_alt:
            warn(
                "operator_logo has no operator_logo_alt: the DSFR's header needs "
                "the operator's name as the logo's text alternative; logo left out",
                "dsfr",
                location,
            )
            settings.operator_logo = ""
        settings.footer_partners = read_partners(
            options.get("footer_partners"), confdir, location
        )
        settings.quick_links = read_links(options.get("quick_links"), "quick_links")
        settings.footer_links = read_links(options.get("footer_links"), "footer_links")
        settings.menu_exclude = read_docnames(
            options.get("menu_exclude"), "menu_exclude"
        )
        settings.menu_max_entries = read_menu_size(
            options.get("menu_max_entries"), "dsfr", location
        )
        return settings


def read_partners(value: Any, confdir: Path, location: str) -> list[dict[str, str]]:
    """``footer_partners``: those without a name, a safe address and a logo
    found are left out with a ``circ.dsfr`` warning."""
    if not value:
        return []
    if not isinstance(value, list):
        warn(
            "footer_partners must be a list of {'name': …, 'url': …, 'logo': …}",
            "dsfr",
            location,
        )
        return []
    kept = []
    for partner in value:
        entry = {
            key: str(partner.get(key, "")).strip() if isinstance(partner, dict) else ""
            for key in ("name", "url", "logo")
        }
        logo = entry["logo"]
        found = bool(logo) and (is_external(logo) or (confdir / logo).is_file())
        if entry["name"] and entry["url"] and is_safe_url(entry["url"]) and found:
            kept.append(entry)
        else:
            warn(
                f"footer_partners: {partner!r} needs a 'name', a safe 'url' and "
                "a 'logo' found (relative to conf.py); left out",
                "dsfr",
                location,
            )
    return kept


# The settings of each builder whose theme is sphinx-circ's (None otherwise).
_SETTINGS: WeakKeyDictionary[Any, ThemeSettings | None] = WeakKeyDictionary()


def is_circ_theme(app: Sphinx) -> bool:
    """Whether the builder's theme is sphinx-circ's or inherits it.

    The one rule every part of the package uses: by the theme's folders, so a
    site's own theme that inherits ``sphinx_circ`` counts, and other builders
    (LaTeX, text…) do not.
    """
    builder = getattr(app, "builder", None)
    if builder in _SETTINGS:
        return _SETTINGS[builder] is not None
    theme = getattr(builder, "theme", None)
    if theme is None:
        return False
    target = THEME_DIR.resolve()
    return any(Path(folder).resolve() == target for folder in theme.get_theme_dirs())


_DSFR_SETTINGS: WeakKeyDictionary[Any, DsfrSettings | None] = WeakKeyDictionary()


def is_dsfr_theme(app: Sphinx) -> bool:
    """Whether the builder's theme is ``sphinx_circ_dsfr`` or inherits it (the
    same rule as ``is_circ_theme``, by the theme's folders).

    The two are exclusive: what is drawn for pydata-sphinx-theme (the menu's
    template, the sidebars, every table stacking) is the ``sphinx_circ``
    theme's only; what the blocks need applies under both
    (``is_portal_theme``).
    """
    return builder_is_dsfr(getattr(app, "builder", None))


def builder_is_dsfr(builder: Any) -> bool:
    """``is_dsfr_theme`` for a builder (what a node's translator has)."""
    if builder in _DSFR_SETTINGS:
        return _DSFR_SETTINGS[builder] is not None
    theme = getattr(builder, "theme", None)
    if theme is None:
        return False
    target = DSFR_THEME_DIR.resolve()
    return any(Path(folder).resolve() == target for folder in theme.get_theme_dirs())


def is_portal_theme(app: Sphinx) -> bool:
    """Whether the builder's theme is one of the package's two."""
    return is_circ_theme(app) or is_dsfr_theme(app)


def dsfr_settings(app: Sphinx) -> DsfrSettings | None:
    """The checked DSFR theme options, or None under another theme."""
    return _DSFR_SETTINGS.get(app.builder)


def options_location(app: Sphinx) -> str:
    """``conf.py:<line>`` of ``html_theme_options`` (its first line if unset)."""
    from .placeholders import assignment_line

    conf_py = Path(app.confdir) / "conf.py"
    line = (
        assignment_line(conf_py, "html_theme_options")
        if "html_theme_options" not in app.config.overrides
        else None
    )
    return f"{conf_py}:{line or 1}"


def read_dsfr_options(app: Sphinx) -> None:
    """Check the DSFR theme's options once."""
    if not is_dsfr_theme(app):
        _DSFR_SETTINGS[app.builder] = None
        return
    options = theme_options(app)
    settings = DsfrSettings.read(options, Path(app.confdir), options_location(app))
    if not settings.service_name:
        # The site's own title if conf.py sets one (Sphinx's default adds
        # "documentation"), else the project's name.
        given = getattr(app.config, "_raw_config", {})
        title = next(
            (
                app.config[name]
                for name in ("html_short_title", "html_title")
                if name in given or name in app.config.overrides
            ),
            "",
        )
        settings.service_name = str(title or app.config.project or "")
    _DSFR_SETTINGS[app.builder] = settings


def theme_options(app: Sphinx) -> dict[str, Any]:
    """The options dictionary the builder's theme reads (changed in place)."""
    options = getattr(app.builder, "theme_options", None)
    if not isinstance(options, dict):
        options = app.config.html_theme_options
    return options if isinstance(options, dict) else {}


def theme_settings(app: Sphinx) -> ThemeSettings | None:
    """The checked theme options, or None when the sphinx-circ theme is not used."""
    return _SETTINGS.get(app.builder)


#: The oldest pydata-sphinx-theme the theme's header and icons are drawn for.
#: The blocks need none (a site under sphinx-book-theme has 0.20).
THEME_PARENT_MINIMUM = (0, 24)


def parent_version() -> tuple[int, ...]:
    from importlib.metadata import version

    return tuple(int(part) for part in version("pydata-sphinx-theme").split(".")[:2])


def read_theme_options(app: Sphinx) -> None:
    """Check the theme's options once, and hand the organisation to pydata."""
    read_dsfr_options(app)
    if not is_circ_theme(app):
        _SETTINGS[app.builder] = None
        return
    if parent_version() < THEME_PARENT_MINIMUM:
        warn(
            "the sphinx_circ theme is drawn for pydata-sphinx-theme "
            f"{'.'.join(map(str, THEME_PARENT_MINIMUM))} or newer; with "
            f"{'.'.join(map(str, parent_version()))} its header and icons differ",
            "theme",
            None,
        )
    options = theme_options(app)
    settings = ThemeSettings.read(options, Path(app.confdir))
    _SETTINGS[app.builder] = settings
    # Templates read the checked values (``theme_hero_layout``…).
    options["hero_layout"] = settings.hero_layout
    options["footer_links"] = settings.footer_links
    options["quick_links"] = settings.quick_links
    options["menu_exclude"] = settings.menu_exclude
    # pydata-sphinx-theme has no translation of its "More" menu.
    options.setdefault("header_dropdown_text", str(_("More")))
    # Older pydata-sphinx-theme (0.20 among them) puts its own search button
    # in place of a navbar_persistent the site did not set, ignoring ours.
    if "navbar_persistent" not in options:
        defaults = app.builder.theme.get_options({})  # type: ignore[attr-defined]
        options["navbar_persistent"] = defaults.get("navbar_persistent", "")
    logo = settings.logo(options.get("logo") or {})
    if logo:
        options["logo"] = logo
    # The organisation's logo is the site's icon unless the site names one.
    if not app.config.html_favicon and settings.organisation_logo:
        app.config.html_favicon = settings.organisation_logo


def setup_config(app: Sphinx) -> None:
    for value in CONFIG_VALUES:
        app.add_config_value(value.name, value.default, value.rebuild, types=[str])
    app.add_config_value(LEGAL_CONFIG, {}, "env", types=[dict])
    app.connect("config-inited", check_config)
    # Before pydata-sphinx-theme reads its ``logo`` option (priority 500).
    app.connect("builder-inited", read_theme_options, priority=100)
