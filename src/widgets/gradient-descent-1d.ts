// <dl-gradient-descent-1d>: gradient descent on J(w) = ½λw² for a chosen learning rate, with the
// tangent at the current w, the path of w over the steps, and a marked stop when it diverges (chapter 3).
import { WidgetBase } from "./base";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { formatNumber } from "../charts/format";
import { assignFields, controlButton, PlayLoop } from "./controls";
import {
  gd1dSchema,
  descend,
  regime,
  presetLr,
  tangent,
  window,
  J,
  dJ,
  PRESETS,
  MAX_STEPS,
  DIVERGE_FACTOR,
  type Gd1dState,
  type PresetId,
} from "./gradient-descent-1d-model";
import { t } from "../i18n";

class GradientDescent1DWidget extends WidgetBase<typeof gd1dSchema> {
  readonly schema = gd1dSchema;
  private player!: PlayLoop;
  private parts: { readouts: HTMLElement; status: HTMLElement; loss: HTMLElement; path: HTMLElement } | null = null;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.player?.stop();
  }

  protected buildControls(panel: HTMLElement): void {
    const row = (buttons: HTMLButtonElement[]) => this.buttonRow(buttons);
    const ended = () => this.state.steps >= MAX_STEPS || descend(this.state).status === "diverged";
    this.player = new PlayLoop(
      { play: t("gradientDescent1d.play"), pause: t("gradientDescent1d.pause") },
      300,
      () => {
        if (ended()) return false;
        this.assign({ steps: this.state.steps + 1 });
        return true;
      },
      () => {
        // Play from the start when the last run already ended.
        if (ended()) this.assign({ steps: 0 });
      },
    );
    const run = row([
      controlButton(t("gradientDescent1d.step"), "step", () => this.assign({ steps: Math.min(MAX_STEPS, this.state.steps + 1) })),
      this.player.button,
      controlButton(t("gradientDescent1d.reset"), "reset", () => {
        this.player.stop();
        this.assign({ steps: 0 });
      }),
    ]);
    const presets = row(
      (Object.keys(PRESETS) as PresetId[]).map((id) =>
        controlButton(t(`gradientDescent1d.preset.${id}`), `preset-${id}`, () => this.assign({ lr: presetLr(id, this.state.lambda) })),
      ),
    );
    panel.append(
      this.fieldGroup(t("gradientDescent1d.groupRun"), [run, this.control("steps")]),
      this.fieldGroup(t("gradientDescent1d.groupRate"), [presets, this.control("lr")]),
      this.fieldGroup(t("gradientDescent1d.groupBowl"), [this.control("lambda"), this.control("w0")]),
    );
  }

  private buttonRow(buttons: HTMLButtonElement[]): HTMLElement {
    const div = document.createElement("div");
    div.className = "dl-stepper-buttons";
    div.append(...buttons);
    return div;
  }

  /** Sets several fields, keeps their controls in step, and redraws once. */
  private assign(values: Partial<Gd1dState>): void {
    assignFields(this, values);
    this.update();
  }

  protected render(): void {
    if (!this.parts) {
      const el = (tag: string, className: string) => Object.assign(document.createElement(tag), { className });
      this.parts = { readouts: el("dl", "dl-readouts"), status: el("p", "dl-gd-status"), loss: el("div", ""), path: el("div", "") };
      this.parts.status.setAttribute("aria-live", "polite");
      const pathTitle = Object.assign(el("p", "dl-gd-chart-title"), { textContent: t("gradientDescent1d.pathTitle") });
      this.figure.append(this.parts.readouts, this.parts.status, this.parts.loss, pathTitle, this.parts.path);
    }
    const s = this.state,
      { readouts, status, loss, path: pathHost } = this.parts;
    const { path, status: st, divergedAt } = descend(s);
    const r = regime(s),
      last = path[path.length - 1];
    const pairs: [string, string][] = [
      [t("gradientDescent1d.readout.w"), formatNumber(last.w)],
      [t("gradientDescent1d.readout.J"), formatNumber(last.J)],
      [t("gradientDescent1d.readout.slope"), formatNumber(dJ(s.lambda, last.w))],
      [t("gradientDescent1d.readout.limit"), formatNumber(r.limit)],
      [t("gradientDescent1d.readout.factor"), formatNumber(r.factor)],
    ];
    readouts.replaceChildren(
      ...pairs.flatMap(([k, v]) => [
        Object.assign(document.createElement("dt"), { textContent: k }),
        Object.assign(document.createElement("dd"), { textContent: v }),
      ]),
    );
    const limit = formatNumber(DIVERGE_FACTOR * Math.max(Math.abs(s.w0), 0.1));
    status.dataset.status = st;
    status.textContent = `${t(`gradientDescent1d.kind.${r.kind}`)} ${st === "diverged" ? t("gradientDescent1d.diverged", { k: divergedAt ?? 0, limit }) : st === "converged" ? t("gradientDescent1d.converged") : ""}`;
    this.drawLoss(loss, s, path, st === "diverged");
    this.drawPath(pathHost, s, path, st === "diverged");
  }

  private drawLoss(host: HTMLElement, s: Gd1dState, path: { t: number; w: number; J: number }[], diverged: boolean): void {
    const c = themeColors(),
      W = window(s, path),
      top = J(s.lambda, W) * 1.05;
    const curve = Array.from({ length: 81 }, (_, i) => {
      const w = -W + (2 * W * i) / 80;
      return { w, J: J(s.lambda, w) };
    });
    const inside = path.filter((p) => Math.abs(p.w) <= W);
    const last = path[path.length - 1];
    const here = Math.abs(last.w) <= W ? [last] : [];
    const edge = diverged
      ? [
          {
            w: Math.sign(last.w) * W * 0.97,
            J: top * 0.95,
            label: `${last.w > 0 ? "" : "← "}${t("gradientDescent1d.divergedMark")}${last.w > 0 ? " →" : ""}`,
          },
        ]
      : [];
    drawChart(
      host,
      {
        width: Math.min(640, this.figure.clientWidth || this.clientWidth || 640),
        height: 260,
        marginLeft: 50,
        x: { domain: [-W, W], label: t("gradientDescent1d.axisW") },
        y: { domain: [0, top], label: t("gradientDescent1d.axisJ"), grid: true },
        marks: [
          Plot.line(curve, { x: "w", y: "J", stroke: c.muted, strokeWidth: 2 }),
          Plot.line(here.length ? tangent(s.lambda, last.w, W / 3) : [], {
            x: "w",
            y: "J",
            stroke: c.second,
            strokeDasharray: "5 3",
            clip: true,
          }),
          Plot.line(inside, { x: "w", y: "J", stroke: c.accent, strokeWidth: 1.5, clip: true }),
          Plot.dot(inside, { x: "w", y: "J", fill: c.accent, r: 3, clip: true }),
          Plot.dot(here, { x: "w", y: "J", fill: c.second, r: 6 }),
          Plot.text(edge, {
            x: "w",
            y: "J",
            text: "label",
            fill: c.second,
            fontWeight: 700,
            fontSize: 14,
            textAnchor: last.w > 0 ? "end" : "start",
          }),
        ],
      },
      t("gradientDescent1d.lossDesc", {
        lambda: s.lambda,
        W: formatNumber(W),
        n: path.length - 1,
        w: formatNumber(last.w),
        slope: formatNumber(dJ(s.lambda, last.w)),
      }),
      {
        columns: [t("gradientDescent1d.table.t"), t("gradientDescent1d.table.w"), t("gradientDescent1d.table.J")],
        rows: path.map((p) => [p.t, p.w, p.J]),
      },
    );
  }

  private drawPath(host: HTMLElement, s: Gd1dState, path: { t: number; w: number }[], diverged: boolean): void {
    const c = themeColors(),
      last = path[path.length - 1];
    drawChart(
      host,
      {
        width: Math.min(640, this.figure.clientWidth || this.clientWidth || 640),
        height: 180,
        marginLeft: 50,
        marginRight: 70,
        x: { domain: [0, Math.max(path.length - 1, 1)], label: t("gradientDescent1d.axisT") },
        y: { label: "w", grid: true },
        marks: [
          Plot.ruleY([0], { stroke: c.muted }),
          Plot.line(path, { x: "t", y: "w", stroke: c.accent }),
          Plot.dot(path, { x: "t", y: "w", fill: c.accent, r: 2.5 }),
          Plot.text(diverged ? [last] : [], {
            x: "t",
            y: "w",
            text: () => t("gradientDescent1d.divergedMark"),
            fill: c.second,
            fontWeight: 700,
            dx: 8,
            textAnchor: "start",
          }),
        ],
      },
      t("gradientDescent1d.pathDesc", { n: path.length - 1, w0: formatNumber(s.w0), w: formatNumber(last.w) }),
      { columns: [t("gradientDescent1d.table.t"), t("gradientDescent1d.table.w")], rows: path.map((p) => [p.t, p.w]) },
    );
  }
}

if (!customElements.get("dl-gradient-descent-1d")) customElements.define("dl-gradient-descent-1d", GradientDescent1DWidget);
