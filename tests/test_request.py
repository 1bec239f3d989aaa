"""The ``data-request`` block: a form that needs no server."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF, warnings_of

PAGE = (
    "# Demande\n\n:::{data-request}\nAvant d'écrire, cherchez sur data.gouv.fr.\n:::\n"
)
# An example address is a placeholder (tests/test_placeholders.py), meant here.
CONF = (
    DEFAULT_CONF + 'circ_request_email = "donnees@example.org"\n'
    'suppress_warnings = ["circ.placeholder"]\n'
)


def test_form_fields_and_fallback(build) -> None:
    built = build({"index.md": PAGE}, conf=CONF)
    assert built.warnings == ""
    page = BeautifulSoup(built.read("index.html"), "html.parser")
    form = page.select_one("form.circ-request__form")
    assert form.has_attr("hidden") and form["data-circ-email"] == "donnees@example.org"
    labels = {
        label["for"]: label.get_text(" ", strip=True) for label in form.select("label")
    }
    for control in form.select("input, textarea, select"):
        assert control["id"] in labels  # every control is labelled
    description = form.select_one("textarea[name=description]")
    assert description.has_attr("required")
    assert labels[description["id"]] == "Décrivez les données que vous recherchez *"
    names = [c["name"] for c in form.select("[name]:is(input, textarea, select)")]
    assert names == [
        "description",
        "title",
        "organisation",
        "scale",
        "frequency",
        "reuse",
    ]
    assert form.select_one("button[type=submit]").get_text() == "Préparer le courriel"
    # Without a mail program: the prepared message (not sent with the form:
    # no name), the address, and buttons to copy them.
    message = form.select_one(".circ-request__result textarea")
    assert message.has_attr("readonly") and not message.has_attr("name")
    assert labels[message["id"]] == "Message préparé"
    assert [b["data-circ-copy"] for b in form.select("[data-circ-copy]")] == [
        "address",
        "message",
    ]
    fallback = page.select_one(".circ-request__fallback")
    assert "Avant d’écrire" in fallback.get_text()
    assert fallback.select_one("a")["href"] in (
        "mailto:donnees@example.org",
        "mailto:donnees%40example.org",
    )
    assert "circ-request.js" in built.read("index.html")


def test_text_output_has_instructions(build) -> None:
    built = build({"index.md": PAGE}, buildername="text", conf=CONF)
    text = (Path(built.app.outdir) / "index.txt").read_text(encoding="utf-8")
    assert "donnees@example.org" in text
    assert "Décrivez les données que vous recherchez" in text
    assert "Préparer le courriel" not in text


def test_no_address_warns(build) -> None:
    built = build({"index.md": PAGE})
    (warning,) = warnings_of(built, "request")
    assert (
        "index.md:3: WARNING: data-request needs somewhere to send requests" in warning
    )
    assert "circ-request__form" not in built.read("index.html")


def test_bad_address_and_url_warn(build) -> None:
    page = "# Demande\n\n:::{data-request}\n:email: pas-une-adresse\n:url: javascript:alert(1)\n:::\n"
    built = build({"index.md": page})
    warnings = warnings_of(built, "request")
    assert any(
        "request e-mail 'pas-une-adresse' is not an address" in w for w in warnings
    )
    assert any("must be an http or https address" in w for w in warnings)
    assert "javascript:" not in built.read("index.html")
