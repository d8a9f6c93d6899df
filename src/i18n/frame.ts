// The frame's own strings (sidebar ticks, home page, progress): a small subset, so pages without
// widgets do not ship every widget's strings.
import frame from "./en/frame.json";
import { fill } from "./fill";

const messages: Record<string, string> = frame;

/** Like `t`, for keys of src/i18n/en/frame.json only. */
export function tFrame(key: string, vars: Record<string, string | number> = {}): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`i18n: no frame message "${key}"`);
  return fill(text, vars);
}
