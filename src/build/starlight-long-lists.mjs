// Starlight spaces the items of a list whose items hold blocks with a rule anchored on the list by :has(). The browser
// re-checks that :has() for the whole list each time the HTML parser adds to it, restyling every item shown so far:
// a question page, one list of 10-50 answers, was restyled in full 3-4 times while loading (Chinese
// questions/backpropagation at 1x CPU, median of 10 loads: style 102 -> 44 ms). Lists marked `dl-long-list` are left
// out of the rule and space their own items (src/styles/widgets/quiz.css).
const FROM = ":is(ol, ul):has(> li > :not(";
const TO = ":is(ol, ul):not(.dl-long-list):has(> li > :not(";

/** A Vite plugin that adds `:not(.dl-long-list)` to Starlight's rule; it fails the build if the rule has changed. */
export default function starlightLongLists() {
  return {
    name: "course:starlight-long-lists",
    enforce: "pre",
    transform(code, id) {
      if (!/@astrojs[\\/]starlight[\\/]dist[\\/]style[\\/]markdown\.css(\?|$)/.test(id)) return null;
      if (code.split(FROM).length !== 2)
        throw new Error(`starlight-long-lists: Starlight's list rule changed; expected "${FROM}" once in ${id}`);
      return { code: code.replace(FROM, TO), map: null };
    },
  };
}
