"""The DSFR icon for each icon name a button may give (sphinx-design's
octicons), and the DSFR utility stylesheet that holds its class.

Plain data, no import: ``tools/vendor_dsfr.py`` reads it to copy exactly these
icons' rules and pictures into the theme. An octicon not listed here keeps its
own drawing (an inline SVG) under the DSFR theme.
"""

from __future__ import annotations

#: octicon name → (DSFR icon class, its family in ``dist/utility/icons``).
BUTTON_ICONS: dict[str, tuple[str, str]] = {
    "alert": ("fr-icon-warning-line", "icons-system"),
    "arrow-left": ("fr-icon-arrow-left-line", "icons-arrows"),
    "arrow-right": ("fr-icon-arrow-right-line", "icons-arrows"),
    "book": ("fr-icon-book-2-line", "icons-document"),
    "calendar": ("fr-icon-calendar-line", "icons-business"),
    "check": ("fr-icon-check-line", "icons-system"),
    "chevron-down": ("fr-icon-arrow-down-s-line", "icons-arrows"),
    "chevron-right": ("fr-icon-arrow-right-s-line", "icons-arrows"),
    "code": ("fr-icon-code-s-slash-line", "icons-development"),
    "comment": ("fr-icon-chat-3-line", "icons-communication"),
    "comment-discussion": ("fr-icon-discuss-line", "icons-communication"),
    "database": ("fr-icon-database-line", "icons-device"),
    "download": ("fr-icon-download-line", "icons-system"),
    "eye": ("fr-icon-eye-line", "icons-system"),
    "file": ("fr-icon-file-line", "icons-document"),
    "filter": ("fr-icon-filter-line", "icons-system"),
    "gear": ("fr-icon-settings-5-line", "icons-system"),
    "globe": ("fr-icon-global-line", "icons-business"),
    "graph": ("fr-icon-line-chart-line", "icons-business"),
    "heart": ("fr-icon-heart-line", "icons-health"),
    "home": ("fr-icon-home-4-line", "icons-buildings"),
    "info": ("fr-icon-information-line", "icons-system"),
    "light-bulb": ("fr-icon-lightbulb-line", "icons-others"),
    "link": ("fr-icon-links-line", "icons-business"),
    "link-external": ("fr-icon-external-link-line", "icons-system"),
    "location": ("fr-icon-map-pin-2-line", "icons-map"),
    "lock": ("fr-icon-lock-line", "icons-system"),
    "mail": ("fr-icon-mail-line", "icons-business"),
    "organization": ("fr-icon-community-line", "icons-buildings"),
    "paper-airplane": ("fr-icon-send-plane-line", "icons-business"),
    "pencil": ("fr-icon-edit-line", "icons-design"),
    "people": ("fr-icon-team-line", "icons-user"),
    "person": ("fr-icon-user-line", "icons-user"),
    "plus": ("fr-icon-add-line", "icons-system"),
    "question": ("fr-icon-question-line", "icons-system"),
    "rss": ("fr-icon-rss-line", "icons-device"),
    "search": ("fr-icon-search-line", "icons-system"),
    "share": ("fr-icon-share-line", "icons-system"),
    "star": ("fr-icon-star-line", "icons-system"),
    "sync": ("fr-icon-refresh-line", "icons-system"),
    "table": ("fr-icon-table-line", "icons-design"),
    "trash": ("fr-icon-delete-line", "icons-system"),
    "upload": ("fr-icon-upload-line", "icons-system"),
}
