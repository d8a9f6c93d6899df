import { describe, expect, it } from "vitest";
import { t, messageParts } from "../../../src/i18n";

describe("i18n", () => {
  it("t fills placeholders", () => {
    expect(t("home.minutes", { minutes: 7 })).toBe("7 min read");
  });

  it("t throws on an unknown key instead of showing nothing", () => {
    expect(() => t("no.such.key")).toThrow(/no.such.key/);
  });

  it("no key is defined in two message files", () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const [file, messages] of Object.entries(messageParts)) {
      for (const key of Object.keys(messages)) {
        if (seen.has(key)) dupes.push(`${key} in ${seen.get(key)} and ${file}`);
        seen.set(key, file);
      }
    }
    expect(dupes).toEqual([]);
  });
});
