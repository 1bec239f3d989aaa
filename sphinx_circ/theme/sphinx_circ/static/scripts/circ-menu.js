/* The header's main menu: the entries that do not fit on the row (and those
   past header_links_before_dropdown) move under "More"; the phone menu gets
   a close button. Without this script the row wraps and every entry shows.
   The header's other lists (the mode switch) open as disclosures too, so
   that no page needs Bootstrap's script for them. */
(() => {
  "use strict";

  function fit(menu) {
    const list = menu.querySelector(":scope > ul");
    const items = Array.from(list.querySelectorAll(":scope > .circ-menu__item"));
    const more = list.querySelector(":scope > .circ-menu__more");
    const toggle = more.querySelector("button");
    const copies = Array.from(more.querySelectorAll(".circ-menu__copy"));
    const limit = Number(menu.dataset.circLimit) || items.length;
    const cut = items.length > limit + 1 ? limit : items.length;
    items.forEach((item, index) => item.classList.toggle("circ-menu__item--more", index >= cut));
    more.hidden = cut === items.length;
    /* The row keeps one line: hide entries from the end until it fits. */
    let shown = cut;
    const overflows = () => list.scrollWidth > list.clientWidth + 1;
    if (overflows() && more.hidden) more.hidden = false;
    while (shown > 0 && overflows()) {
      shown -= 1;
      items[shown].classList.add("circ-menu__item--more");
    }
    more.hidden = shown === items.length;
    copies.forEach((copy, index) => {
      copy.hidden = !items[index].classList.contains("circ-menu__item--more");
    });
    /* "More" holds the reader's section: mark it, as the entry would be. */
    const current = copies.some((copy) => !copy.hidden && copy.classList.contains("current"));
    more.classList.toggle("current", current);
    more.classList.toggle("active", current);
    toggle.classList.toggle("circ-menu__toggle--current", current);
  }

  /* A disclosure (APG): the button opens and closes its list; Escape, a
     click or focus elsewhere, or a choice made (a button of the list), close
     it. "More" and the mode switch are both. */
  function disclosure(container, toggle, opened) {
    const list = document.getElementById(toggle.getAttribute("aria-controls"));
    const open = (value) => {
      toggle.setAttribute("aria-expanded", value ? "true" : "false");
      list.hidden = !value;
      list.classList.toggle("show", value);
      if (value && opened) opened(list);
    };
    toggle.addEventListener("click", () => open(list.hidden));
    list.addEventListener("click", (event) => {
      if (event.target.closest("button")) {
        open(false);
        toggle.focus();
      }
    });
    container.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !list.hidden) {
        open(false);
        toggle.focus();
      }
    });
    container.addEventListener("focusout", (event) => {
      if (!container.contains(event.relatedTarget)) open(false);
    });
    document.addEventListener("click", (event) => {
      if (!container.contains(event.target)) open(false);
    });
  }

  for (const menu of document.querySelectorAll(".circ-menu[data-circ-limit]")) {
    /* From here the row keeps to one line (circ-menu--fitted). */
    menu.classList.add("circ-menu--fitted");
    const more = menu.querySelector(".circ-menu__more");
    disclosure(more, more.querySelector("button"), (panel) => {
      /* Past the page's end, the list opens towards the row's start. */
      panel.classList.remove("circ-menu__more-list--end");
      if (panel.getBoundingClientRect().right > document.documentElement.clientWidth) {
        panel.classList.add("circ-menu__more-list--end");
      }
    });
    fit(menu);
    let width = menu.clientWidth;
    let pending = 0;
    new ResizeObserver(() => {
      if (pending || menu.clientWidth === width) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        width = menu.clientWidth;
        fit(menu);
      });
    }).observe(menu);
  }

  for (const container of document.querySelectorAll(".circ-disclosure")) {
    disclosure(container, container.querySelector(":scope > button[aria-controls]"));
  }

  /* The mode switch says which mode is on (pydata's script marks it with a
     class only). */
  const pressed = () => {
    const mode = document.documentElement.dataset.mode || "auto";
    for (const button of document.querySelectorAll(".theme-change-button[aria-pressed]")) {
      button.setAttribute("aria-pressed", button.dataset.mode === mode ? "true" : "false");
    }
  };
  pressed();
  new MutationObserver(pressed).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ["data-mode"],
  });

  /* The phone menu is pydata-sphinx-theme's <dialog>: a visible way out. */
  for (const button of document.querySelectorAll(".circ-sidebar-close")) {
    button.addEventListener("click", () => button.closest("dialog")?.close());
  }
})();
