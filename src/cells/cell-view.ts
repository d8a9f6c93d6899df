// One cell on the page: switches between the build-time highlighted code and the editor, keeps the
// reader's edits, and shows a run's output (text, tables, charts, errors, time).
import { t } from "../i18n";
import { loadEdit, saveEdit } from "./store";
import { codeFromLink, linkToCell } from "./link";
import type { EditorHandle } from "./editor";
import type { CellTable, FromWorker } from "./protocol";
import { appendRows, dataTable } from "../charts/data-table";
import { normalizeOutput } from "./cell-text";
import { LIMITS } from "./protocol";

const $ = <T extends HTMLElement>(root: HTMLElement, sel: string) => root.querySelector<T>(sel)!;

export class CellView {
  readonly id: string;
  readonly original: string;
  private code: string;
  private editor: EditorHandle | null = null;
  private opening: Promise<EditorHandle> | null = null;
  private readonly body: HTMLElement;
  private log: HTMLPreElement | null = null;
  private logText: string[] = [];
  /** Output waiting to be drawn a few milliseconds a frame (pump), so a big run never blocks the page. */
  private pending: (() => unknown)[] = [];
  private pumping = false;
  hasRun = false;
  /** The code came from a link and the reader has not pressed this cell's Run yet. */
  fromLink = false;

  constructor(
    readonly el: HTMLElement,
    private readonly onEdit: (view: CellView) => void,
    private readonly onRun: (view: CellView) => void,
  ) {
    this.id = el.id;
    this.original = el.dataset.code ?? "";
    this.code = this.original;
    this.body = $(el, "[data-output-body]");
    const shared = codeFromLink(location.search, this.id);
    const saved = loadEdit(location.pathname, this.id);
    // Code from a link is shown, never run: only the reader's Run press runs anything.
    if (shared !== null && shared !== this.original) {
      this.fromLink = true;
      this.show(shared, t("cell.fromLink"));
    } else if (saved !== null && saved !== this.original) this.show(saved, t("cell.restored"));
  }

  private show(code: string, notice: string) {
    this.code = code;
    this.notice(notice);
    this.markEdited();
    void this.openEditor(false);
  }

  get source(): string {
    return this.editor ? this.editor.code() : this.code;
  }

  /** Seconds a run may take, from the reader's control (the cell's prop by default), kept in the input's stated range. */
  get timeoutSeconds(): number {
    const input = $<HTMLInputElement>(this.el, "[data-timeout-input]");
    const v = Number(input.value);
    const seconds = Number.isFinite(v) && v > 0 ? v : Number(this.el.dataset.timeout ?? 10);
    // NOTE: setTimeout fires at once past 2^31 − 1 ms, so 1e9 s would stop every run immediately.
    return Math.min(Number(input.max) || 600, Math.max(Number(input.min) || 1, seconds));
  }

  /** Replaces the highlighted code by the editor (loading CodeMirror the first time). */
  openEditor(focus: boolean): Promise<EditorHandle | null> {
    this.opening ??= import("./editor").then(({ createEditor }) => {
      const host = $(this.el, "[data-editor]");
      host.hidden = false;
      $(this.el, "[data-view]").hidden = true;
      $(this.el, "[data-action=edit]").hidden = true;
      this.editor = createEditor(
        host,
        this.code,
        t("cell.editorLabel", { id: this.id }),
        (code) => this.changed(code),
        () => this.onRun(this),
      );
      return this.editor;
    });
    return this.opening.then(
      (ed) => (focus && ed.focus(), ed),
      (error) => {
        // Offline before the editor was ever loaded: say so, and let a later press try again.
        this.opening = null;
        this.notice(t("cell.editorFailed", { message: error instanceof Error ? error.message : String(error) }));
        return null;
      },
    );
  }

  private changed(code: string) {
    this.code = code;
    saveEdit(location.pathname, this.id, code, this.original);
    this.markEdited();
    this.onEdit(this);
  }

