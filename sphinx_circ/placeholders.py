"""Example values left in a portal: a located ``circ.placeholder`` warning each.

``sphinx-circ new`` writes an example address for data requests and one
for the site (``html_baseurl``, outside Read the Docs), to be replaced.
Published as it is, every request would be lost: the domains
reserved for examples (RFC 2606: example.com, example.net, example.org and
their subdomains; the ``example``, ``test`` and ``invalid`` top-level
domains) receive nothing. So wherever a portal sets such an address, the
build warns, at the line that sets it, until it is replaced.
"""

from __future__ import annotations

import ast
from pathlib import Path
from urllib.parse import urlsplit

from sphinx.application import Sphinx
from sphinx.config import Config

from .messages import warn

#: Second-level domains reserved for examples, and reserved top-level ones.
EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
EXAMPLE_TLDS = ("example", "test", "invalid")

#: The settings that say where something is sent, and where the site is.
ADDRESS_SETTINGS = ("circ_request_email", "circ_request_url", "html_baseurl")


def domain_of(address: str) -> str:
    """The domain of an e-mail address or of a URL (lower case, no final dot)."""
    address = address.strip()
    if "@" in address and "://" not in address:
        domain = address.rsplit("@", 1)[1]
    else:
        domain = urlsplit(address).hostname or ""
    return domain.lower().rstrip(".")


def is_placeholder(address: str) -> bool:
    """Whether *address* is at a domain reserved for examples."""
    domain = domain_of(address)
    if not domain:
        return False
    return domain.rsplit(".", 1)[-1] in EXAMPLE_TLDS or any(
        domain == reserved or domain.endswith("." + reserved)
        for reserved in EXAMPLE_DOMAINS
    )


def placeholder_message(what: str, address: str) -> str:
    if what == "html_baseurl":
        return (
            f"{what} {address!r} is an example address: replace it with the "
            "site's own, or catalogues, search engines and shared links are sent "
            "to it"
        )
    return (
        f"{what} {address!r} is an example address (its domain receives "
        "nothing): replace it with the portal's own, or every data request is lost"
    )


def assignment_line(conf_py: Path, name: str) -> int | None:
    """The line of ``conf.py`` that last sets *name* at its top level."""
    try:
        tree = ast.parse(conf_py.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    line = None
    for statement in tree.body:
        targets: list[ast.expr] = []
        if isinstance(statement, ast.Assign):
            targets = statement.targets
        elif isinstance(statement, ast.AnnAssign):
            targets = [statement.target]
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        names |= {
            element.id
            for t in targets
            if isinstance(t, ast.Tuple)
            for element in t.elts
            if isinstance(element, ast.Name)
        }
        if name in names:
            line = statement.lineno
    return line


def value_line(conf_py: Path, name: str, value: str) -> int | None:
    """The line of ``conf.py`` where the text *value* is written inside the
    value of *name* (a dictionary's entry), else the line setting *name*."""
    try:
        tree = ast.parse(conf_py.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return None
    found = None
    for statement in tree.body:
        if not isinstance(statement, ast.Assign | ast.AnnAssign):
            continue
        targets = (
            statement.targets
            if isinstance(statement, ast.Assign)
            else [statement.target]
        )
        if not any(isinstance(t, ast.Name) and t.id == name for t in targets):
            continue
        found = statement.lineno
        for node in ast.walk(statement):
            if isinstance(node, ast.Constant) and node.value == value:
                found = node.lineno
                break
    return found


def check_placeholders(app: Sphinx, config: Config) -> None:
    """Warn about every address setting left at an example address."""
    conf_py = Path(app.confdir) / "conf.py"
    for name in ADDRESS_SETTINGS:
        value = str(getattr(config, name, "") or "")
        if not is_placeholder(value):
            continue
        line = assignment_line(conf_py, name) if name not in config.overrides else None
        # "path:line" is shown as it is; without a line, no location.
        location = f"{conf_py}:{line}" if line else None
        warn(placeholder_message(name, value), "placeholder", location)


def setup_placeholders(app: Sphinx) -> None:
    app.connect("config-inited", check_placeholders)
