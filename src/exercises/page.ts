// The exercises page in the browser: hints one at a time, the solution only after a failed attempt, and the
// grader's verdict (the first line a cell prints, see formatReport: "✓ " solved, "✗ " not yet, in every language)
// recorded in the quiz progress.
import { PROGRESS_KEY, readSolved } from "./solved-view";

/** Records a solve through the quiz store, loaded only now: it brings the schema library. */
async function recordSolve(id: string): Promise<void> {
  await import("../quiz/ui/zod-jitless"); // before any schema is built: the page's policy forbids eval
  await import("../i18n/ready"); // the store's notices speak the page's language
  const [{ loadQuizProgress, saveQuizProgress }, { markSolved }] = await Promise.all([import("../quiz/store"), import("./solved")]);
  const { progress, memoryOnly } = loadQuizProgress(localStorage);
  if (!memoryOnly) saveQuizProgress(localStorage, markSolved(progress, id, Date.now()));
}

const $ = <T extends HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel)!;

/** Wires every `[data-exercise]` section of the page. */
export function bootExercises(): void {
  const sections = [...document.querySelectorAll<HTMLElement>("[data-exercise]")];
  const count = $<HTMLElement>(document, "[data-ex-count]");
  const countText = count.textContent ?? "";
  const show = () => {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PROGRESS_KEY);
    } catch {
      /* storage blocked: nothing solved to show */
    }
    const solved = readSolved(raw);
    const now = Date.now();
    count.textContent = countText.replace(/^(\D*)\d+/, `$1${sections.filter((s) => s.dataset.exercise! in solved).length}`);
    for (const s of sections) {
      const id = s.dataset.exercise!,
        status = $<HTMLElement>(s, "[data-ex-status]"),
        e = solved[id];
      if (!e) continue;
      status.dataset.state = "solved";
      status.textContent = e.due <= now ? status.dataset.dueText! : status.dataset.solvedText!;
    }
  };
  show();
  for (const s of sections) wire(s, show);
}

function wire(section: HTMLElement, show: () => void): void {
  const id = section.dataset.exercise!;
  const hint = $<HTMLButtonElement>(section, "[data-ex-hint]");
  const hints = [...section.querySelectorAll<HTMLElement>("[data-ex-hints] li")];
  hint.addEventListener("click", () => {
    const next = hints.find((h) => h.hidden);
    if (next) next.hidden = false;
    const left = hints.filter((h) => h.hidden).length;
    hint.textContent = left ? hint.dataset.label!.replace("{n}", String(hints.length - left + 1)) : hint.dataset.done!;
    hint.disabled = left === 0;
    if (!left) hint.setAttribute("aria-disabled", "true");
  });
  const solution = $<HTMLButtonElement>(section, "[data-ex-solution]");
  solution.addEventListener("click", () => {
    $<HTMLElement>(section, "[data-ex-solution-body]").hidden = false;
    solution.disabled = true;
  });
  // The grader prints its verdict as the run's first log line; a cell's output is rebuilt on each run.
  const output = $<HTMLElement>(section, "[data-output]");
  new MutationObserver(() => {
    const first = output.querySelector(".dl-cell-log")?.textContent?.trimStart() ?? "";
    if (first.startsWith("✓ ")) void recordSolve(id).then(show);
    else if (first.startsWith("✗ ")) {
      solution.disabled = false;
      $<HTMLElement>(section, "[data-ex-why]").hidden = true;
    }
  }).observe(output, { childList: true, subtree: true, characterData: true });
}
