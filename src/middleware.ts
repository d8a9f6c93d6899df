// While the site is built, server-side strings (t() in components) follow the language of the page being rendered.
// AsyncLocalStorage keeps each page's language with its own rendering, whatever else renders at the same time.
import { AsyncLocalStorage } from "node:async_hooks";
import { defineMiddleware } from "astro:middleware";
import { LANGS, langOfPath, setLangSource, siteBase, type Lang } from "./i18n/lang";
import { loadCatalog } from "./i18n/load";

const pageLang = new AsyncLocalStorage<Lang>();
setLangSource(() => pageLang.getStore());

export const onRequest = defineMiddleware(async (context, next) => {
  const lang = langOfPath(context.url.pathname, siteBase());
  // Every language's strings: a page may speak more than its own (the 404 page speaks all).
  for (const l of LANGS) await loadCatalog(l);
  return pageLang.run(lang, next);
});
