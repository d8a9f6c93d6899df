// The few strings the frame's own scripts show in the browser (reading progress, the home page's "continue" link):
// a table of their own in each language, small enough for every page to carry both, so pages without widgets load
// no message catalogue at all. Everything else, the frame included, is rendered at build time with t().
import en from "./en/frame-client.json";
import zh from "./zh-cn/frame-client.json";
import { fill } from "./fill";
import { currentLang, type Lang } from "./lang";

const catalogs: Record<Lang, Record<string, string>> = { en, "zh-cn": zh };

/** Like `t`, for keys of src/i18n/<language>/frame-client.json only. */
export function tFrame(key: string, vars: Record<string, string | number> = {}): string {
  const text = key.startsWith("$") ? undefined : catalogs[currentLang()][key];
  if (text === undefined) throw new Error(`i18n: no frame message "${key}"`);
  return fill(text, vars);
}
