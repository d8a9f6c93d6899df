// What the import worker sends back. A merged record of tens of thousands of answers, posted as one message,
// cost the page one long task to receive (about 200 ms on a loaded 2-core machine): the answers come in parts,
// each its own short task, and the record comes already serialized for storage.
import { cardTable, type ImportResult } from "../store";

/** Answers per message. */
export const HISTORY_PART = 2000;

export type ImportMessage =
  /** The merge's outcome with an empty history (it follows in parts), and the full record as stored text. */
  { kind: "head"; result: ImportResult; serialized?: string } | { kind: "history"; part: unknown[] } | { kind: "end" };

/**
 * The messages that carry `result`: its head, its history in parts of `HISTORY_PART`, then the end.
 *
 * @example
 *   for (const m of importMessages(result, JSON.stringify(result.progress))) self.postMessage(m);
 */
export function* importMessages(result: ImportResult, serialized?: string): Generator<ImportMessage> {
  if (!result.ok) {
    yield { kind: "head", result };
    yield { kind: "end" };
    return;
  }
  const { history } = result.progress;
  yield { kind: "head", result: { ...result, progress: { ...result.progress, history: [] } }, serialized };
  for (let i = 0; i < history.length; i += HISTORY_PART) yield { kind: "history", part: history.slice(i, i + HISTORY_PART) };
  yield { kind: "end" };
}

/** Puts the messages back together: the result, with its history, and the stored text (when the worker made it). */
export class ImportAssembly {
  private head?: { result: ImportResult; serialized?: string };
  private parts: unknown[][] = [];

  /** Takes one message; returns the whole result once `end` arrives, else null. */
  take(m: ImportMessage): { result: ImportResult; serialized?: string } | null {
    if (m.kind === "head") this.head = { result: m.result, serialized: m.serialized };
    else if (m.kind === "history") this.parts.push(m.part);
    else if (this.head) {
      const { result, serialized } = this.head;
      if (result.ok) {
        result.progress.history = this.parts.flat() as typeof result.progress.history;
        // A posted object arrives with a prototype again: the card table goes back to having none.
        result.progress.cards = cardTable(Object.entries(result.progress.cards));
      }
      return { result, serialized };
    }
    return null;
  }
}
