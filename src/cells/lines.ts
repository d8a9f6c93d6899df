// Error positions in the reader's own code. The transform keeps every line where it was (sucrase
// replaces types and imports in place), and the runner puts its prelude on line 1 before the
// reader's first line, so a line in the compiled body is the same line in the editor. What is left
// is the offset the JavaScript engine adds for the function header of `new AsyncFunction`.

/**
 * The reader's line of the innermost stack frame that lies in `file` (a `//# sourceURL`),
 * given the line number the engine reports for the body's first line.
 * @example
 *   cellLine("Error: x\n    at eval (dl-cell-3.js:4:9)", "dl-cell-3.js", 3);   // 2
 */
export function cellLine(stack: string | undefined, file: string, firstLine: number): number | null {
  if (!stack) return null;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = new RegExp(`${escaped}:(\\d+)(?::\\d+)?`).exec(stack);
  if (!match) return null;
  const line = Number(match[1]) - firstLine + 1;
  return line >= 1 ? line : null;
}

/** Splits sucrase's "Unexpected token (2:11)" into the message and its 1-based line. */
export function syntaxErrorLine(message: string): { message: string; line: number | null } {
  const match = /\s*\((\d+):(\d+)\)\s*$/.exec(message);
  return match ? { message: message.slice(0, match.index), line: Number(match[1]) } : { message, line: null };
}
