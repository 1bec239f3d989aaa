"""A small module documented with autodoc on the API page."""

from __future__ import annotations


class Portal:
    """A data portal.

    :param name: the portal's name.
    :param url: where it is published.
    """

    #: How many datasets a page lists.
    per_page: int = 20

    def __init__(self, name: str, url: str) -> None:
        self.name = name
        self.url = url

    def search(self, query: str, *, limit: int = 10) -> list[str]:
        """Return the names of the datasets matching *query*.

        :param query: words to look for.
        :param limit: the largest number of results.
        :returns: dataset names, best first.
        :raises ValueError: when *query* is empty.
        """
        if not query:
            raise ValueError("empty query")
        return [][:limit]


def slugify(text: str) -> str:
    """Lower-case *text* and join its words with hyphens."""
    return "-".join(text.lower().split())
