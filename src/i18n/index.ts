// Every interface string lives in src/i18n/<language>/*.json (one file per part of the site, so parts can be edited
// independently); a translation is a folder with the same keys. Importing this module loads the English table (it
// is bundled with the code that uses it). Another language's table is loaded once per page before its scripts ask for
// a string (load.ts: by the widgets' loader, the notebook and ready.ts; by the middleware at build time). A worker
// gets the strings it prints from its page (core.ts).
import { addCatalog } from "./catalogs";
import { mergeParts } from "./merge";

const parts = import.meta.glob<Record<string, string>>("./en/*.json", { eager: true, import: "default" });
addCatalog("en", mergeParts(parts));

export { t, catalogSubset, type MessageKey } from "./core";
export { addCatalog };

/** All message files of a language, for the tests that no key is defined twice and translations are complete. */
export const messageParts = parts;
