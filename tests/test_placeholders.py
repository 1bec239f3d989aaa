"""Example addresses left in a portal warn, located, until they are replaced."""

from __future__ import annotations

import pytest
from conftest import DEFAULT_CONF, warnings_of

from sphinx_circ.placeholders import is_placeholder

REQUEST_PAGE = {"index.md": "# Demande\n\n:::{data-request}\n:::\n"}


@pytest.mark.parametrize(
    ("address", "placeholder"),
    [
        ("contact@example.org", True),
        ("donnees@services.example.com", True),
        ("https://forms.example.net/demande", True),
        ("https://example.org", True),
        ("contact@mon-organisme.example", True),
        ("contact@portail.test", True),
        ("Contact@EXAMPLE.ORG.", True),
        ("contact@mairie-exemple.fr", False),
        ("donnees@example.gouv.fr", False),
        ("https://www.example-data.org/", False),
        ("https://notexample.org/", False),
        ("", False),
        ("pas une adresse", False),
    ],
)
def test_example_domains_are_recognised(address: str, placeholder: bool) -> None:
    assert is_placeholder(address) is placeholder


def test_an_example_address_in_conf_py_warns_at_its_line(build) -> None:
    conf = (
        DEFAULT_CONF
        + "\n# Where requests go.\n"
        + 'circ_request_email = "contact@example.org"\n'
        + 'circ_request_url = "https://forms.example.net/demande"\n'
    )
    built = build(REQUEST_PAGE, conf=conf)
    email, url = warnings_of(built, "placeholder")
    assert (
        "/conf.py:6: WARNING: circ_request_email 'contact@example.org' is an example address"
        in email
    )
    assert (
        "/conf.py:7: WARNING: circ_request_url 'https://forms.example.net/demande'"
        in url
    )
    assert "every data request is lost" in email
    # One warning per setting, not one per form that uses it.
    assert len(built.circ_warnings()) == 2


def test_an_example_address_given_with_d_warns_without_a_line(build) -> None:
    built = build(
        REQUEST_PAGE, confoverrides={"circ_request_email": "contact@example.org"}
    )
    (warning,) = warnings_of(built, "placeholder")
    assert warning.startswith("WARNING: circ_request_email 'contact@example.org'")


def test_an_example_address_of_a_block_warns_at_the_block(build) -> None:
    page = (
        "# Demande\n\nTexte.\n\n:::{data-request}\n:email: donnees@example.org\n:::\n"
    )
    built = build({"index.md": page})
    (warning,) = warnings_of(built, "placeholder")
    assert (
        "index.md:5: WARNING: :email: 'donnees@example.org' is an example address"
        in warning
    )


def test_a_real_address_gives_no_warning(build) -> None:
    conf = DEFAULT_CONF + 'circ_request_email = "donnees@mairie-exemple.fr"\n'
    built = build(REQUEST_PAGE, conf=conf, confoverrides={"nitpicky": True})
    assert built.warnings == ""


def test_the_warning_can_be_suppressed(build) -> None:
    conf = (
        DEFAULT_CONF
        + 'circ_request_email = "contact@example.org"\n'
        + 'suppress_warnings = ["circ.placeholder"]\n'
    )
    assert build(REQUEST_PAGE, conf=conf).warnings == ""
