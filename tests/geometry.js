/*
 * The geometry of a rendered page: what a reader sees run over, cut off or
 * out of reach. Evaluated by Playwright (`page.evaluate(source, options)`);
 * it returns `{problems, stats}`, each problem a plain object with a `kind`,
 * the element(s) as `selector` (precise, for finding it in the DevTools) and
 * `shape` (the same path without row numbers or ids, for grouping the same
 * defect over many rows and pages), the `text` involved (truncated) and the
 * numbers that show it, in CSS pixels.
 *
 * What counts, and why:
 *
 * - page-scrolls-sideways: `documentElement.scrollWidth > clientWidth`, or
 *   the same of a box that scrolls sideways and holds the page's content (an
 *   `article`, `main` or `h1`: pydata's article container scrolls on its
 *   own, so the document keeps the window's width while the reader pans the
 *   whole text). A reader at 320px must not scroll in two directions (WCAG
 *   1.4.10). The culprits named are the outermost elements, or text, whose
 *   right edge passes that box and whose overflow no box in between clips
 *   or scrolls (fixed-position boxes never widen the page), widest first.
 *
 * - text-overlap: the client rects of every visible text node
 *   (`Range.getClientRects()`, one per line fragment) are compared. Two rects
 *   overlap when they intersect by more than `tolerance` (2px) across and by
 *   more than a quarter of the shorter line down: a rect is the font's
 *   content area, taller than the ink, so stacked blocks with a tight
 *   line-height touch by a few pixels without any glyph meeting; two texts on
 *   the same row always share most of their height. Rects are only compared
 *   when their "owners" differ, the owner being the nearest ancestor that is
 *   not `display: inline` (or `contents`): the text of one inline formatting
 *   context is laid out by line breaking and cannot run over itself, which
 *   leaves out an element's own lines and nested inline boxes (a `code` in a
 *   link in a paragraph). Each rect is first cut to what its ancestors'
 *   overflow lets show (hidden, clip, auto and scroll alike), so text
 *   scrolled out of a box does not count. Rects are sorted by top and swept:
 *   each is compared only with those that start above its bottom.
 *
 * - Hidden text is never checked: elements that `checkVisibility()` rejects
 *   (display none, closed `<details>`, dialogs and popovers, which are not
 *   rendered; `visibility: hidden`; `opacity: 0` on itself or an ancestor,
 *   as the heading permalink until hovered), text inside `<svg>`, and the
 *   visually-hidden idiom: a box whose `clip-path` is `inset(50%)` or whose
 *   `clip` is a zero rect, or any text whose clip leaves less than 1px.
 *
 * - text-clipped: visible text cut by more than `tolerance` across (a quarter
 *   of a line down) by an ancestor whose `overflow` hides on that axis
 *   (`hidden`, `clip`), or left of / above the page, which no one can scroll
 *   to. Scroll containers (`auto`, `scroll`) are not clipping: their text is
 *   reachable. An ancestor with `text-overflow: ellipsis` (or a line clamp,
 *   which draws one) cuts on purpose and
 *   shows it: it is accepted when the full text stays available, in its own
 *   text (read whole by assistive technology unless `aria-hidden`), a `title`
 *   or an `aria-label`. Absolutely and fixed positioned boxes escape the
 *   overflow of ancestors below their containing block, as in CSS.
 *
 * - text-outside-box: the visible part of a text rect runs past the border
 *   box of its owner (more than `tolerance` across, a quarter of a line
 *   down): a long identifier or URL spilling out of its cell or card, over
 *   a border or the page margin, even where it meets no other text.
 *
 * - word-broken: a word split across two lines between two letters or
 *   digits without a visible hyphen ("Obligat" / "oire"). A break after
 *   `-`, `_`, `/`, `.` and the like, at a soft hyphen, or with
 *   `hyphens: auto` (which draws a hyphen) is a normal break. Code, and
 *   tokens that look like identifiers or URLs, may break anywhere when they
 *   are wider than their whole box; a break they did not need is reported.
 *
 * - table-in-scroll-box (when `tableScroll` is set, at 1024px and wider): a
 *   table whose nearest `overflow-x: auto|scroll` box (itself included)
 *   scrolls (`scrollWidth > clientWidth + 1`) and hides part of it: on a
 *   desktop screen columns cut at the edge of a box, with no cue that more
 *   is there, are a defect.
 *
 * - target-too-small: buttons, `[role=button]`, tabs, links styled as
 *   buttons (a class naming `btn` or `button`), form controls, `<summary>`
 *   and every link or control of the page header, visible, not disabled,
 *   smaller than `minTarget` (24px, WCAG 2.5.8; 44px below 768px, 2.5.5)
 *   in either direction. A target in running text is exempt, as WCAG
 *   allows: one whose block also holds text outside it. A checkbox or
 *   radio counts with its labels, which operate it too.
 *
 * - tabs-wrap: a tablist whose tabs fall on more than one row, unless they
 *   form a single column (a vertical list is a layout, a 3 + 2 grid is not).
 *
 * - permalink-alone: a heading's "#" permalink that sits on a line below the
 *   heading's last line of text: hidden until hovered, it still takes a
 *   line, and shows alone when it appears.
 *
 * With `paper` set (the print layout, measured at an A4 page's width),
 * nothing scrolls: every box whose overflow is not `visible` cuts, the
 * page's right edge too, and text cut wholly out of view counts as cut.
 */
