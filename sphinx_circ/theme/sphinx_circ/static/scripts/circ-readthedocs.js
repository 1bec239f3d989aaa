/* Read the Docs' addons, read once they have loaded (see readthedocs.py).
   Linked only in pages built on Read the Docs. The addons announce their
   data with the "readthedocs-addons-data-ready" event, and keep it in
   window.ReadTheDocsEventData for scripts that run after it. From it:
   - the version menu pydata-sphinx-theme draws, where a site places it
     without a JSON file of versions, lists the active versions;
   - the header's search button and Ctrl+K open Read the Docs' server-side
     search, when the project has it on.
   Until then, and without the addons, the search is Sphinx's. */
(function () {
  "use strict";

  let serverSearch = false;

  function showServerSearch(event) {
    event.preventDefault();
    /* Before pydata-sphinx-theme's own handlers, which would open its dialog. */
    event.stopImmediatePropagation();
    document.dispatchEvent(new CustomEvent("readthedocs-search-show"));
  }

  /* Registered now, before pydata-sphinx-theme's script runs (it is linked
     after this one), so these listeners come first. */
  document.addEventListener(
    "click",
    (event) => {
      if (serverSearch && event.target.closest(".search-button__button")) {
        showServerSearch(event);
      }
    },
    true,
  );
  window.addEventListener(
    "keydown",
    (event) => {
      const shortcut =
        (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey;
      if (serverSearch && shortcut && /^k$/i.test(event.key)) {
        showServerSearch(event);
      }
    },
    true,
  );

  function versionItem(version, current) {
    const item = document.createElement("a");
    item.className = "dropdown-item list-group-item list-group-item-action py-1";
    item.setAttribute("role", "option");
    item.href = version.urls.documentation;
    const name = document.createElement("span");
    name.textContent = version.slug;
    item.append(name);
    const selected = version.slug === current.slug;
    item.setAttribute("aria-selected", String(selected));
    if (selected) {
      item.classList.add("active");
    }
    return item;
  }

  function fillVersionMenus(data) {
    /* pydata-sphinx-theme fills the menu itself from a JSON file, if given. */
    const options = window.DOCUMENTATION_OPTIONS || {};
    if (Object.hasOwn(options, "theme_switcher_json_url")) {
      return;
    }
    const current = data.versions.current;
    const versions = data.versions.active.slice();
    /* A hidden or pull-request version is still the one being read. */
    if (!versions.some((version) => version.slug === current.slug)) {
      versions.unshift(current);
    }
    for (const container of document.querySelectorAll(".version-switcher__container")) {
      const button = container.querySelector(".version-switcher__button");
      const menu = container.querySelector(".version-switcher__menu");
      if (!button || !menu) {
        continue;
      }
      menu.replaceChildren(...versions.map((version) => versionItem(version, current)));
      /* The button shows the version read, before its caret. */
      const label = [...button.childNodes].find(
        (node) => node.nodeType === Node.TEXT_NODE && node.data.trim(),
      );
      if (label) {
        label.data = `${current.slug} `;
      }
      button.dataset.activeVersionName = current.slug;
    }
  }

  function useAddons(source) {
    let data;
    try {
      data = source.data();
    } catch {
      return;
    }
    if (!data) {
      return;
    }
    serverSearch = Boolean(data.addons?.search?.enabled);
    if (data.versions?.current && Array.isArray(data.versions.active)) {
      fillVersionMenus(data);
    }
  }

  document.addEventListener("readthedocs-addons-data-ready", (event) => {
    useAddons(event.detail);
  });
  if (window.ReadTheDocsEventData) {
    useAddons(window.ReadTheDocsEventData);
  }
})();
