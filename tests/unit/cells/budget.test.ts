import { describe, expect, it } from "vitest";
import { LIMITS } from "../../../src/cells/protocol";
import { RunBudget, clipText } from "../../../src/cells/budget";

const line = (text: string) => ({ run: 1, kind: "log" as const, level: "log" as const, text });

describe("clipText", () => {
  it("clipText keeps short text and cuts long text to the limit, saying how much was cut", () => {
    expect(clipText("short")).toBe("short");
    const cut = clipText("x".repeat(5e7));
    expect(cut.length).toBeLessThanOrEqual(LIMITS.textChars);
    expect(cut).toMatch(/… \(49,990,048 more characters not shown\)$/);
  });
});

describe("RunBudget.admit", () => {
  it("RunBudget.admit stops after the message limit and stays closed", () => {
    const b = new RunBudget();
    let shown = 0;
    for (let k = 0; k < 300_000; k++) if (b.admit(line("x"))) shown++;
    expect(shown).toBe(LIMITS.messages);
    expect(b.cut).toBe("messages");
  });

  it("RunBudget.admit stops at the character limit", () => {
    const b = new RunBudget();
    let shown = 0;
    for (let k = 0; k < 100; k++) if (b.admit(line("y".repeat(LIMITS.textChars)))) shown++;
    expect(shown).toBe(LIMITS.chars / LIMITS.textChars);
    expect(b.cut).toBe("chars");
    expect(b.admit(line("z"))).toBe(false);
  });
});
