// Loads a translated language's strings (one chunk per language, fetched only by its pages).
import { addCatalog, catalog } from "./catalogs";
import type { Lang } from "./lang";

/** Loads the strings of `lang` once (English is bundled with the code that uses it). */
export async function loadCatalog(lang: Lang): Promise<void> {
  if (lang === "en" || catalog(lang)) return;
  if (lang === "zh-cn") addCatalog(lang, (await import("./zh-cn/messages")).default);
}
