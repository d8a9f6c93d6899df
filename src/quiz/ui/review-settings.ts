// The daily review's settings, folded under a <details>: new questions per day, desired retention (FSRS
// request_retention) and the chapters the review draws from. Saved with the progress; a change rebuilds the review.
import { t } from "../../i18n";
import type { QuizSettings } from "..";
import { chapterNumber, percent } from "./format";

/** The retentions offered: from relaxed (0.80) to demanding (0.97). */
export const RETENTIONS = [0.8, 0.85, 0.9, 0.93, 0.95, 0.97] as const;

/**
 * The settings group. `onChange` receives the changed fields once a value is valid.
 *
 * @example
 *   box.append(reviewSettings("quiz-review", settings, bank.chapters, (patch) => save(patch)));
 */
export function reviewSettings(
  prefix: string,
  settings: QuizSettings,
  chapters: Record<string, string>,
  onChange: (patch: Partial<QuizSettings>) => void,
): HTMLDetailsElement {
  const box = document.createElement("details");
  box.className = "dl-settings dl-quiz-settings";
  const summary = document.createElement("summary");
  summary.textContent = t("quiz.settings");
  box.append(summary);

  const perDay = document.createElement("input");
  perDay.type = "number";
  perDay.id = `${prefix}-new-per-day`;
  perDay.min = "0";
  perDay.max = "200";
  perDay.step = "1";
  perDay.value = String(settings.newPerDay);
  perDay.addEventListener("change", () => {
    const n = Math.round(Number(perDay.value));
    const v = Number.isFinite(n) && perDay.value.trim() !== "" ? Math.min(200, Math.max(0, n)) : settings.newPerDay;
    perDay.value = String(v);
    onChange({ newPerDay: v });
  });
  box.append(field(`${prefix}-new-per-day`, t("quiz.settings.newPerDay"), perDay));

  const retention = document.createElement("select");
  retention.id = `${prefix}-retention`;
  for (const r of RETENTIONS) retention.append(new Option(t("quiz.settings.retentionOption", { percent: percent(r) }), String(r)));
  retention.value = String(RETENTIONS.includes(settings.retention as (typeof RETENTIONS)[number]) ? settings.retention : 0.9);
  retention.setAttribute("aria-describedby", `${prefix}-retention-help`);
  retention.addEventListener("change", () => onChange({ retention: Number(retention.value) }));
  const help = document.createElement("p");
  help.id = `${prefix}-retention-help`;
  help.className = "dl-quiz-note";
  help.textContent = t("quiz.settings.retentionHelp");
  box.append(field(`${prefix}-retention`, t("quiz.settings.retention"), retention), help);

  const set = document.createElement("fieldset");
  set.className = "dl-quiz-chapters";
  const legend = document.createElement("legend");
  legend.textContent = t("quiz.settings.chapters");
  const note = document.createElement("p");
  note.className = "dl-quiz-note";
  note.textContent = t("quiz.settings.chaptersHelp");
  set.append(legend, note);
  const boxes: HTMLInputElement[] = [];
  for (const slug of Object.keys(chapters).sort()) {
    const input = document.createElement("input");
    input.type = "checkbox";
    input.value = slug;
    input.checked = settings.chapters.includes(slug);
    input.setAttribute("data-chapter", slug);
    input.addEventListener("change", () => onChange({ chapters: boxes.filter((b) => b.checked).map((b) => b.value) }));
    boxes.push(input);
    const label = document.createElement("label");
    label.append(input, ` ${t("quiz.chapterN", { n: chapterNumber(slug), title: chapters[slug] })}`);
    set.append(label);
  }
  box.append(set);
  return box;
}

function field(id: string, text: string, control: HTMLElement): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "dl-control";
  const label = document.createElement("label");
  label.htmlFor = id;
  label.textContent = text;
  wrap.append(label, control);
  return wrap;
}