  private markEdited() {
    const edited = this.code !== this.original;
    $(this.el, "[data-edited]").hidden = !edited;
    $(this.el, "[data-action=reset]").hidden = !edited;
  }

  /** Back to the build-time code; the saved edit is forgotten. */
  reset() {
    this.editor?.destroy();
    this.editor = null;
    this.opening = null;
    $(this.el, "[data-editor]").replaceChildren();
    $(this.el, "[data-editor]").hidden = true;
    $(this.el, "[data-view]").hidden = false;
    $(this.el, "[data-action=edit]").hidden = false;
    this.changed(this.original);
    this.notice("");
    $<HTMLButtonElement>(this.el, "[data-action=edit]").focus();
  }

  async share() {
    const link = linkToCell(location.href, this.id, this.source);
    this.el.dataset.link = link;
    try {
      await navigator.clipboard.writeText(link);
      this.notice(t("cell.linkCopied"));
    } catch {
      this.notice(`${t("cell.linkManual")} ${link}`);
    }
  }

  notice(text: string) {
    $(this.el, "[data-notice]").textContent = text;
  }

  setStale(stale: boolean) {
    $(this.el, "[data-stale]").hidden = !stale;
  }

  setRunning(running: boolean) {
    $(this.el, "[data-action=stop]").hidden = !running;
    this.el.toggleAttribute("data-running", running);
  }

  /** Clears the output for a new run. */
  begin(status: string) {
    $(this.el, "[data-output]").hidden = false;
    this.body.replaceChildren();
    this.pending = [];
    this.log = null;
    this.logText = [];
    this.status(status);
    this.el.removeAttribute("data-done");
    this.setStale(false);
    this.notice("");
  }

  status(text: string) {
    $(this.el, "[data-status]").textContent = text;
  }

  /** Shows one message of a run (queued behind earlier output, drawn in slices). */
  show1(m: FromWorker) {
    this.enqueue(() => this.draw(m));
  }

  private enqueue(draw: () => unknown) {
    this.pending.push(draw);
    if (!this.pumping) {
      this.pumping = true;
      requestAnimationFrame(() => this.pump());
    }
  }

  /**
   * Draws queued output for at most ~8 ms a frame. One slice per frame: slices queued by timers ran several times
   * between two frames, and the frame then laid out all they drew at once (60 tables of 100 x 20: one 1.9 s task).
   */
  private pump() {
    const start = performance.now();
    // A drawn table slice ends the frame (draw returns "table"): laying ~500 table cells out is a frame's work by itself.
    while (this.pending.length && performance.now() - start < 8) if (this.pending.shift()!() === "table") break;
    if (this.pending.length) requestAnimationFrame(() => this.pump());
    else this.pumping = false;
  }

  private draw(m: FromWorker): "table" | undefined {
    if (m.kind === "log" || m.kind === "value") {
      const text = m.kind === "value" ? `← ${m.text}` : m.text;
      if (!this.log) {
        this.log = document.createElement("pre");
        this.log.className = "dl-cell-log";
        this.log.tabIndex = 0;
        this.body.append(this.log);
      }
      const line = document.createElement("span");
      if (m.kind === "log" && m.level !== "log") line.className = `dl-cell-${m.level}`;
      line.textContent = (this.log.childNodes.length ? "\n" : "") + text;
      this.log.append(line);
      if (m.kind === "log") this.logText.push(m.text);
    } else if (m.kind === "table") {
      this.log = null;
      const { wrap, rest } = tableElement(m.table);
      this.body.append(wrap);
      // The rest of a large table comes a slice a frame, before any later output.
      this.pending.unshift(...rest);
      return "table";
    } else if (m.kind === "plot") {
      this.log = null;
      const host = document.createElement("div");
      host.className = "dl-figure dl-cell-chart";
      this.body.append(host);
      import("./draw-plot")
        .then(({ drawPlotSpec }) => drawPlotSpec(host, m.spec, t("cell.chartDescription", { id: this.id })))
        .catch((e: unknown) => {
          host.remove();
          this.block("dl-cell-error", t("cell.chartFailed", { message: e instanceof Error ? e.message : String(e) }));
        });
    } else if (m.kind === "truncated") {
      this.block(
        "dl-cell-warn",
        t(m.reason === "messages" ? "cell.truncatedMessages" : "cell.truncatedChars", {
          messages: LIMITS.messages,
          chars: LIMITS.chars.toLocaleString("en"),
        }),
      );
    } else if (m.kind === "error") {
      const vars = { line: m.line ?? "", name: m.name, message: m.message };
      this.block("dl-cell-error", m.line ? t("cell.errorAt", vars) : t("cell.error", vars)).setAttribute("data-line", String(m.line ?? ""));
      if (m.name === "ReferenceError" && /is not defined/.test(m.message)) this.block("dl-cell-hint", t("cell.notDefinedHint"));
    }
  }

