/* The reader's display setting (light, dark or system), applied before the
   first paint: the head loads this file (a few hundred bytes) before the
   stylesheets and waits for it. The DSFR's own script keeps the choice
   afterwards (the "scheme" key of localStorage). */
(() => {
  const root = document.documentElement;
  let scheme = root.getAttribute("data-fr-scheme") || "system";
  try {
    scheme = localStorage.getItem("scheme") || scheme;
  } catch {
    /* Storage blocked: the system's setting holds. */
  }
  const dark =
    scheme === "dark" ||
    (scheme === "system" && window.matchMedia("(prefers-color-scheme: dark)").matches);
  root.setAttribute("data-fr-theme", dark ? "dark" : "light");
})();
