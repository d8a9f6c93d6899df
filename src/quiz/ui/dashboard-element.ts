// <dl-quiz-dashboard>: the progress dashboard (mastery per topic, answers per day, reviews due ahead) drawn with
// Observable Plot through drawChart, plus export to a JSON file and import (merged and validated by the core).
import "./zod-jitless"; // before any schema is built (see the file)
import { t } from "../../i18n";
import { drawChart, Plot, themeColors } from "../../charts/chart";
import { exportQuizProgress, idsNotInBank, tooBig, IMPORT_MAX_BYTES, CELL_PREFIX } from "../store";
import { importOffThread } from "./read-import";
import { currentProgress as currentReading, mergeReading } from "../../progress/client";
import { downloadText } from "../../progress/download";
import { loadBank, type BankFile } from "./bank-client";
import { claimLoadNotice, currentProgress, replaceProgress, PROGRESS_EVENT } from "./progress-client";
import { backupList } from "./backups";
import { dashboardSummary, dueForecast, historyRows, masteryRows } from "./dashboard-model";
import { percent } from "./format";

type View = "mastery" | "history" | "forecast";

export class QuizDashboard extends HTMLElement {
  private bank: BankFile = { chapters: {}, questions: [] };
  private figure!: HTMLElement;
  private readouts!: HTMLDListElement;
  private notice!: HTMLElement;
  private view!: HTMLSelectElement;

  connectedCallback(): void {
    if (this.hasAttribute("data-hydrated") || this.hasAttribute("data-loading")) return;
    this.setAttribute("data-loading", "");
    loadBank("all").then(
      (bank) => this.start(bank),
      (error: unknown) => {
        this.textContent = t("quiz.bankError", { message: error instanceof Error ? error.message : String(error) });
      },
    );
  }

  private start(bank: BankFile): void {
    this.bank = bank;
    const id = this.id || "quiz-dashboard";
    const panel = document.createElement("div");
    panel.className = "dl-controls dl-quiz-controls";
    const wrap = document.createElement("div");
    wrap.className = "dl-control dl-control-choice";
    this.view = document.createElement("select");
    this.view.id = `${id}-view`;
    this.view.setAttribute("data-control", "view");
    for (const v of ["mastery", "history", "forecast"] as const) this.view.append(new Option(t(`quiz.dash.${v}`), v));
    const label = document.createElement("label");
    label.htmlFor = this.view.id;
    label.textContent = t("quiz.dash.view");
    wrap.append(label, this.view);
    panel.append(wrap);
    this.view.addEventListener("change", () => this.render());

    this.readouts = document.createElement("dl");
    this.readouts.className = "dl-readouts dl-quiz-readouts";
    this.figure = document.createElement("div");
    this.figure.className = "dl-figure";
    this.figure.setAttribute("data-figure", "");
    this.notice = document.createElement("p");
    this.notice.className = "dl-messages dl-quiz-notice";
    this.notice.setAttribute("role", "status");
    const told = claimLoadNotice(this);
    if (told) this.notice.replaceChildren(...told);

    this.replaceChildren(panel, this.readouts, this.figure, this.transfer(id), this.notice);
    window.addEventListener(PROGRESS_EVENT, () => this.render());
    new MutationObserver(() => this.render()).observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    this.render();
    this.removeAttribute("data-loading");
    this.setAttribute("data-hydrated", "");
  }