/* global document, window, getComputedStyle, performance, CSS, Node, NodeFilter */
(function checkGeometry(options) {
  "use strict";
  const started = performance.now();
  const opts = {
    tolerance: 2,
    minTarget: 24,
    tableScroll: false,
    paper: false,
    maxText: 60,
    ...options,
  };
  const tol = opts.tolerance;
  const problems = [];
  const doc = document.documentElement;
  const sx = window.scrollX;
  const sy = window.scrollY;
  const INF = 1e9;

  // -- Rects, in document coordinates ---------------------------------------
  const box = (r) => ({ l: r.left + sx, t: r.top + sy, r: r.right + sx, b: r.bottom + sy });
  const inter = (a, b) => ({
    l: Math.max(a.l, b.l),
    t: Math.max(a.t, b.t),
    r: Math.min(a.r, b.r),
    b: Math.min(a.b, b.b),
  });
  const w = (a) => Math.max(0, a.r - a.l);
  const h = (a) => Math.max(0, a.b - a.t);
  const round = (n) => Math.round(n * 10) / 10;
  const numbers = (a) => ({ left: round(a.l), top: round(a.t), width: round(w(a)), height: round(h(a)) });

  const style = new Map();
  const css = (el) => {
    let s = style.get(el);
    if (!s) {
      s = getComputedStyle(el);
      style.set(el, s);
    }
    return s;
  };

  // -- Names for elements ----------------------------------------------------
  // Classes that say nothing about what the element is.
  const BORING = /^(docutils|notranslate|literal|pre|reference|internal|external|row-(odd|even)|simple|longtable|align-\w+|colwidths-\w+|table|field-(odd|even)|highlight\S*|std|std-\w+|xref|p|head|rubric|circ-heading-[\w-]+|container|row|col(-[\w-]+)?|d-[\w-]+|sd-d-[\w-]+|sd-(col|row|container)[\w-]*|sd-[mp][trblxy]?-[\w-]+)$/;
  const LANDMARK = /^(circ-|bd-|sd-|pst-|navbar|sidebar|search|footer)/;
  const classes = (el) => [...el.classList].filter((c) => !BORING.test(c)).slice(0, 2);
  const nth = (el) => {
    let i = 1;
    for (let s = el.previousElementSibling; s; s = s.previousElementSibling) i++;
    return i;
  };

  /**
   * A short CSS path up to the block the element belongs to (the nearest
   * ancestor with a `circ-`, `bd-`, `sd-` or `pst-` class, or an id):
   * `selector` keeps ids and row numbers, `shape` keeps at most four steps
   * (the element, its table cell, the block) and no row number.
   */
  function names(el) {
    // A bare span inside an inline element (docutils' `code > span.pre`) is named by its parent.
    while (el.localName === "span" && !classes(el).length && el.parentElement && css(el.parentElement).display === "inline") {
      el = el.parentElement;
    }
    const parts = []; // the element first
    for (let e = el, depth = 0; e && e !== doc && e !== document.body && depth < 12; e = e.parentElement, depth++) {
      const tag = e.localName;
      const cls = classes(e);
      const cell = tag === "td" || tag === "th";
      const numbered = cell || tag === "tr" || tag === "li";
      const landmark = cls.some((c) => LANDMARK.test(c)) && !/^(tr|td|th|li|p|span|a|code|dt|dd)$/.test(tag);
      const keep = e === el || numbered || cls.length > 0 || /^(h[1-6]|table|button|a|code|dl|caption|pre)$/.test(tag);
      if (!keep && !e.id) continue;
      const base = tag + cls.map((c) => "." + CSS.escape(c)).join("");
      const precise = e.id ? `${tag}#${CSS.escape(e.id)}` : numbered ? `${base}:nth-child(${nth(e)})` : base;
      const shape = cell ? `${tag}:nth-child(${nth(e)})` : cls.length ? "." + cls.map(CSS.escape).join(".") : tag;
      parts.push({ precise, shape, cell, row: tag === "tr" || tag === "li" });
      if (landmark || (e.id && e !== el && !/^(h[1-6]|section|table|div)$/.test(tag))) {
        if (e.id && landmark) parts[parts.length - 1].shape = "." + cls.map(CSS.escape).join(".");
        break;
      }
    }
    const last = parts.length - 1;
    const chosen = parts.filter((p, i) => i === 0 || i === last || p.cell);
    for (const p of parts) {
      if (chosen.length >= 4) break;
      if (!chosen.includes(p) && !p.row) chosen.push(p);
    }
    chosen.sort((a, b) => parts.indexOf(b) - parts.indexOf(a));
    return {
      selector: parts.map((p) => p.precise).reverse().join(" "),
      shape: chosen.map((p) => p.shape).join(" "),
    };
  }

  const clean = (text) => (text || "").replace(/\s+/g, " ").trim();
  const cut = (text) => {
    const t = clean(text);
    return t.length > opts.maxText ? t.slice(0, opts.maxText - 1) + "…" : t;
  };

  // -- Visibility ----------------------------------------------------------
  const visibleMemo = new Map();
  function visible(el) {
    let v = visibleMemo.get(el);
    if (v === undefined) {
      v = el.checkVisibility({ opacityProperty: true, visibilityProperty: true, contentVisibilityAuto: true });
      visibleMemo.set(el, v);
    }
    return v;
  }

  /** The visually-hidden idiom on this very element. */
  function idiomHidden(el) {
    const s = css(el);
    if (/inset\(\s*50%/.test(s.clipPath)) return true;
    if (s.position === "absolute" || s.position === "fixed") {
      const m = /^rect\(([^)]*)\)$/.exec(s.clip);
      if (m) {
        const [top, right, bottom, left] = m[1].split(/[\s,]+/).map(parseFloat);
        if (right - left <= 1 || bottom - top <= 1) return true;
      }
    }
    return false;
  }

  // -- Clips ---------------------------------------------------------------
  const EVERYWHERE = { l: -INF, t: -INF, r: INF, b: INF };
  // Nothing left of or above the page can be scrolled to; on the right the
  // root clips only when its overflow hides (the page then cannot scroll).
  const rootStyle = getComputedStyle(doc);
  const bodyStyle = getComputedStyle(document.body);
  // On paper nothing scrolls: every overflow box cuts, and so does the page's edge.
  const hides = opts.paper ? (o) => o !== "visible" : (o) => o === "hidden" || o === "clip";
  const rootHides = opts.paper || [rootStyle.overflowX, bodyStyle.overflowX].some(hides);
  const ROOT = { l: 0, t: 0, r: rootHides ? doc.clientWidth : INF, b: INF };

  /** The element whose overflow can clip *el*'s own box (null: the page). */
  const containerMemo = new Map();
  function container(el) {
    if (containerMemo.has(el)) return containerMemo.get(el);
    const position = css(el).position;
    let c = el.parentElement;
    if (position === "absolute" || position === "fixed") {
      for (; c && c !== doc; c = c.parentElement) {
        const s = css(c);
        const establishes =
          s.transform !== "none" || s.filter !== "none" || s.perspective !== "none" || /paint|layout|strict|content/.test(s.contain);
        if (establishes || (position === "absolute" && s.position !== "static")) break;
      }
      if (c === doc) c = null;
    }
    if (c === doc || c === document.body) c = null;
    containerMemo.set(el, c);
    return c;
  }

  /** What *el*'s descendants can show: `all` cuts at every overflow box, `hide` only at hidden/clip. */
  const clipMemo = new Map();
  function clipInside(el) {
    if (!el) return { all: EVERYWHERE, hide: ROOT, hidden: false };
    let c = clipMemo.get(el);
    if (c) return c;
    const outer = clipInside(container(el));
    c = { all: outer.all, hide: outer.hide, hidden: outer.hidden || idiomHidden(el) };
    if (el !== doc && el !== document.body) {
      const s = css(el);
      const ox = s.overflowX;
      const oy = s.overflowY;
      if (ox !== "visible" || oy !== "visible") {
        const r = box(el.getBoundingClientRect());
        const pad = {
          l: r.l + el.clientLeft,
          t: r.t + el.clientTop,
          r: r.l + el.clientLeft + el.clientWidth,
          b: r.t + el.clientTop + el.clientHeight,
        };
        // `overflow: clip` cuts at the padding box too (no margin set here).
        const onX = { l: pad.l, t: -INF, r: pad.r, b: INF };
        const onY = { l: -INF, t: pad.t, r: INF, b: pad.b };
        if (ox !== "visible") c.all = inter(c.all, onX);
        if (oy !== "visible") c.all = inter(c.all, onY);
        if (hides(ox)) c.hide = inter(c.hide, onX);
        if (hides(oy)) c.hide = inter(c.hide, onY);
        // A box of a pixel or less that clips is the visually-hidden idiom.
        if ((ox !== "visible" && pad.r - pad.l <= 1) || (oy !== "visible" && pad.b - pad.t <= 1)) c.hidden = true;
      }
    }
    clipMemo.set(el, c);
    return c;
  }

  /** The clip of *el*'s own box (what its container lets show). */
  const clipOf = (el) => clipInside(container(el));

  /** The nearest ancestor that hides on an axis and cuts *rect* (for the report). */
  function culprit(el, rect) {
    for (let e = el; e; e = container(e)) {
      const s = css(e);
      if (!hides(s.overflowX) && !hides(s.overflowY)) continue;
      const r = box(e.getBoundingClientRect());
      const cutsX = hides(s.overflowX) && (rect.l < r.l + e.clientLeft - tol || rect.r > r.l + e.clientLeft + e.clientWidth + tol);
      const cutsY = hides(s.overflowY) && (rect.t < r.t + e.clientTop - tol || rect.b > r.t + e.clientTop + e.clientHeight + tol);
      if (cutsX || cutsY) return e;
    }
    return null; // the page's edge
  }

  // -- Owners --------------------------------------------------------------
  const ownerMemo = new Map();
  function owner(el) {
    let o = ownerMemo.get(el);
    if (o) return o;
    o = el;
    while (o.parentElement && o !== document.body) {
      const d = css(o).display;
      if (d !== "inline" && d !== "contents") break;
      o = o.parentElement;
    }
    ownerMemo.set(el, o);
    return o;
  }

  const fixedMemo = new Map();
  function fixed(el) {
    if (!el || el === doc) return false;
    let f = fixedMemo.get(el);
    if (f === undefined) {
      f = css(el).position === "fixed" || fixed(el.parentElement);
      fixedMemo.set(el, f);
    }
    return f;
  }

  // -- Text rects ----------------------------------------------------------
  const rects = []; // {rect, vis, el, own, node}: visible text, cut to its clip
  const allText = []; // {rect, el}: every text rect, cut or not
  const multiline = []; // text nodes laid out on more than one line
  const range = document.createRange();
  // No filter callback: a page without JavaScript cannot call back into script.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const SKIP = "script, style, noscript, template, svg, math, title";
  let textNodes = 0;
  const clippedByEl = new Map();
  const outsideByOwner = new Map();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || !/\S/.test(node.data) || el.closest(SKIP) || !visible(el)) continue;
    const clip = clipInside(el);
    if (clip.hidden) continue;
    range.selectNodeContents(node);
    const list = range.getClientRects();
    if (!list.length) continue;
    textNodes++;
    const own = owner(el);
    let tops = 0;
    let lastTop = null;
    for (const raw of list) {
      if (raw.width < 0.5 || raw.height < 0.5) continue;
      const rect = box(raw);
      if (lastTop === null || Math.abs(rect.t - lastTop) > raw.height / 2) tops++;
      lastTop = rect.t;
      const vis = inter(rect, clip.all);
      const slackY = Math.max(tol, h(rect) / 4);
      // Cut by a hiding ancestor (or the page's top or left edge)?
      const shown = inter(rect, clip.hide);
      const cutX = w(rect) - w(shown);
      const cutY = h(rect) - h(shown);
      if (cutX > tol || cutY > slackY) {
        const by = culprit(el, rect);
        // A one-line ellipsis, or a line clamp (its ellipsis ends the last line).
        const ellipsis = by && (css(by).textOverflow === "ellipsis" || css(by).webkitLineClamp !== "none");
        const label = by && (by.closest("[title], [aria-label]") || by);
        const available =
          ellipsis &&
          (!by.closest("[aria-hidden=true]") ||
            clean(label.getAttribute("title") || label.getAttribute("aria-label")).includes(clean(node.data)));
        // Wholly off the page (a skip link until focused, a closed drawer) is hidden, not cut.
        const drawer = !opts.paper && !by && (w(shown) === 0 || h(shown) === 0);
        if (!available && !drawer) {
          const entry = clippedByEl.get(el) || { el, by, cutX: 0, cutY: 0, lines: 0, node };
          entry.cutX = Math.max(entry.cutX, cutX);
          entry.cutY = Math.max(entry.cutY, cutY);
          entry.lines++;
          clippedByEl.set(el, entry);
        }
      }
      allText.push({ rect, el });
      if (w(vis) < 1 || h(vis) < 1) continue;
      rects.push({ rect, vis, el, own, node });
      // Painted outside its own box?
      const ob = box(own.getBoundingClientRect());
      const outX = Math.max(0, ob.l - vis.l, vis.r - ob.r);
      const outY = Math.max(0, ob.t - vis.t, vis.b - ob.b);
      if (own !== document.body && (outX > tol || outY > slackY)) {
        const entry = outsideByOwner.get(own) || { own, el, node, outX: 0, outY: 0, lines: 0 };
        entry.outX = Math.max(entry.outX, outX);
        entry.outY = Math.max(entry.outY, outY);
        entry.lines++;
        outsideByOwner.set(own, entry);
      }
    }
    if (tops > 1) multiline.push({ node, el, own });
  }

  for (const { el, by, cutX, cutY, lines, node } of clippedByEl.values()) {
    const n = names(el);
    const b = by ? names(by) : { selector: "(page edge)", shape: "(page edge)" };
    problems.push({
      kind: "text-clipped",
      ...n,
      text: cut(node.data),
      by: b.selector,
      byShape: b.shape,
      cutX: round(cutX),
      cutY: round(cutY),
      lines,
    });
  }
  for (const { own, el, node, outX, outY, lines } of outsideByOwner.values()) {
    const n = names(el);
    const o = names(own);
    problems.push({
      kind: "text-outside-box",
      ...n,
      text: cut(node.data),
      box: o.selector,
      boxShape: o.shape,
      outX: round(outX),
      outY: round(outY),
      lines,
    });
  }

  // -- Overlaps: sort by top, sweep down -----------------------------------
  rects.sort((a, b) => a.vis.t - b.vis.t);
  const pairs = new Map();
  let compared = 0;
  for (let i = 0; i < rects.length; i++) {
    const a = rects[i];
    for (let j = i + 1; j < rects.length; j++) {
      const b = rects[j];
      if (b.vis.t >= a.vis.b) break;
      compared++;
      if (a.own === b.own) continue;
      const o = inter(a.vis, b.vis);
      const minH = Math.min(h(a.vis), h(b.vis));
      if (w(o) <= tol || h(o) <= Math.max(tol, minH / 4)) continue;
      // One report per pair of elements, in document order.
      const [first, second] = a.el.compareDocumentPosition(b.el) & Node.DOCUMENT_POSITION_FOLLOWING ? [a, b] : [b, a];
      let byFirst = pairs.get(first.el);
      if (!byFirst) pairs.set(first.el, (byFirst = new Map()));
      const entry = byFirst.get(second.el) || { a: first, b: second, x: 0, y: 0, lines: 0 };
      entry.x = Math.max(entry.x, w(o));
      entry.y = Math.max(entry.y, h(o));
      entry.lines++;
      byFirst.set(second.el, entry);
    }
  }
  let overlaps = 0;
  for (const byFirst of pairs.values()) {
    for (const { a, b, x, y, lines } of byFirst.values()) {
      overlaps++;
      const na = names(a.el);
      const nb = names(b.el);
      problems.push({
        kind: "text-overlap",
        ...na,
        text: cut(a.node.data),
        other: nb.selector,
        otherShape: nb.shape,
        otherText: cut(b.node.data),
        overlapX: round(x),
        overlapY: round(y),
        lines,
        at: numbers(inter(a.vis, b.vis)),
      });
    }
  }

  // -- Words broken between two letters ------------------------------------
  const LETTER = /[\p{L}\p{N}]/u;
  const CODE = "code, kbd, samp, pre, tt, var";
  const lineTop = (node, start, end) => {
    range.setStart(node, start);
    range.setEnd(node, end);
    const list = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    return list.length ? list[0].top : null;
  };
  /** The length of the run of non-space characters of *block* around node[start:end]. */
  function runLength(block, node, start, end) {
    let offset = 0;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n && n !== node; n = walker.nextNode()) offset += n.data.length;
    const text = block.textContent;
    let from = offset + start;
    let to = offset + end;
    while (from > 0 && /\S/.test(text[from - 1])) from -= 1;
    while (to < text.length && /\S/.test(text[to])) to += 1;
    return to - from;
  }
  let brokenWords = 0;
  const brokenByEl = new Map();
  for (const { node, el, own } of multiline) {
    const data = node.data;
    const s = css(el);
    for (const match of data.matchAll(/\S{2,}/g)) {
      const start = match.index;
      const end = start + match[0].length;
      range.setStart(node, start);
      range.setEnd(node, end);
      const list = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      if (list.length < 2 || Math.abs(list[list.length - 1].top - list[0].top) < list[0].height / 2) continue;
      // Where the line changes: the first character not on the first line.
      const first = list[0].top;
      let lo = start + 1;
      let hi = end - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        const top = lineTop(node, mid, mid + 1);
        if (top === null || Math.abs(top - first) < list[0].height / 2) lo = mid + 1;
        else hi = mid;
      }
      const before = data[lo - 1];
      const after = data[lo];
      if (!LETTER.test(before) || !LETTER.test(after) || data.slice(start, lo).includes("\u00ad")) continue;
      const code = el.closest(CODE) || /[_/\\]|:\/\/|\w\.\w|[a-z][A-Z]/.test(match[0]);
      if (!code && s.hyphens === "auto") continue;
      if (code) {
        const width = list.reduce((sum, r) => sum + r.width, 0);
        const os = css(own);
        const room = own.clientWidth - parseFloat(os.paddingLeft) - parseFloat(os.paddingRight);
        if (width > room) continue; // wider than its whole box: it must break
        // Highlighted code splits one run of characters over several spans:
        // measure the whole run, at the word's width per character.
        const block = el.closest("pre");
        if (block && runLength(block, node, start, end) * (width / match[0].length) > room) continue;
      }
      brokenWords++;
      const entry = brokenByEl.get(el) || [];
      entry.push(data.slice(start, lo) + "/" + data.slice(lo, end));
      brokenByEl.set(el, entry);
    }
  }
  for (const [el, words] of brokenByEl) {
    problems.push({ kind: "word-broken", ...names(el), text: cut(words.join(", ")), words: words.length });
  }

  // -- Sideways scrolling --------------------------------------------------
  // The page scrolls sideways when the document does, or when a box that
  // holds the page's content does (pydata's article container scrolls on
  // its own): a reader then pans the whole text, as WCAG 1.4.10 forbids.
  const viewportWidth = doc.clientWidth;
  const scrollers = new Set([null]);
  for (const content of document.querySelectorAll("article, main, [role=main], h1")) {
    for (let e = content; e && e !== document.body && e !== doc; e = e.parentElement) {
      const ox = css(e).overflowX;
      if (ox === "auto" || ox === "scroll") scrollers.add(e);
    }
  }
  /** Whether a box between *el* (included) and *scroller* stops its overflow. */
  function held(el, scroller) {
    for (let e = el; e && e !== scroller; e = container(e)) {
      if (css(e).overflowX !== "visible") return true;
    }
    return false;
  }
  for (const scroller of scrollers) {
    const scrollWidth = scroller ? scroller.scrollWidth : doc.scrollWidth;
    const clientWidth = scroller ? scroller.clientWidth : viewportWidth;
    if (scrollWidth <= clientWidth + (scroller ? 1 : 0)) continue;
    const edge = scroller ? box(scroller.getBoundingClientRect()).l + scroller.clientLeft + clientWidth : viewportWidth;
    const offenders = new Map(); // element → right edge
    for (const el of (scroller || document.body).querySelectorAll("*")) {
      if (el.closest("svg") && el.localName !== "svg") continue;
      const r = el.getBoundingClientRect();
      if ((r.width === 0 && r.height === 0) || r.right + sx <= edge + 1 || fixed(el)) continue;
      if (held(container(el), scroller)) continue;
      offenders.set(el, r.right + sx);
    }
    // Text that runs out of a box narrower than itself (a long word).
    for (const { rect, el } of allText) {
      if (rect.r <= edge + 1 || fixed(el) || held(el, scroller) || (scroller && !scroller.contains(el))) continue;
      offenders.set(el, Math.max(offenders.get(el) || 0, rect.r));
    }
    const outermost = [...offenders.keys()].filter((el) => !offenders.has(el.parentElement));
    outermost.sort((a, b) => offenders.get(b) - offenders.get(a));
    const widest = outermost.slice(0, 5).map((el) => ({
      ...names(el),
      text: cut(el.textContent),
      right: round(offenders.get(el)),
    }));
    const where = scroller ? names(scroller) : { selector: "html", shape: "html" };
    problems.push({
      kind: "page-scrolls-sideways",
      selector: widest.length ? widest[0].selector : where.selector,
      shape: widest.length ? widest[0].shape : where.shape,
      text: widest.length ? widest[0].text : "",
      scroller: where.selector,
      scrollWidth,
      clientWidth,
      widest,
    });
  }

  // -- Tables in a scrolling box (desktop) ---------------------------------
  if (opts.tableScroll) {
    for (const table of document.querySelectorAll("table")) {
      if (!visible(table) || clipInside(table).hidden) continue;
      for (let e = table; e && e !== document.body; e = e.parentElement) {
        const ox = css(e).overflowX;
        if (ox !== "auto" && ox !== "scroll") continue;
        // The box scrolls, and for this table: part of it is out of view.
        const edge = e.getBoundingClientRect().left + e.clientLeft + e.clientWidth;
        if (e.scrollWidth > e.clientWidth + 1 && table.getBoundingClientRect().right > edge + 1) {
          const caption = table.querySelector("caption");
          problems.push({
            kind: "table-in-scroll-box",
            ...names(table),
            text: cut(caption ? caption.textContent : table.querySelector("th, td")?.textContent),
            box: names(e).selector,
            scrollWidth: e.scrollWidth,
            clientWidth: e.clientWidth,
            tableWidth: round(table.getBoundingClientRect().width),
          });
        }
        break;
      }
    }
  }

  // -- Target sizes --------------------------------------------------------
  const TARGETS = [
    "button",
    "[role=button]",
    "[role=tab]",
    "a[class*=btn]",
    "a[class*=button]",
    "input:not([type=hidden])",
    "select",
    "textarea",
    "summary",
    ".bd-header a[href]",
    ".bd-header [tabindex]:not([tabindex='-1'])",
    "header a[href]",
  ].join(", ");
  const seen = new Set();
  let targets = 0;
  for (const el of document.querySelectorAll(TARGETS)) {
    if (seen.has(el) || el.disabled || !visible(el)) continue;
    seen.add(el);
    const clip = clipOf(el);
    if (clip.hidden || idiomHidden(el)) continue;
    let r = box(el.getBoundingClientRect());
    if (w(inter(r, clip.all)) < 2 || h(inter(r, clip.all)) < 2) continue;
    // A target in running text: its block holds other text than its own.
    const block = owner(el.parentElement);
    const own = clean(el.textContent);
    if (block !== el && own && clean(block.textContent).length > own.length + 1 && !el.closest(".bd-header, header")) {
      if (css(el).display.startsWith("inline")) continue;
    }
    if (el.localName === "input" && /^(checkbox|radio)$/.test(el.type)) {
      for (const label of el.labels || []) {
        const l = box(label.getBoundingClientRect());
        r = { l: Math.min(r.l, l.l), t: Math.min(r.t, l.t), r: Math.max(r.r, l.r), b: Math.max(r.b, l.b) };
      }
    }
    targets++;
    if (w(r) + 0.5 < opts.minTarget || h(r) + 0.5 < opts.minTarget) {
      const name = el.getAttribute("aria-label") || el.textContent || el.getAttribute("title") || el.value || el.name;
      problems.push({
        kind: "target-too-small",
        ...names(el),
        text: cut(name),
        width: round(w(r)),
        height: round(h(r)),
        minimum: opts.minTarget,
      });
    }
  }

  // -- Tabs on more than one row -------------------------------------------
  for (const list of document.querySelectorAll("[role=tablist]")) {
    if (!visible(list)) continue;
    const tabs = [...list.querySelectorAll("[role=tab]")].filter(visible).map((t) => ({ t, r: t.getBoundingClientRect() }));
    if (tabs.length < 2) continue;
    const rows = [];
    for (const { r } of tabs) {
      if (!rows.some((top) => Math.abs(top - r.top) < r.height / 2)) rows.push(r.top);
    }
    const column = rows.length === tabs.length && tabs.every(({ r }) => Math.abs(r.left - tabs[0].r.left) < 2);
    if (rows.length > 1 && !column) {
      problems.push({
        kind: "tabs-wrap",
        ...names(list),
        text: cut(tabs.map(({ t }) => clean(t.textContent)).join(" | ")),
        rows: rows.length,
        tabs: tabs.length,
      });
    }
  }

  // -- Permalinks alone on their line --------------------------------------
  for (const link of document.querySelectorAll("h1 > a.headerlink, h2 > a.headerlink, h3 > a.headerlink, h4 > a.headerlink, h5 > a.headerlink, h6 > a.headerlink")) {
    const heading = link.parentElement;
    if (!visible(heading) || css(link).display === "none") continue;
    const l = link.getBoundingClientRect();
    if (l.width === 0) continue;
    let last = null;
    const texts = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = texts.nextNode(); node; node = texts.nextNode()) {
      if (link.contains(node) || !/\S/.test(node.data)) continue;
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0 && (!last || r.bottom > last.bottom)) last = r;
    }
    if (last && l.top >= last.bottom - tol) {
      problems.push({
        kind: "permalink-alone",
        ...names(heading),
        text: cut(heading.textContent.replace(/#$/, "")),
        linkTop: round(l.top + sy),
        textBottom: round(last.bottom + sy),
      });
    }
  }

  return {
    problems,
    stats: {
      textNodes,
      textRects: rects.length,
      compared,
      overlaps,
      multiline: multiline.length,
      brokenWords,
      targets,
      height: doc.scrollHeight,
      width: viewportWidth,
      ms: Math.round(performance.now() - started),
    },
  };
});
