// Which KaTeX font files a built page draws with, so the page can ask for them at once (<link rel=preload>)
// instead of the browser finding each one only while it lays the formulas out: each late font re-lays out the
// whole page and moves text (KaTeX's faces use font-display: block), which phones pay for in blocking time and
// layout shift. The faces and which classes pick them are read from the built stylesheet, not listed here.

const FAMILY = /KaTeX_\w+/;

/** A face's key: family, weight (400 or 700) and style, as @font-face rules and text nodes are matched. */
const faceKey = (family, weight, style) => `${family}|${weight >= 600 ? 700 : 400}|${style}`;

// The `font` shorthand (as on .katex) resets weight and style to normal unless it names them.
const SHORTHAND = /(?:^|;)\s*font:([^;]*)/;
const weightOf = (decls) => {
  const m = /font-weight:\s*(bold|\d+)/.exec(decls);
  if (m) return m[1] === "bold" ? 700 : Number(m[1]);
  const shorthand = SHORTHAND.exec(decls)?.[1];
  return shorthand === undefined ? undefined : /\bbold\b|\b[6-9]00\b/.test(shorthand) ? 700 : 400;
};
const styleOf = (decls) => {
  const m = /font-style:\s*(\w+)/.exec(decls);
  if (m) return m[1] === "italic" ? "italic" : "normal";
  const shorthand = SHORTHAND.exec(decls)?.[1];
  return shorthand === undefined ? undefined : /\bitalic\b/.test(shorthand) ? "italic" : "normal";
};

/**
 * From a stylesheet's text: its KaTeX @font-face rules (face key → woff2 URL, fonts inlined as data: URLs left
 * out: they arrive with the stylesheet) and the rules that pick a KaTeX face, each with the classes its
 * selector's last compound needs on the element.
 * @param {string} css
 */
export function katexFontRules(css) {
  /** @type {Map<string, string>} */
  const faces = new Map();
  /** @type {{ classes: string[], family?: string, weight?: number, style?: string }[]} */
  const rules = [];
  for (const [, selectors, decls] of css.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const family = FAMILY.exec(decls)?.[0];
    if (selectors.trim() === "@font-face") {
      const url = /url\(([^)]+\.woff2)\)/.exec(decls)?.[1]?.replace(/^["']|["']$/g, "");
      if (family && url && !url.startsWith("data:")) faces.set(faceKey(family, weightOf(decls) ?? 400, styleOf(decls) ?? "normal"), url);
      continue;
    }
    const weight = weightOf(decls);
    const style = styleOf(decls);
    if (!family && weight === undefined && style === undefined) continue;
    if (!/\.katex\b/.test(selectors)) continue;
    for (const selector of selectors.split(",")) {
      const last = selector
        .trim()
        .split(/[\s>+~]+/)
        .findLast((part) => part.includes("."));
      const classes = [...(last ?? "").matchAll(/\.([\w-]+)/g)].map((m) => m[1]);
      if (classes.length > 0) rules.push({ classes, family, weight, style });
    }
  }
  return { faces, rules };
}

/**
 * The face keys of the formulas a parsed page (a hast tree) shows on its first phone screen: those that start
 * within the first `chars` characters of its <main> text. Only those: a late face there re-wraps lines the reader
 * already sees (layout shift), while asking for every face of a long chapter at once would delay the page's first
 * paint (the fonts share the connection with the page and its stylesheet). Each element's font is what the KaTeX
 * rules whose classes it carries set, else its parent's (.katex's shorthand resets the weight and style it
 * inherits, so the tags around a formula do not matter).
 * @param {import("hast").Root} tree
 * @param {ReturnType<typeof katexFontRules>["rules"]} rules
 * @param {number} chars
 */
export function facesUsed(tree, rules, chars = Number.POSITIVE_INFINITY) {
  /** @type {Set<string>} */
  const used = new Set();
  let read = 0;
  const visit = (node, font, inMain) => {
    if (read > chars) return;
    if (node.type === "text") {
      if (inMain) read += node.value.trim().length;
      if (font.family && node.value.trim() !== "") used.add(faceKey(font.family, font.weight, font.style));
      return;
    }
    if (node.type !== "element" && node.type !== "root") return;
    let next = font;
    if (node.type === "element") {
      const classes = new Set(node.properties?.className ?? []);
      if (classes.has("formula-tex") || node.tagName === "script" || node.tagName === "style") return;
      next = { ...font };
      for (const rule of rules) {
        if (!rule.classes.every((c) => classes.has(c))) continue;
        if (rule.family) next.family = rule.family;
        if (rule.weight !== undefined) next.weight = rule.weight;
        if (rule.style !== undefined) next.style = rule.style;
      }
    }
    const main = inMain || (node.type === "element" && node.tagName === "main");
    for (const child of node.children ?? []) visit(child, next, main);
  };
  visit(tree, { family: undefined, weight: 400, style: "normal" }, false);
  return used;
}

/**
 * `html` with a preload link for each KaTeX font file it uses, placed right after its charset declaration
 * (which must stay within the first 1024 bytes).
 * @param {string} html
 * @param {string[]} urls
 */
export function withFontPreloads(html, urls) {
  if (urls.length === 0) return html;
  const links = urls.map((url) => `<link rel="preload" href="${url}" as="font" type="font/woff2" crossorigin>`).join("");
  const charset = /<meta charset=[^>]*>/i.exec(html);
  if (!charset) throw new Error("A built page has no <meta charset>: the font preloads have no place to go.");
  const at = charset.index + charset[0].length;
  return html.slice(0, at) + links + html.slice(at);
}