  private transfer(id: string): HTMLElement {
    const box = document.createElement("div");
    box.className = "dl-quiz-transfer";
    const exportButton = document.createElement("button");
    exportButton.type = "button";
    exportButton.className = "dl-quiz-secondary";
    exportButton.textContent = t("quiz.dash.export");
    exportButton.setAttribute("data-export", "");
    exportButton.addEventListener("click", () => this.download());
    const fileId = `${id}-import`;
    const label = document.createElement("label");
    label.htmlFor = fileId;
    label.className = "dl-quiz-file";
    label.textContent = t("quiz.dash.import");
    const input = document.createElement("input");
    input.type = "file";
    input.id = fileId;
    input.accept = ".json,application/json";
    input.setAttribute("data-import", "");
    input.addEventListener("change", async () => {
      const file = input.files?.[0];
      input.value = "";
      if (file) this.notice.textContent = await this.importFile(file);
    });
    box.append(exportButton, label, input);
    const storage = (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })();
    const backups = storage && backupList(storage, (m) => (this.notice.textContent = m));
    if (backups) box.append(backups);
    return box;
  }

  /** Imports a file: refused unread when too big (File.size), read without blocking, merged; the report names unknown ids. */
  private async importFile(file: File): Promise<string> {
    // NOTE: the size is checked before reading: a 37 MB file read and parsed on the main thread froze the page for seconds.
    const refuse = (r: { message: string }) => t("quiz.dash.importRefused", { message: r.message });
    if (file.size > IMPORT_MAX_BYTES) return refuse(tooBig(file.size));
    this.notice.textContent = t("quiz.dash.reading");
    const { result: r, serialized } = await importOffThread(currentProgress().progress, await file.text());
    if (!r.ok) return refuse(r);
    const saved = replaceProgress(r.progress, serialized);
    const parts = [r.message];
    if (r.reading) parts.push(t("quizCore.importReading", { chapters: mergeReading(r.reading) ?? 0 }));
    if (r.cells && Object.keys(r.cells).length) parts.push(t("quiz.dash.importCells", { n: restoreCells(r.cells) }));
    const unknown = idsNotInBank(r.ids, new Set(this.bank.questions.map((q) => q.id)));
    if (unknown.length)
      parts.push(
        t("quizCore.importUnknownIds", { n: unknown.length, ids: unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ", …" : "") }),
      );
    if (!saved.ok) parts.push(saved.message);
    return parts.join(" ");
  }

  private download(): void {
    const progress = currentProgress().progress;
    const reading = currentReading() ?? undefined;
    const cells = savedCells();
    const file = `dl-quiz-progress-${new Date().toISOString().slice(0, 10)}.json`;
    downloadText(file, exportQuizProgress(progress, Date.now(), reading, cells));
    this.notice.textContent = t("quiz.dash.exportedAll", {
      file,
      answers: progress.history.length,
      cards: Object.keys(progress.cards).length,
      chapters: reading ? Object.keys(reading.chapters).length : 0,
      cells: Object.keys(cells).length,
    });
  }

  private render(): void {
    const now = Date.now(),
      progress = currentProgress().progress,
      bank = this.bank.questions;
    const s = dashboardSummary(bank, progress, now);
    const items: [string, string][] = [
      [t("quiz.dash.dueNow"), String(s.dueNow)],
      [t("quiz.dash.answered"), String(s.answered)],
      [t("quiz.dash.seen"), `${s.seen} / ${s.total}`],
      [t("quiz.dash.streak"), t("quiz.dash.streakDays", { n: s.streak, longest: s.longest })],
      [t("quiz.dash.exercises"), String(s.exercisesSolved)],
    ];
    this.readouts.replaceChildren(
      ...items.flatMap(([k, v]) => {
        const dt = document.createElement("dt"),
          dd = document.createElement("dd");
        dt.textContent = k;
        dd.textContent = v;
        return [dt, dd];
      }),
    );
    const c = themeColors();
    const width = Math.max(280, this.figure.clientWidth || 600);
    const view = this.view.value as View;
    // Label every k-th day so "11-27"-style labels (about 40 px) never overlap.
    const every = (n: number) => Math.max(1, Math.ceil((n * 44) / Math.max(100, width - 60)));
    if (view === "mastery") {
      const rows = masteryRows(bank, progress, now).map((m) => ({ ...m, label: t(`quiz.topic.${m.topic}`) }));
      const top = [...rows]
        .sort((a, b) => b.percent - a.percent)
        .slice(0, 3)
        .map((m) => `${m.label} ${percent(m.mastery)}`)
        .join(", ");
      const description = s.seen ? t("quiz.dash.masteryDesc", { top, seen: s.seen, total: s.total }) : t("quiz.dash.masteryEmpty");
      // On a phone the topic names go above their bars instead of in a left margin too narrow for them.
      const narrow = width < 520;
      drawChart(
        this.figure,
        {
          width,
          height: rows.length * (narrow ? 34 : 18) + 60,
          marginLeft: narrow ? 8 : Math.min(180, Math.round(width * 0.42)),
          marginRight: 16,
          marginBottom: 44,
          x: { domain: [0, 100], label: `${t("quiz.dash.masteryCol")} →`, labelAnchor: "center", labelOffset: 36, grid: true },
          y: { domain: rows.map((r) => r.label), label: null, tickSize: 0, axis: narrow ? null : "left" },
          marks: [
            Plot.barX(rows, { x: "percent", y: "label", fill: c.accent, insetTop: narrow ? 15 : 0 }),
            ...(narrow
              ? [
                  Plot.text(rows, {
                    x: 0,
                    y: "label",
                    text: (r: { label: string; percent: number }) => `${r.label} ${Math.round(r.percent)} %`,
                    textAnchor: "start",
                    dy: -8,
                    dx: 2,
                    fill: c.text,
                  }),
                ]
              : []),
            Plot.ruleX([0], { stroke: c.muted }),
          ],
        },
        description,
        {
          columns: [t("quiz.dash.topic"), t("quiz.dash.masteryCol"), t("quiz.dash.accuracyCol"), t("quiz.dash.seenCol")],
          rows: rows.map((m) => [
            m.label,
            m.percent,
            m.accuracy === null ? "—" : Math.round(100 * m.accuracy),
            `${m.seen} / ${m.questions} (${t(`quiz.dash.level.${m.level}`)})`,
          ]),
        },
      );
    } else if (view === "history") {
      const rows = historyRows(progress, now, 30);
      const answers = rows.reduce((a, r) => a + r.answers, 0),
        correct = rows.reduce((a, r) => a + r.correct, 0);
      const days = rows.filter((r) => r.answers > 0).length;
      const label = (d: string) => d.slice(5);
      drawChart(
        this.figure,
        {
          width,
          height: 240,
          marginBottom: 40,
          x: {
            domain: rows.map((r) => r.day),
            label: null,
            tickFormat: (d: string, i: number) => (i % Math.max(7, every(rows.length)) === 0 ? label(d) : ""),
            tickSize: 0,
          },
          y: { label: `↑ ${t("quiz.dash.answers")}`, grid: true, domain: [0, Math.max(4, ...rows.map((r) => r.answers))] },
          color: { domain: [t("quiz.dash.answers"), t("quiz.dash.correct")], range: [c.muted, c.accent], legend: true },
          marks: [
            Plot.barY(rows, { x: "day", y: "answers", fill: () => t("quiz.dash.answers") }),
            Plot.barY(rows, { x: "day", y: "correct", fill: () => t("quiz.dash.correct"), inset: 2 }),
            Plot.ruleY([0], { stroke: c.muted }),
          ],
        },
        t("quiz.dash.historyDesc", { answers, correct, days }),
        {
          columns: [t("quiz.dash.day"), t("quiz.dash.answers"), t("quiz.dash.correct")],
          rows: rows.filter((r) => r.answers > 0).map((r) => [r.day, r.answers, r.correct]),
        },
      );
    } else {
      const rows = dueForecast(progress.cards, now, 14);
      const total = rows.reduce((a, r) => a + r.due, 0);
      drawChart(
        this.figure,
        {
          width,
          height: 220,
          marginBottom: 40,
          x: {
            domain: rows.map((r) => r.day),
            label: null,
            tickFormat: (d: string, i: number) => (i % every(rows.length) === 0 ? d.slice(5) : ""),
            tickSize: 0,
          },
          y: { label: `↑ ${t("quiz.dash.due")}`, grid: true, domain: [0, Math.max(4, ...rows.map((r) => r.due))] },
          marks: [Plot.barY(rows, { x: "day", y: "due", fill: c.accent }), Plot.ruleY([0], { stroke: c.muted })],
        },
        t("quiz.dash.forecastDesc", { now: s.dueNow, total }),
        {
          columns: [t("quiz.dash.day"), t("quiz.dash.due")],
          rows: rows.map((r) => [r.day, r.due]),
        },
      );
    }
  }
}

if (!customElements.get("dl-quiz-dashboard")) customElements.define("dl-quiz-dashboard", QuizDashboard);

/** The reader's edited code cells in this browser (storage key → code). */
function savedCells(): Record<string, string> {
  const out: Record<string, string> = {};
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k?.startsWith(CELL_PREFIX)) out[k] = localStorage.getItem(k) ?? "";
    }
  } catch {
    /* storage blocked: no cell edits to export */
  }
  return out;
}

/** Writes imported cell edits where this browser has none (an edit made here is never overwritten); returns how many. */
function restoreCells(cells: Record<string, string>): number {
  let n = 0;
  try {
    for (const [k, code] of Object.entries(cells))
      if (localStorage.getItem(k) === null) {
        localStorage.setItem(k, code);
        n++;
      }
  } catch {
    /* storage full or blocked: the rest stay in the file */
  }
  return n;
}
