// rehype-katex turns bad TeX into red text and only records a message; a course must not ship
// a broken formula, so this plugin (run after rehype-katex) turns those messages into a build error
// that names the file and line.
export default function rehypeFailOnKatexErrors() {
  return (_tree, file) => {
    const bad = file.messages.filter((m) => m.source === "rehype-katex");
    if (bad.length) {
      throw new Error(bad.map((m) => `${file.path}:${m.line ?? "?"}: ${m.cause?.message ?? m.reason}`).join("\n"));
    }
  };
}
