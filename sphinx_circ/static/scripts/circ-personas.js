/* sphinx-circ: persona tabs (WAI-ARIA tabs pattern), deep links and sync.
 * No framework, no inline script: configuration comes from data attributes. */
(() => {
  "use strict";
  const script = document.currentScript;
  const mode = (script && script.dataset.circStorage) || "local";
  const storeKey = (group) => `sphinx-circ:${group}`;

  function storage() {
    /* Blocked storage (privacy modes, sandboxed frames) must never break tabs. */
    try {
      const area = mode === "session" ? window.sessionStorage : mode === "local" ? window.localStorage : null;
      if (area) {
        area.getItem("sphinx-circ");
      }
      return area;
    } catch {
      return null;
    }
  }

  function remember(group, key) {
    const area = storage();
    try {
      if (area) area.setItem(storeKey(group), key);
    } catch {
      /* quota or policy: the choice simply is not kept */
    }
  }

  function remembered(group) {
    const area = storage();
    try {
      return area ? area.getItem(storeKey(group)) : null;
    } catch {
      return null;
    }
  }

  const sets = Array.from(document.querySelectorAll(".circ-personas[data-circ-group]"));

  /* The tabs sit in the tab list, or in its items (the DSFR theme's markup:
     ul > li[role=presentation] > button); never those of a set nested in a panel. */
  function tabsOf(set) {
    return Array.from(set.querySelectorAll(":scope > [role=tablist] [role=tab]"));
  }

  function panelOf(tab) {
    return document.getElementById(tab.getAttribute("aria-controls"));
  }

  function select(set, key, focus) {
    const tabs = tabsOf(set);
    const chosen = tabs.find((tab) => tab.dataset.circKey === key);
    if (!chosen) return false;
    for (const tab of tabs) {
      const on = tab === chosen;
      tab.setAttribute("aria-selected", on ? "true" : "false");
      tab.tabIndex = on ? 0 : -1;
      const panel = panelOf(tab);
      if (!panel) continue;
      if (on) panel.removeAttribute("hidden");
      else panel.setAttribute("hidden", "until-found");
      /* A panel hidden until found keeps its box (content-visibility), so it
         could still take the focus: only the shown one is in the tab order. */
      panel.tabIndex = on ? 0 : -1;
      /* Under the DSFR theme the panels carry the DSFR's state class too. */
      if (panel.classList.contains("fr-tabs__panel")) panel.classList.toggle("fr-tabs__panel--selected", on);
    }
    if (focus) chosen.focus();
    reveal(chosen);
    return true;
  }

  /* The tab row scrolls sideways where it does not fit: keep the selected
     tab in view, without scrolling the page. */
  function reveal(tab) {
    const row = tab.closest("[role=tablist]");
    const box = row.getBoundingClientRect();
    const at = tab.getBoundingClientRect();
    if (at.left < box.left) row.scrollLeft -= box.left - at.left + 32;
    else if (at.right > box.right) row.scrollLeft += at.right - box.right + 32;
  }

  function selectGroup(group, key, except) {
    for (const set of sets) {
      if (set !== except && set.dataset.circGroup === group) select(set, key, false);
    }
  }

  function choose(set, key, focus) {
    if (!select(set, key, focus)) return;
    const group = set.dataset.circGroup;
    selectGroup(group, key, set);
    remember(group, key);
    const url = new URL(window.location.href);
    url.searchParams.set(group, key);
    url.hash = "";
    window.history.replaceState(window.history.state, "", url);
  }

  function openTarget(hash, scroll) {
    if (!hash || hash.length < 2) return false;
    let target;
    try {
      target = document.getElementById(decodeURIComponent(hash.slice(1)));
    } catch {
      return false;
    }
    const panel = target && target.closest(".circ-persona[role=tabpanel]");
    if (!panel) return false;
    const set = panel.closest(".circ-personas");
    select(set, panel.dataset.circKey, false);
    selectGroup(set.dataset.circGroup, panel.dataset.circKey, set);
    if (scroll) target.scrollIntoView();
    return true;
  }

  for (const set of sets) {
    const group = set.dataset.circGroup;
    const tabs = tabsOf(set);
    const fromQuery = new URL(window.location.href).searchParams.get(group);
    const shown = tabs.find((tab) => tab.getAttribute("aria-selected") === "true");
    const initial = [fromQuery, remembered(group), shown && shown.dataset.circKey].find(
      (key) => key && tabs.some((tab) => tab.dataset.circKey === key),
    );
    if (initial) select(set, initial, false);

    set.addEventListener("click", (event) => {
      const tab = event.target.closest("[role=tab]");
      if (tab && tabs.includes(tab)) choose(set, tab.dataset.circKey, false);
    });
    set.addEventListener("keydown", (event) => {
      const index = tabs.indexOf(event.target);
      if (index < 0) return;
      const moves = {
        ArrowRight: index + 1,
        ArrowLeft: index - 1,
        Home: 0,
        End: tabs.length - 1,
      };
      if (!(event.key in moves)) return;
      event.preventDefault();
      const next = tabs[(moves[event.key] + tabs.length) % tabs.length];
      choose(set, next.dataset.circKey, true);
    });
    for (const tab of tabs) {
      const panel = panelOf(tab);
      /* Find-in-page reached text in a hidden panel: show that panel. */
      if (panel) panel.addEventListener("beforematch", () => choose(set, tab.dataset.circKey, false));
    }
  }

  if (sets.length) {
    openTarget(window.location.hash, true);
    window.addEventListener("hashchange", () => openTarget(window.location.hash, true));
    /* Follow a choice made in another window of the same site. */
    window.addEventListener("storage", (event) => {
      if (!event.key || !event.key.startsWith("sphinx-circ:") || !event.newValue) return;
      selectGroup(event.key.slice("sphinx-circ:".length), event.newValue, null);
    });
  }
})();
