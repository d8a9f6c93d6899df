// The labelled text box of the attention widgets: the sentence lives outside the widget's schema (state.ts has
// number, choice and boolean fields), so this reads it from the URL's <prefix>.sentence and writes it into shared
// links itself. Typing redraws at once; an empty or over-long sentence is explained in a note, never silently fixed.
import { t } from "../i18n";
import { DEFAULT_SENTENCE, MAX_CHARS, MAX_WORDS, parseSentence } from "./sentence-model";

export interface SentenceField {
  /** The label, box and note, to put among the widget's controls. */
  element: HTMLElement;
  /** The words in use: the last non-empty sentence typed. */
  tokens(): string[];
  /** The text to share, or null when it is the default. */
  shared(): string | null;
}

/** The URL parameter that holds a widget's sentence. */
export const sentenceParam = (prefix: string) => `${prefix}.sentence`;

/** Builds the sentence box for the widget `prefix`; `changed` runs after each edit that yields words. */
export function sentenceField(prefix: string, changed: () => void): SentenceField {
  const initial = new URLSearchParams(location.search).get(sentenceParam(prefix))?.slice(0, MAX_CHARS) ?? DEFAULT_SENTENCE;
  const wrap = Object.assign(document.createElement("div"), { className: "dl-control dl-control-text dl-sentence" });
  const id = `${prefix}-sentence`;
  const label = Object.assign(document.createElement("label"), { htmlFor: id, textContent: t("sentence.label", { max: MAX_WORDS }) });
  const box = Object.assign(document.createElement("input"), { type: "text", id, maxLength: MAX_CHARS, value: initial, spellcheck: false });
  box.setAttribute("autocomplete", "off");
  const note = Object.assign(document.createElement("small"), { className: "dl-sentence-note", id: `${id}-note` });
  note.setAttribute("aria-live", "polite");
  box.setAttribute("aria-describedby", note.id);
  wrap.append(label, box, note);
  let text = initial,
    parsed = parseSentence(initial);
  if (parsed.tokens.length === 0) parsed = parseSentence((text = DEFAULT_SENTENCE));
  const explain = (p = parseSentence(box.value)) => {
    note.textContent =
      p.tokens.length === 0
        ? t("sentence.empty")
        : p.dropped > 0
          ? t("sentence.tooLong", { max: MAX_WORDS, dropped: p.dropped })
          : t("sentence.count", { n: p.tokens.length, max: MAX_WORDS });
  };
  explain();
  box.addEventListener("input", () => {
    const p = parseSentence(box.value);
    explain(p);
    if (p.tokens.length === 0) return; // keep drawing the last sentence that had words
    text = box.value;
    parsed = p;
    changed();
  });
  return {
    element: wrap,
    tokens: () => parsed.tokens,
    shared: () => (text === DEFAULT_SENTENCE ? null : text),
  };
}
