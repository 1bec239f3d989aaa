/* sphinx-circ: filter a dataset's fields by name, title or description
   (accent- and case-insensitive). Without it every field is shown. */
(() => {
  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  for (const filter of document.querySelectorAll(".circ-dataset__filter")) {
    const input = filter.querySelector("input");
    const status = filter.querySelector("[role=status]");
    const message = filter.querySelector("template").innerHTML;
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
      status.textContent = query
        ? message.replace("{shown}", shown).replace("{total}", total)
        : "";
    };

    input.addEventListener("input", apply);
    filter.hidden = false;
  }
})();
