"""HTML-only parts come from templates a site can override."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import DEFAULT_CONF

TABS = """
# FAQ

:::::{persona-tabs}
::::{persona} Citoyen
Pour tous.
::::
::::{persona} Producteur
Pour les producteurs.
::::
:::::
"""

OVERRIDE = """\
<ol class="site-tabs">{% for tab in tabs %}<li>{{ tab.title|e }}</li>{% endfor %}</ol>
"""


def test_a_site_overrides_the_tab_list(build) -> None:
    files = {"index.md": TABS, "_templates/circ/persona-tabs.html": OVERRIDE}
    conf = DEFAULT_CONF + 'templates_path = ["_templates"]\n'
    built = build(files, conf=conf)
    soup = BeautifulSoup(built.read("index.html"), "html.parser")
    assert [li.get_text() for li in soup.select("ol.site-tabs li")] == [
        "Citoyen",
        "Producteur",
    ]
    assert soup.select(".circ-personas__tabs") == []
    # The panels themselves are still the block's.
    assert len(soup.select("[role=tabpanel]")) == 2


def test_templates_are_escaped_and_translated(build) -> None:
    page = '# Demande\n\n:::{data-request}\n:email: a@b.fr\n:subject: <b> & "x"\n:::\n'
    built = build({"index.md": page}, confoverrides={"language": "en"})
    html = built.read("index.html")
    assert 'data-circ-subject="&lt;b&gt; &amp; &#34;x&#34;"' in html
    assert "Prepare the e-mail" in html
