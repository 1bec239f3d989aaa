// Lint for the theme's and the blocks' scripts: plain browser JavaScript.
import js from "@eslint/js";
import globals from "globals";

export default [
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
