"""How the dataset block's build time grows with the number of fields.

    python benchmarks/bench_dataset.py --fields 200 2000 --rounds 3

Builds a one-page project documenting a generated Table Schema (each field
with a title, a Markdown description, an enum, a pattern and examples) and
prints the median build time and the time per field, for each size.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def schema(size: int) -> dict[str, object]:
    fields = []
    for index in range(size):
        fields.append(
            {
                "name": f"champ_{index}",
                "title": f"Champ numéro {index}",
                "type": "string",
                "description": f"Le champ **{index}**, voir [la page](https://example.org/{index}).",
                "constraints": {
                    "required": index % 2 == 0,
                    "enum": [f"valeur {index}-{v}" for v in range(5)],
                    "pattern": "^[A-Z]{2}\\d{3}$",
                },
                "examples": [f"AB{index:03d}"[:5]],
            }
        )
    return {"title": f"Schéma de {size} champs", "fields": fields}


def build_time(size: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "src"
        src.mkdir()
        (src / "conf.py").write_text(
            'extensions = ["sphinx_circ"]\nhtml_theme = "sphinx_circ"\nlanguage = "fr"\n'
        )
        (src / "schema.json").write_text(json.dumps(schema(size)), encoding="utf-8")
        (src / "index.md").write_text("# Schéma\n\n:::{dataset} schema.json\n:::\n")
        start = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "sphinx",
                "-q",
                "-E",
                str(src),
                str(Path(tmp) / "out"),
            ],
            check=True,
        )
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--fields", type=int, nargs="+", default=[200, 2000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    baseline = statistics.median(build_time(1) for _ in range(args.rounds))
    print(f"1 field: {baseline:.2f} s (Sphinx and the theme, about constant)")
    for size in args.fields:
        median = statistics.median(build_time(size) for _ in range(args.rounds))
        per_field = (median - baseline) / size * 1000
        print(f"{size} fields: {median:.2f} s, {per_field:.2f} ms per field")


if __name__ == "__main__":
    main()
