// Reads, validates and merges an import file off the main thread: a few MB of answers through zod (jitless under
// the page's CSP) took about a second in the page, and serializing the merged record for storage a quarter of one.
import "./zod-jitless"; // before any schema is built (see the file)
import { mergeImport, readImport, type QuizProgress } from "../store";
import { importMessages } from "./import-messages";
import { addCatalog } from "../../i18n";
import { setLangSource, type Lang } from "../../i18n/lang";

self.onmessage = (e: MessageEvent<{ text: string; current: QuizProgress; strings: { lang: Lang; messages: Record<string, string> } }>) => {
  const { lang, messages } = e.data.strings;
  addCatalog(lang, messages);
  setLangSource(() => lang);
  const result = mergeImport(e.data.current, readImport(e.data.text));
  for (const m of importMessages(result, result.ok ? JSON.stringify(result.progress) : undefined)) self.postMessage(m);
};
