// Every interface string lives in src/i18n/<language>/*.json (one file per part of the site, so
// parts can be edited independently); a translation is a folder with the same keys.
import { fill } from "./fill";

const parts = import.meta.glob<Record<string, string>>("./en/*.json", { eager: true, import: "default" });

const messages: Record<string, string> = Object.assign({}, ...Object.values(parts));

export type MessageKey = string;

/** The interface string for `key`, with `{name}` placeholders filled from `vars`. */
export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = messages[key];
  if (text === undefined) throw new Error(`i18n: no message "${key}"`);
  return fill(text, vars);
}

/** All message files of a language, for the test that no key is defined twice. */
export const messageParts = parts;
