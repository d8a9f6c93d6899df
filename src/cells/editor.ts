// The cell editor: CodeMirror 6 in TypeScript mode, loaded the first time a reader edits a cell.
// Colours come from CSS variables (src/styles/cell.css), the same palette as the build-time
// highlighting, so the editor reads the same in light and dark mode. Tab is left to the page, so a
// keyboard user can always leave the editor.
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { javascript } from "@codemirror/lang-javascript";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

const palette = HighlightStyle.define([
  {
    tag: [tags.keyword, tags.operatorKeyword, tags.controlKeyword, tags.definitionKeyword, tags.moduleKeyword],
    color: "var(--dl-code-keyword)",
  },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: "var(--dl-code-string)" },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: "var(--dl-code-number)" },
  {
    tag: [tags.function(tags.variableName), tags.function(tags.propertyName), tags.className, tags.typeName],
    color: "var(--dl-code-function)",
  },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: "var(--dl-code-comment)", fontStyle: "italic" },
  { tag: [tags.propertyName, tags.variableName, tags.definition(tags.variableName)], color: "var(--dl-code-text)" },
]);

const theme = EditorView.theme({
  "&": { color: "var(--dl-code-text)", backgroundColor: "var(--dl-code-bg)", fontSize: "var(--sl-text-code-sm, 0.875rem)" },
  ".cm-content": { caretColor: "var(--dl-code-text)", fontFamily: "var(--__sl-font-mono, monospace)" },
  ".cm-cursor, .cm-dropCursor": { borderLeftColor: "var(--dl-code-text)" },
  ".cm-gutters": {
    backgroundColor: "var(--dl-code-bg)",
    color: "var(--dl-code-comment)",
    borderRight: "1px solid var(--sl-color-hairline)",
  },
  ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: "var(--dl-code-active)" },
  "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": { backgroundColor: "var(--dl-code-selection) !important" },
});

/** What the cell needs from its editor. */
export interface EditorHandle {
  code(): string;
  setCode(code: string): void;
  focus(): void;
  destroy(): void;
}

/** Mounts an editor in `parent`; `onChange` gets every edit, `onRun` Ctrl/Cmd+Enter. */
export function createEditor(
  parent: HTMLElement,
  code: string,
  label: string,
  onChange: (code: string) => void,
  onRun: () => void,
): EditorHandle {
  const view = new EditorView({
    doc: code,
    parent,
    extensions: [
      Prec.highest(keymap.of([{ key: "Mod-Enter", run: () => (onRun(), true) }])),
      basicSetup,
      javascript({ typescript: true }),
      syntaxHighlighting(palette),
      theme,
      EditorView.contentAttributes.of({ "aria-label": label }),
      EditorView.updateListener.of((u) => u.docChanged && onChange(u.state.doc.toString())),
    ],
  });
  return {
    code: () => view.state.doc.toString(),
    setCode: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focus: () => view.focus(),
    destroy: () => view.destroy(),
  };
}
