/* What Sphinx and pydata-sphinx-theme would do with inline script or eval,
   done from a file so a strict Content-Security-Policy holds (see csp.py).
   Deferred, it runs after doctools.js and before translations.js and the
   theme's own script. */
(() => {
  /* Settings pydata writes inline: DOCUMENTATION_OPTIONS.pagename and others. */
  const options = JSON.parse(document.currentScript.dataset.options || "{}");
  if (typeof DOCUMENTATION_OPTIONS !== "undefined") {
    Object.assign(DOCUMENTATION_OPTIONS, options);
  }

  /* Sphinx compiles the catalog's plural rule with new Function (eval); */
  /* parse the C expression instead (n, integers, ?:, ||, &&, comparisons, %). */
  const pluralRule = (expr) => {
    const tokens = String(expr).match(/\d+|n|[=!<>]=|&&|\|\||[?:()<>%*/+!-]/g) || [];
    let i = 0;
    const binary = (operand, ops) => () => {
      let left = operand();
      while (ops[tokens[i]]) {
        const [op, f, g] = [ops[tokens[i++]], left, operand()];
        left = (n) => op(f(n), g(n));
      }
      return left;
    };
    const primary = () => {
      const token = tokens[i++];
      if (token === "(") {
        const inner = ternary();
        i++;
        return inner;
      }
      if (token === "!") {
        const operand = primary();
        return (n) => +!operand(n);
      }
      if (token === "n") return (n) => n;
      const value = Number(token);
      return () => value;
    };
    const product = binary(primary, {
      "%": (a, b) => a % b,
      "*": (a, b) => a * b,
      "/": (a, b) => Math.trunc(a / b),
    });
    const sum = binary(product, { "+": (a, b) => a + b, "-": (a, b) => a - b });
    const compare = binary(sum, {
      "<": (a, b) => +(a < b),
      ">": (a, b) => +(a > b),
      "<=": (a, b) => +(a <= b),
      ">=": (a, b) => +(a >= b),
    });
    const equal = binary(compare, { "==": (a, b) => +(a === b), "!=": (a, b) => +(a !== b) });
    const and = binary(equal, { "&&": (a, b) => +(a && b) });
    const or = binary(and, { "||": (a, b) => +(a || b) });
    const ternary = () => {
      const test = or();
      if (tokens[i] !== "?") return test;
      i++;
      const then = ternary();
      i++;
      const otherwise = ternary();
      return (n) => (test(n) ? then(n) : otherwise(n));
    };
    const rule = ternary();
    return i === tokens.length ? (n) => Number(rule(n)) : (n) => (n === 1 ? 0 : 1);
  };
  if (typeof Documentation !== "undefined") {
    Documentation.addTranslations = (catalog) => {
      Object.assign(Documentation.TRANSLATIONS, catalog.messages);
      Documentation.PLURAL_EXPR = pluralRule(catalog.plural_expr);
      Documentation.LOCALE = catalog.locale;
    };
  }

  /* Should circ-mode.js not have run yet, pydata's script would find no mode */
  /* and overwrite the reader's stored choice; it derives the theme from this. */
  const root = document.documentElement;
  if (!root.dataset.mode) {
    try {
      root.dataset.mode =
        localStorage.getItem("mode") || document.body.dataset.defaultMode || "auto";
    } catch {
      root.dataset.mode = "auto";
    }
  }

  /* pydata's search page focuses its field with an inline script. */
  if (options.pagename === "search") {
    const input = document.querySelector(".bd-search-container form.bd-search input");
    input?.focus();
    input?.select();
  }
})();
