// Shiki writes each highlighted token's two colours as an inline style (--shiki-light, --shiki-dark): some 50 bytes
// on each of a chapter's thousands of tokens, a sixth of its HTML. This transformer unwraps the tokens drawn in the
// block's own colours (their text inherits them from the <pre>) and swaps the others' styles for a class named
// after the pair, which src/styles/code.css defines. A pair missing from TOKEN_COLORS keeps its inline style, so a
// token is never left uncoloured.

/** The token colour pairs (light, dark) of the course's two themes that code.css has a class for. */
export const TOKEN_COLORS = [
  ["CF222E", "FF7B72"],
  ["0550AE", "79C0FF"],
  ["8250DF", "D2A8FF"],
  ["0A3069", "A5D6FF"],
  ["953800", "FFA657"],
  ["6E7781", "8B949E"],
];

/** The class that stands for a pair of colours (hex without '#'). */
export const tokenClass = (light, dark) => `sk-${light}-${dark}`.toLowerCase();

const PAIR = /^--shiki-light:#([0-9a-f]{6});--shiki-dark:#([0-9a-f]{6})$/i;
const KNOWN = new Set(TOKEN_COLORS.map(([light, dark]) => tokenClass(light, dark)));

const same = (a, b) => a[1].toLowerCase() === b[1].toLowerCase() && a[2].toLowerCase() === b[2].toLowerCase();

/** @type {import("shiki").ShikiTransformer} */
export const tokenClasses = {
  name: "course-token-classes",
  // Shiki calls this last, with the tokens' spans in place: the block's own colours are known only here.
  pre(pre) {
    const block = PAIR.exec(
      String(pre.properties.style ?? "")
        .split(";")
        .slice(0, 2)
        .join(";"),
    );
    const visit = (node) => {
      node.children = (node.children ?? []).flatMap((child) => {
        if (child.type !== "element") return [child];
        const pair = child.tagName === "span" ? PAIR.exec(String(child.properties.style ?? "")) : null;
        visit(child);
        // A token in the block's own colours needs no element of its own: its text joins its neighbours'.
        if (pair && block && same(pair, block) && Object.keys(child.properties).length === 1) return child.children;
        if (pair && KNOWN.has(tokenClass(pair[1], pair[2]))) {
          delete child.properties.style;
          child.properties.class = tokenClass(pair[1], pair[2]);
        }
        return [child];
      });
    };
    visit(pre);
  },
};
