// The exercises page in the browser: hints one at a time, the solution only after a failed attempt, and the
// grader's verdict (the first line a cell prints, see formatReport) recorded in the quiz progress.
import "../quiz/ui/zod-jitless"; // before any schema is built: the page's policy forbids eval
import { loadQuizProgress, saveQuizProgress } from "../quiz/store";
import { markSolved, solvedExercises } from "./solved";

const $ = <T extends HTMLElement>(root: ParentNode, sel: string) => root.querySelector<T>(sel)!;

/** Wires every `[data-exercise]` section of the page. */
export function bootExercises(): void {
  const sections = [...document.querySelectorAll<HTMLElement>("[data-exercise]")];
  const count = $<HTMLElement>(document, "[data-ex-count]");
  const countText = count.textContent ?? "";
  const show = () => {
    const { progress } = loadQuizProgress(localStorage);
    const solved = new Set(solvedExercises(progress));
    const now = Date.now();
    count.textContent = countText.replace(/^(\D*)\d+/, `$1${sections.filter((s) => solved.has(s.dataset.exercise!)).length}`);
    for (const s of sections) {
      const id = s.dataset.exercise!,
        status = $<HTMLElement>(s, "[data-ex-status]"),
        e = progress.exercises?.[id];
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
    if (first.startsWith("✓ Solved")) {
      const { progress, memoryOnly } = loadQuizProgress(localStorage);
      if (!memoryOnly) saveQuizProgress(localStorage, markSolved(progress, id, Date.now()));
      show();
    } else if (first.startsWith("✗ Not yet")) {
      solution.disabled = false;
      $<HTMLElement>(section, "[data-ex-why]").hidden = true;
    }
  }).observe(output, { childList: true, subtree: true, characterData: true });
}
