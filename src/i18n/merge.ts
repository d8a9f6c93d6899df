/** One table of a language's message files; keys starting with "$" (a file's `$translatedFrom`) are not messages. */
export function mergeParts(parts: Record<string, Record<string, string>>): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const part of Object.values(parts)) for (const [key, text] of Object.entries(part)) if (!key.startsWith("$")) messages[key] = text;
  return messages;
}
