// Lint for the theme's and the blocks' scripts: plain browser JavaScript.
import js from "@eslint/js";
import globals from "globals";

export default [
  // The DSFR's own scripts, as its package ships them (tools/vendor_dsfr.py).
  { ignores: ["sphinx_circ/theme/sphinx_circ_dsfr/static/dsfr/**"] },
  js.configs.recommended,
  {
    files: ["sphinx_circ/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "script",
      globals: { ...globals.browser, DOCUMENTATION_OPTIONS: "writable", Documentation: "writable" },
    },
  },
];
