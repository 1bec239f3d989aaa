/* sphinx-circ: inventory filter (text from 3 characters, accent- and
 * case-insensitive, every column) and status toggles with live counts. */
(() => {
  "use strict";
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  /* The message's form for a count, by the page language's plural rules
     (forms other than "one" and "other" fall back to "other"). */
  const plurals = (() => {
    try {
      return new Intl.PluralRules(document.documentElement.lang || undefined);
    } catch {
      return new Intl.PluralRules();
    }
  })();
  const say = (element, shown, total) => {
    const forms = { one: element.dataset.circOne, other: element.dataset.circOther };
    return (forms[plurals.select(shown)] ?? forms.other).replace("{shown}", shown).replace("{total}", total);
  };

  for (const inventory of document.querySelectorAll(".circ-inventory")) {
    const controls = inventory.querySelector(".circ-inventory__controls");
    const table = inventory.querySelector(".circ-inventory__table");
    if (!controls || !table) continue;
    const input = controls.querySelector(".circ-inventory__filter");
    const toggles = Array.from(controls.querySelectorAll("[data-circ-status]"));
    const live = controls.querySelector("[role=status]");
    const rows = Array.from(table.tBodies[0].rows).map((row) => {
      /* The badge's status: circ-badge--open, or circ-status--open on a DSFR badge. */
      const badge = row.querySelector(".circ-badge, .fr-badge");
      const status = badge ? (badge.className.match(/circ-(?:badge|status)--([\w-]+)/) || [])[1] : "";
      /* The cells' own text: not the labels shown when rows stack. */
      const copy = row.cloneNode(true);
      for (const label of copy.querySelectorAll(".circ-cell-label")) label.remove();
      return { row, status, text: fold(copy.textContent) };
    });

    function update(announce) {
      const query = fold(input.value.trim());
      const active = query.length >= 3 ? query : "";
      const shownStatuses = new Set(
        toggles.filter((t) => t.getAttribute("aria-pressed") === "true").map((t) => t.dataset.circStatus)
      );
      const counts = {};
      let shown = 0;
      for (const entry of rows) {
        const matches = !active || entry.text.includes(active);
        if (matches) counts[entry.status] = (counts[entry.status] || 0) + 1;
        const visible = matches && (!entry.status || shownStatuses.has(entry.status));
        entry.row.hidden = !visible;
        if (visible) shown += 1;
      }
      for (const toggle of toggles) {
        toggle.querySelector(".circ-inventory__toggle-count").textContent = counts[toggle.dataset.circStatus] || 0;
      }
      if (announce) live.textContent = say(live, shown, rows.length);
    }

    controls.hidden = false;
    input.addEventListener("input", () => update(true));
    for (const toggle of toggles) {
      toggle.addEventListener("click", () => {
        toggle.setAttribute("aria-pressed", toggle.getAttribute("aria-pressed") === "true" ? "false" : "true");
        update(true);
      });
    }
    update(false);
  }
})();
