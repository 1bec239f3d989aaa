/* sphinx-circ: filter a dataset's fields by name, title or description
   (accent- and case-insensitive), and copy a pattern, an allowed value or
   an example with one press. Without it every field is shown, and values
   are selected by hand. */
(() => {
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

  for (const filter of document.querySelectorAll(".circ-dataset__filter")) {
    const input = filter.querySelector("input");
    const status = filter.querySelector("[role=status]");
    /* The field entries and summary rows that follow, up to the next filter. */
    const entries = [];
    const rows = [];
    let node = filter.nextElementSibling;
    while (node && !node.classList.contains("circ-dataset__filter")) {
      if (node.classList.contains("circ-dataset__field")) entries.push(node);
      rows.push(...node.querySelectorAll("tr.circ-dataset__row"));
      node = node.nextElementSibling;
    }
    const texts = entries.map((entry) => fold(entry.textContent));
    const total = entries.length;

    const apply = () => {
      const query = fold(input.value.trim());
      let shown = 0;
      entries.forEach((entry, index) => {
        const match = !query || texts[index].includes(query);
        entry.hidden = !match;
        if (rows[index]) rows[index].hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query ? say(status, shown, total) : "";
    };

    input.addEventListener("input", apply);
    filter.hidden = false;
  }

  /* Copy buttons: the value exactly as the file writes it (the <wbr> break
     opportunities add no character). */
  const words = document.querySelector(".circ-dataset__filter");
  if (!words || !navigator.clipboard) return;
  const announce = document.createElement("p");
  announce.className = "circ-visually-hidden";
  announce.setAttribute("role", "status");
  document.body.append(announce);
  for (const value of document.querySelectorAll(".circ-dataset code.circ-copyable")) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "circ-copy";
    button.textContent = words.dataset.circCopy;
    button.setAttribute("aria-label", `${words.dataset.circCopy} ${value.textContent}`);
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(value.textContent);
      } catch {
        return;
      }
      button.textContent = words.dataset.circCopied;
      announce.textContent = words.dataset.circAnnounce.replace("{value}", value.textContent);
      setTimeout(() => {
        button.textContent = words.dataset.circCopy;
      }, 2000);
    });
    value.after(" ", button);
  }
})();
