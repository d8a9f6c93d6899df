// Every Chinese interface string, one chunk that only Chinese pages load (src/i18n/index.ts).
import { mergeParts } from "../merge";

export const parts = import.meta.glob<Record<string, string>>("./*.json", { eager: true, import: "default" });
export default mergeParts(parts);
