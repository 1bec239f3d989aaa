"""The ``sphinx-circ`` command: ``migrate`` an old portal, start a ``new`` one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def package_version() -> str:
    """The installed version, read without importing Sphinx."""
    try:
        return version("sphinx-circ")
    except PackageNotFoundError:  # run from a source tree
        from .. import __version__

        return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sphinx-circ",
        description="Tools for open-data portals built with sphinx-circ.",
    )
    parser.add_argument(
        "--version", action="version", version=f"sphinx-circ {package_version()}"
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    migrate = commands.add_parser(
        "migrate",
        help="convert VuePress/Jekyll/Pelican/MkDocs pages to MyST with sphinx-circ blocks",
        description=(
            "Convert old portal pages (VuePress components and slots, Jekyll's Liquid "
            "and kramdown, Pelican front matter, MkDocs admonitions, tabs, snippets "
            "and nav) to MyST pages using sphinx-circ's blocks, repairing mis-decoded "
            "text. Links, Liquid and components inside code blocks are left as written. "
            "Nothing is dropped: what cannot be converted is kept in a comment and "
            "reported with its line, on screen and in OUT/MIGRATION.md. The written "
            "pages are then built with Sphinx's text builder: every line of prose "
            "of an old page that the built page does not show is reported as lost, "
            "every warning of that build on its line. Exits with 2 only when the "
            "input cannot be read or the output written; with --strict, 1 when "
            "anything is lost."
        ),
    )
    migrate.add_argument(
        "sources",
        nargs="+",
        type=Path,
        metavar="SRC",
        help="page files or folders of pages (.md, .markdown; files of any suffix); "
        "a folder holding mkdocs.yml is read from its docs_dir",
    )
    migrate.add_argument(
        "-o",
        "--output",
        type=Path,
        required=True,
        metavar="OUT",
        help="folder of the Sphinx project to write (created if needed), with the "
        "report MIGRATION.md",
    )
    migrate.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 if any file would change (for CI)",
    )
    migrate.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 when any prose is lost (a line of an old page the built "
        "site does not show)",
    )
    migrate.add_argument(
        "--no-verify",
        action="store_true",
        help="do not build the migrated pages to check that their prose arrived",
    )
    migrate.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print only the summary, not each note",
    )

    new = commands.add_parser(
        "new",
        help="start a new portal that builds at once",
        description="Create a new sphinx-circ portal: a landing page, datasets, an FAQ by "
        "audience, a request page, the legal pages (accessibility statement, legal "
        "notice, personal data, site map) and the files Read the Docs needs.",
    )
    new.add_argument(
        "directory", type=Path, metavar="DIR", help="folder to create (must be empty)"
    )
    new.add_argument("--name", default=None, help="the portal's name")
    new.add_argument(
        "--organisation", default=None, help="the organisation publishing it"
    )
    new.add_argument(
        "--contact",
        default=None,
        help="the e-mail address readers write to (legal notice, accessibility)",
    )
    new.add_argument(
        "--language",
        choices=("fr", "en"),
        default="fr",
        help="language of the pages and interface (default: fr)",
    )

    args = parser.parse_args(argv)
    if args.command == "migrate":
        try:
            from .project import run_migrate
        except ModuleNotFoundError as error:
            if error.name not in ("ftfy", "emoji"):
                raise
            parser.exit(
                2,
                "sphinx-circ migrate needs the migrate extra: "
                "pip install 'sphinx-circ[migrate]'\n",
            )

        return run_migrate(
            args.sources,
            args.output,
            check=args.check,
            quiet=args.quiet,
            strict=args.strict,
            verify_build=not args.no_verify,
        )
    from .new import run_new

    return run_new(
        args.directory,
        name=args.name,
        organisation=args.organisation,
        language=args.language,
        contact=args.contact,
    )


if __name__ == "__main__":
    sys.exit(main())