  private block(className: string, text: string): HTMLElement {
    this.log = null;
    const p = document.createElement("p");
    p.className = className;
    p.textContent = text;
    this.body.append(p);
    return p;
  }

  /** Ends a run (after its queued output is drawn): its time, and whether the printed text matches the expected output. */
  finish(ok: boolean, ms: number) {
    this.enqueue(() => this.finishNow(ok, ms));
  }

  private finishNow(ok: boolean, ms: number) {
    const rounded = ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
    const expected = this.el.querySelector(".dl-cell-expected pre")?.textContent;
    let text = t(ok ? "cell.ranIn" : "cell.failedIn", { ms: rounded });
    if (ok && expected !== undefined && expected !== null) {
      text += ` ${t(normalizeOutput(this.logText.join("\n")) === normalizeOutput(expected) ? "cell.matches" : "cell.differs")}`;
    }
    this.status(text);
    this.hasRun = true;
    this.el.setAttribute("data-done", ok ? "ok" : "error");
  }

  /** Ends a run the page stopped (Stop or the time limit). */
  killed(message: string) {
    this.pending = [];
    this.block("dl-cell-error", message);
    this.status("");
    this.el.setAttribute("data-done", "stopped");
  }
}

/**
 * How many table cells one frame draws. Rows added to a table already laid out cost about their own share
 * (measured: 25 rows of 21 cells 11-22 ms each, the 100 rows at once 37-87 ms), so a large table comes in slices.
 */
const TABLE_CELLS_PER_SLICE = 500;

/** A table(x) output: its first slice of rows, and a step per further slice (each ends its frame, as "table"). */
function tableElement({ columns, rows, more, moreColumns }: CellTable): { wrap: HTMLElement; rest: (() => "table")[] } {
  const wrap = document.createElement("div");
  wrap.className = "dl-cell-table";
  wrap.tabIndex = 0;
  // Its height until first shown (cell.css): a table off screen is not laid out.
  wrap.style.setProperty("--table-rows", String(rows.length + 1));
  // A tensor's table numbers its rows in a "#" column: those cells head their rows.
  const rowHeader = columns[0] === "#";
  const slice = Math.max(1, Math.floor(TABLE_CELLS_PER_SLICE / columns.length));
  const table = dataTable(columns, rows.slice(0, slice), rowHeader);
  wrap.append(table);
  const rest: (() => "table")[] = [];
  for (let r = slice; r < rows.length; r += slice)
    rest.push(() => {
      appendRows(table, rows.slice(r, r + slice), rowHeader);
      return "table";
    });
  if (more > 0 || moreColumns > 0) {
    const p = document.createElement("p");
    p.textContent = [
      more > 0 && t("cell.tableMore", { count: more.toLocaleString("en") }),
      moreColumns > 0 && t("cell.tableMoreColumns", { count: moreColumns.toLocaleString("en") }),
    ]
      .filter(Boolean)
      .join(" ");
    wrap.append(p);
  }
  return { wrap, rest };
}
