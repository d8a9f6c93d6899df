// Starlight's language picker goes to the same path in the other language and keeps the URL's #fragment. Translations
// share their headings' anchors (src/build/rehype-translated-headings.mjs), so setting the fragment to the section
// being read, just before the picker navigates, lands the reader on the same section in the other language.

/** The id of the last h2 or h3 whose top is above the upper third of the view below the header, if any. */
function sectionBeingRead(): string | undefined {
  const header = document.querySelector<HTMLElement>(".header")?.getBoundingClientRect().bottom ?? 0;
  const line = header + (window.innerHeight - header) / 3;
  let id: string | undefined;
  for (const h of document.querySelectorAll<HTMLElement>(".sl-markdown-content :is(h2, h3)[id]")) {
    if (h.getBoundingClientRect().top > line) break;
    id = h.id;
  }
  return id;
}

export function keepSectionOnLanguageSwitch(): void {
  document.addEventListener(
    "change",
    (event) => {
      if (!(event.target as Element | null)?.closest("starlight-lang-select")) return;
      const id = sectionBeingRead();
      if (id) history.replaceState(history.state, "", `#${id}`);
    },
    // Capture: before the picker's own listener navigates.
    true,
  );
}
