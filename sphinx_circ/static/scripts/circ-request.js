/* sphinx-circ: the data request form composes an e-mail (or opens the
 * configured address) from the answers; no server involved. */
(() => {
  "use strict";
  for (const form of document.querySelectorAll("form.circ-request__form")) {
    const block = form.closest(".circ-request");
    const fallback = block && block.querySelector(".circ-request__fallback");
    form.hidden = false;
    if (fallback) fallback.hidden = true;

    form.addEventListener("submit", (event) => {
      event.preventDefault();
      let firstInvalid = null;
      for (const field of form.querySelectorAll("[required]")) {
        const error = document.getElementById(`${field.id}-error`);
        const invalid = !field.value.trim();
        field.setAttribute("aria-invalid", invalid ? "true" : "false");
        /* The DSFR's field group shows the error (sphinx_circ_dsfr theme). */
        const group = field.closest(".fr-input-group");
        if (group) group.classList.toggle("fr-input-group--error", invalid);
        if (error) {
          error.hidden = !invalid;
          if (invalid) field.setAttribute("aria-describedby", error.id);
          else field.removeAttribute("aria-describedby");
        }
        if (invalid && !firstInvalid) firstInvalid = field;
      }
      if (firstInvalid) {
        firstInvalid.focus();
        return;
      }
      const lines = [];
      const params = new URLSearchParams();
      for (const field of form.elements) {
        if (!field.name || !field.value.trim()) continue;
        const label = form.querySelector(`label[for="${field.id}"]`).textContent.replace(/\s*\*$/, "");
        /* "Label:" in the page's language (French puts a no-break space before the colon). */
        lines.push(`${(form.dataset.circLabel || "{label}:").replace("{label}", label)}\n${field.value.trim()}\n`);
        params.set(field.name, field.value.trim());
      }
      const { circEmail: email, circUrl: url, circSubject: subject } = form.dataset;
      if (url) {
        const target = new URL(url);
        for (const [key, value] of params) target.searchParams.set(key, value);
        window.open(target.href, "_blank", "noopener");
      }
      if (email) {
        const body = encodeURIComponent(lines.join("\n"));
        const link = `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${body}`;
        const result = form.querySelector(".circ-request__result");
        result.querySelector(".circ-request__mail").href = link;
        /* Without a mail program (webmail, a library computer) the reader
           copies the message and the address instead. */
        result.querySelector(".circ-request__message").value = `${subject}\n\n${lines.join("\n")}`;
        result.hidden = false;
        window.location.href = link;
      }
    });

    const copied = form.querySelector(".circ-request__copied");
    form.addEventListener("click", (event) => {
      const button = event.target.closest("[data-circ-copy]");
      if (!button) return;
      const message = form.querySelector(".circ-request__message");
      const text = button.dataset.circCopy === "address" ? form.dataset.circEmail : message.value;
      const done = () => {
        copied.textContent = copied.dataset.circCopied;
      };
      /* The clipboard API needs a secure context; selecting the text lets the
         reader copy it by hand anywhere else. */
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, () => message.select());
      } else {
        message.select();
      }
    });
  }
})();
