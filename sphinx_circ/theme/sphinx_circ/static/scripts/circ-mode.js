/* The reader's light or dark choice, applied before the first paint: the
   head loads this file (a few hundred bytes) before the stylesheets and
   waits for it, so a dark page never starts light and fades. */
(() => {
  const root = document.documentElement;
  if (root.dataset.mode) return;
  let mode = document.currentScript?.dataset.defaultMode || "auto";
  let theme = "";
  try {
    mode = localStorage.getItem("mode") || mode;
    theme = localStorage.getItem("theme") || "";
  } catch {
    /* Storage blocked: the site's default holds. */
  }
  const dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
  root.dataset.mode = mode;
  root.dataset.theme = theme || (mode === "auto" ? (dark ? "dark" : "light") : mode);
})();
