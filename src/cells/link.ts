// A cell's code in a shareable link: UTF-8 bytes as base64url (RFC 4648 §5, no padding) in a query
// parameter named after the cell, so anchors (#…) keep working and several cells can share one link.

/** base64url of the UTF-8 bytes of `text`. @example encodeCode("a+b") // "YSti" */
export function encodeCode(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The text `encodeCode` encoded, or null when `value` is not valid base64url of UTF-8. */
export function decodeCode(value: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(value)) return null;
  try {
    const binary = atob(value.replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return null;
  }
}

/** The query parameter that carries cell `id`'s code. */
export const codeParam = (id: string) => `${id}.code`;

/** `href` with cell `id`'s code in the query and the cell as the anchor. */
export function linkToCell(href: string, id: string, code: string): string {
  const url = new URL(href);
  url.searchParams.set(codeParam(id), encodeCode(code));
  url.hash = id;
  return url.toString();
}

/** The code a link carries for cell `id`, or null (absent or unreadable). */
export function codeFromLink(search: string, id: string): string | null {
  const value = new URLSearchParams(search).get(codeParam(id));
  return value === null ? null : decodeCode(value);
}
