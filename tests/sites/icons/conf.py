"""pydata's icons (admonitions, download, breadcrumbs) for the browser tests.

encadres.md holds every admonition type, to compare with the parent theme."""

extensions = ["sphinx_circ", "sphinx.ext.todo"]
todo_include_todos = True
html_theme = "sphinx_circ"
language = "fr"

# A test site, not a portal: it need not carry the legal pages.
suppress_warnings = ["circ.legal"]
