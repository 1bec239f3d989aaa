/* The reader's light or dark choice, applied as the page loads. Loaded async
   from the head: it never delays rendering, and circ-csp.js applies the
   same choice should this one arrive late. */
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
