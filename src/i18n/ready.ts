// Imported by the modules a page starts from (widgets' loader, cells, quiz, exercises): its top-level await holds
// them until the page's language has its strings, so every t() they make is in that language.
import { loadCatalog } from "./load";
import { currentLang } from "./lang";

await loadCatalog(currentLang());
