import { createHash } from "node:crypto";

/** The hash a translation records of the English text it was made from (`translatedFrom`). */
export function sourceHash(text) {
  return createHash("sha256").update(text.replace(/\r\n?/g, "\n")).digest("hex").slice(0, 12);
}
