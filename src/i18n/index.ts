// Every interface string lives in one JSON file per language, so a translation is one new file.
import en from "./en.json";

export type MessageKey = keyof typeof en;
const messages: Record<string, string> = en;

/** The interface string for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`i18n: no message "${key}"`);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => (name in vars ? String(vars[name]) : `{${name}}`));
}
