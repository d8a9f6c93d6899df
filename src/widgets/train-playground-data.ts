// The playground's "your own data" controls: what a click on the heatmap adds, a keyboard form for one point,
// a CSV box, and Clear. They report through handlers; messages go to their own status line.
import { parseCsv, MAX_POINTS, type CsvProblem } from "./train-playground-csv";
import type { Points } from "./train-playground-model";
import { t } from "../i18n";

export interface DataHandlers {
  add(x: number, y: number, label: 0 | 1): void;
  load(points: Points): void;
  clear(): void;
  clickMode(mode: "off" | "0" | "1"): void;
}

let uid = 0;

function labelled(text: string, input: HTMLElement, id: string): HTMLElement {
  const wrap = Object.assign(document.createElement("div"), { className: "dl-control" });
  input.id = id;
  wrap.append(Object.assign(document.createElement("label"), { htmlFor: id, textContent: text }), input);
  return wrap;
}

function select(options: [string, string][]): HTMLSelectElement {
  const s = document.createElement("select");
  for (const [value, text] of options) s.append(new Option(text, value));
  return s;
}

function button(text: string, onClick: () => void, figureChanging: boolean): HTMLButtonElement {
  const b = Object.assign(document.createElement("button"), { type: "button", textContent: text, className: "dl-tp-button" });
  if (figureChanging) b.setAttribute("data-control", "");
  b.addEventListener("click", onClick);
  return b;
}

export function csvMessage(problem: CsvProblem): string {
  if (problem.kind === "empty") return t("trainPlayground.csv.empty");
  if (problem.kind === "tooMany") return t("trainPlayground.csv.tooMany", { count: problem.count, max: MAX_POINTS });
  return t(`trainPlayground.csv.${problem.kind}`, { line: problem.line, text: problem.text });
}

/** Builds the data controls; returns their container. */
export function buildDataControls(h: DataHandlers): HTMLElement {
  const id = `dl-tp-${++uid}`;
  const root = Object.assign(document.createElement("div"), { className: "dl-tp-data" });
  const status = Object.assign(document.createElement("p"), { className: "dl-messages dl-tp-data-status" });
  status.setAttribute("role", "status");
  const say = (text: string) => (status.textContent = text);

  const mode = select((["off", "0", "1"] as const).map((m) => [m, t(`trainPlayground.clickMode.${m}`)]));
  mode.addEventListener("change", () => h.clickMode(mode.value as "off" | "0" | "1"));
  const hint = Object.assign(document.createElement("p"), { className: "dl-tp-hint", textContent: t("trainPlayground.hint") });

  // One point by keyboard: the same thing a click does.
  const form = document.createElement("form");
  form.className = "dl-tp-point";
  const x = Object.assign(document.createElement("input"), { type: "text", inputMode: "decimal", value: "0", size: 5 });
  const y = Object.assign(document.createElement("input"), { type: "text", inputMode: "decimal", value: "0", size: 5 });
  const cls = select([
    ["0", "0"],
    ["1", "1"],
  ]);
  cls.value = "1";
  const add = () => {
    const [px, py] = [x.value, y.value].map((v) => (v.trim() === "" ? NaN : Number(v)));
    if (!Number.isFinite(px) || !Number.isFinite(py)) return say(t("trainPlayground.pointBad"));
    h.add(px, py, cls.value === "1" ? 1 : 0);
    say(t("trainPlayground.pointAdded", { label: cls.value, x: px, y: py }));
  };
  // A submit button, so Enter in either box adds the point too.
  const submit = Object.assign(document.createElement("button"), {
    type: "submit",
    textContent: t("trainPlayground.addPoint"),
    className: "dl-tp-button",
  });
  submit.setAttribute("data-control", "");
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    add();
  });
  form.append(
    labelled(t("trainPlayground.pointX"), x, `${id}-x`),
    labelled(t("trainPlayground.pointY"), y, `${id}-y`),
    labelled(t("trainPlayground.pointClass"), cls, `${id}-class`),
    submit,
  );

  const csv = Object.assign(document.createElement("textarea"), { rows: 5, spellcheck: false, value: t("trainPlayground.csvExample") });
  csv.className = "dl-tp-csv";
  const load = () => {
    const { points, problem } = parseCsv(csv.value);
    if (problem) return say(csvMessage(problem));
    h.load(points);
    say(t("trainPlayground.csv.loaded", { count: points.x.length }));
  };

  root.append(
    labelled(t("trainPlayground.clickMode"), mode, `${id}-mode`),
    hint,
    form,
    labelled(t("trainPlayground.csv"), csv, `${id}-csv`),
    button(t("trainPlayground.loadCsv"), load, true),
    button(
      t("trainPlayground.clear"),
      () => {
        h.clear();
        say("");
      },
      true,
    ),
    status,
  );
  return root;
}
