"""One small document per mistake: each gives a located circ.* warning, no
traceback, and the rest of the page is still rendered."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

AFTER = "Suite de la page."

CASES = {
    # hero
    "hero-empty": ("::::{hero}\n::::", "hero"),
    "hero-no-heading": ("::::{hero}\nSeulement une accroche.\n::::", "hero"),
    "hero-bad-align": ("::::{hero}\n:align: diagonal\n# Titre\n::::", "hero"),
    "hero-empty-image": ("::::{hero}\n:image:\n# Titre\n::::", "hero"),
    "hero-not-first": ("# Titre\n\n::::{hero}\n## Bandeau\n::::", "hero"),
    "hero-in-a-tab": (
        ":::::{persona-tabs}\n::::{persona} A\n:::{hero}\n# Titre\n:::\n::::\n:::::",
        "hero",
    ),
    # section
    "section-empty": ("::::{section}\n::::", "section"),
    "section-bad-style": ("::::{section}\n:style: fluo\nTexte.\n::::", "section"),
    "section-in-section": (
        "::::::{section}\n## A\n\n::::{section}\n## B\n::::\n::::::",
        "section",
    ),
    "section-in-grid": (
        ":::::{grid} 2\n::::{grid-item}\n:::{section}\n## T\n:::\n::::\n:::::",
        "section",
    ),
    # button
    "button-empty-target": (":::{button}\nLibellé\n:::", "button"),
    "button-missing-target": (":::{button} /nulle-part.html\nLibellé\n:::", "button"),
    "button-javascript": (":::{button} javascript:alert(1)\nLibellé\n:::", "button"),
    "button-data": (":::{button} data:text/html,x\nLibellé\n:::", "button"),
    "button-vbscript": (":::{button} VBScript:x\nLibellé\n:::", "button"),
    "button-bad-variant": (
        ":::{button} https://example.org\n:variant: fluo\nOK\n:::",
        "button",
    ),
    "button-bad-size": (
        ":::{button} https://example.org\n:size: xxl\nOK\n:::",
        "button",
    ),
    "button-bad-icon": (
        ":::{button} https://example.org\n:icon: licorne\nOK\n:::",
        "button",
    ),
    "button-role-unsafe": ("Voir {button}`ici <javascript:x>`.", "button"),
    # personas
    "tabs-empty": (":::::{persona-tabs}\n:::::", "personas"),
    "tabs-duplicate": (
        ":::::{persona-tabs}\n::::{persona} A\nx\n::::\n::::{persona} A\ny\n::::\n:::::",
        "personas",
    ),
    "tabs-two-selected": (
        ":::::{persona-tabs}\n::::{persona} A\n:selected:\nx\n::::\n::::{persona} B\n:selected:\ny\n::::\n:::::",
        "personas",
    ),
    "tabs-bad-selected": (
        ":::::{persona-tabs}\n:selected: z\n::::{persona} A\nx\n::::\n:::::",
        "personas",
    ),
    "persona-missing-page": (
        ":::::{persona-tabs}\n::::{persona} A\n:page: absente\n::::\n:::::",
        "personas",
    ),
    "persona-cycle": (
        ":::::{persona-tabs}\n::::{persona} A\n:page: index\nx\n::::\n:::::",
        "personas",
    ),
    "persona-outside": ("::::{persona} Seul\nx\n::::", "personas"),
    "persona-bad-icon": (
        ":::::{persona-tabs}\n::::{persona} A\n:icon: licorne\nx\n::::\n:::::",
        "personas",
    ),
    # dataset
    "dataset-missing-file": (":::{dataset} absent.json\n:::", "dataset"),
    "dataset-invalid-json": (":::{dataset} casse.json\n:::", "dataset"),
    "dataset-fields-not-list": (":::{dataset} objet.json\n:::", "dataset"),
    "dataset-unknown-type": (":::{dataset} type.json\n:::", "dataset"),
    "dataset-huge-undecodable": (":::{dataset} binaire.json\n:::", "dataset"),
    # inventory
    "inventory-missing": (":::{dataset-inventory} absent.csv\n:::", "inventory"),
    "inventory-bad-rows": (":::{dataset-inventory} mauvais.csv\n:::", "inventory"),
    "inventory-undecodable": (":::{dataset-inventory} latin1.csv\n:::", "inventory"),
    # request
    "request-no-address": (":::{data-request}\n:::", "request"),
    "request-bad-url": (":::{data-request}\n:url: javascript:x\n:::", "request"),
    # layout
    "layout-unknown": (None, "layout"),
}

FILES = {
    "casse.json": b'{"fields": [',
    "objet.json": b'{"fields": {"name": "a"}}',
    "type.json": b'{"fields": [{"name": "a", "type": "texte"}]}',
    "binaire.json": b"\xff\xfe\x00" * 200_000,  # 600 kB that are not UTF-8
    "mauvais.csv": "titre,statut,date\n,Ouvert,2026\nB,Peut-être,demain\n".encode(),
    "latin1.csv": "titre,statut\nDéchets,Ouvert\n".encode("latin-1"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input(build, tmp_path, case: str) -> None:
    body, kind = CASES[case]
    src = tmp_path / "src"
    src.mkdir(parents=True, exist_ok=True)
    for name, data in FILES.items():
        (src / name).write_bytes(data)
    if body is None:
        page = f"---\nlayout: plein-ecran\n---\n# Titre\n\n{AFTER}\n"
    elif body.startswith(("# ", "::::{hero}")):
        page = f"{body}\n\n{AFTER}\n"
    else:
        page = f"# Titre\n\n{body}\n\n{AFTER}\n"
    built = build({"index.md": page})
    assert (
        "Traceback" not in built.warnings and "Exception occurred" not in built.warnings
    )
    located = [
        line
        for line in built.warnings.splitlines()
        if f"[circ.{kind}]" in line and re.search(r"index\.md:\d+: WARNING: ", line)
    ]
    assert located, built.warnings
    html = BeautifulSoup(built.read("index.html"), "html.parser").get_text()
    assert AFTER in html
