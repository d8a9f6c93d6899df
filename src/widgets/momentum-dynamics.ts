// <dl-momentum-dynamics>: why momentum works, in numbers (chapter 4). The race's quadratic split into
// its two eigen-directions; the error of GD, momentum and Nesterov along each; their rates against
// the condition number κ; momentum's critical damping; and each method's stable range of lr·λ.
// Every number comes from lib/optim/quadratic-analysis through momentum-dynamics-model.ts.
import { ThrottledWidget } from "./throttled-widget";
import { drawChart, Plot, themeColors } from "../charts/chart";
import { powerOfTen } from "../charts/parts";
import { dropPlotStyle, optimizerColor, trackWidth } from "./optimizer-charts";
import { formatNumber } from "../charts/format";
import { assignFields, controlButton } from "./controls";
import { runInFrames } from "./frame-slices";
import {
  dynamicsSchema,
  decomposition,
  errorSeries,
  rates,
  kappaSweep,
  dampingSweep,
  criticalBetas,
  stabilitySweep,
  lrLimits,
  preset,
  METHODS,
  type DynamicsState,
} from "./momentum-dynamics-model";
import { stabilityLimit, optimalSettings, type QuadMethod } from "../../lib";
import { t } from "../i18n";

type Host = "errors" | "kappa" | "damping" | "stability";
const HOSTS: Host[] = ["errors", "kappa", "damping", "stability"];
const f = (x: number, d = 3) => formatNumber(x, d);

/**
 * What the three rate charts share: the rate ρ per step (0 to `yMax`) against `x`, a colour legend, and the line ρ = 1
 * past which a method's error grows, under the chart's own `marks`.
 */
function rateChart(size: number, x: Plot.ScaleOptions, yMax: number, color: Plot.ScaleOptions, marks: Plot.Markish[]): Plot.PlotOptions {
  return {
    width: size,
    height: Math.round(size * 0.85),
    marginLeft: 48,
    marginBottom: 36,
    x,
    y: { domain: [0, yMax], label: t("momentumDynamics.axisRate"), grid: true },
    color: { ...color, legend: true },
    clip: true,
    marks: [Plot.ruleY([1], { stroke: themeColors().muted }), ...marks],
  };
}

class MomentumDynamicsWidget extends ThrottledWidget<typeof dynamicsSchema> {
  readonly schema = dynamicsSchema;
  private hosts = {} as Record<Host, HTMLElement>;
  private readouts!: HTMLElement;
  private width!: () => number;
  /** What each chart last showed. */
  private readonly shown: Record<Host, string> = { errors: "", kappa: "", damping: "", stability: "" };
  /** Charts still to draw, one per frame, at this size; and the cancel of that work. */
  private readonly pending = new Set<Host>();
  private pendingSize = 0;
  private stopFrames?: () => void;

  protected buildControls(panel: HTMLElement): void {
    const buttons = Object.assign(document.createElement("div"), { className: "dl-race-buttons" });
    buttons.append(
      controlButton(t("momentumDynamics.presetRace"), "preset-race", () => this.assign(preset("race", this.state))),
      controlButton(t("momentumDynamics.presetGd"), "preset-gd", () => this.assign(preset("bestGd", this.state))),
      controlButton(t("momentumDynamics.presetMomentum"), "preset-momentum", () => this.assign(preset("bestMomentum", this.state))),
    );
    panel.append(
      this.fieldGroup(t("momentumDynamics.groupQuadratic"), ["surface", "kappa", "steps"]),
      this.fieldGroup(t("momentumDynamics.groupSettings"), ["lr", "beta", buttons]),
    );
  }

  protected optionLabel(_name: string, option: string): string {
    return t(`momentumDynamics.surface.${option}`);
  }

  private assign(values: Partial<DynamicsState>): void {
    assignFields(this, values);
    this.update();
  }

  protected render(): void {
    if (!this.readouts) {
      this.readouts = Object.assign(document.createElement("dl"), { className: "dl-readouts dl-dynamics-readouts" });
      const grid = Object.assign(document.createElement("div"), { className: "dl-dynamics-charts" });
      for (const h of HOSTS) {
        const box = document.createElement("div");
        box.dataset.chart = h;
        this.hosts[h] = document.createElement("div");
        box.append(
          Object.assign(document.createElement("p"), { className: "dl-race-chart-title", textContent: t(`momentumDynamics.title.${h}`) }),
          this.hosts[h],
        );
        grid.append(box);
      }
      this.figure.append(this.readouts, grid);
      this.width = trackWidth(this.figure, () => this.update());
    }
    const width = this.width() || 640;
    const size = Math.floor(width >= 600 ? Math.min(420, (width - 16) / 2) : Math.min(420, width));
    const numbers = this.readouts.textContent;
    this.fillReadouts();
    // Each chart is drawn again only when what it shows changed (its settings, the theme or the size): the steps
    // move only the error chart, and the bowl and the ravine share their curvatures, so a surface switch leaves
    // the three rate charts alone.
    const st = this.state,
      look = `${document.documentElement.dataset.theme}:${size}`,
      lambdas = decomposition(st).lambdas.join();
    if (this.changed("errors", `${st.surface}:${st.kappa}:${st.lr}:${st.beta}:${st.steps}:${look}`)) this.pending.add("errors");
    if (this.changed("kappa", `${st.kappa}:${st.lr}:${st.beta}:${look}`)) this.pending.add("kappa");
    if (this.changed("damping", `${lambdas}:${st.lr}:${st.beta}:${look}`)) this.pending.add("damping");
    if (this.changed("stability", `${lambdas}:${st.lr}:${st.beta}:${look}`)) this.pending.add("stability");
    this.pendingSize = size;
    // One chart in this frame, the others one per following frame: all four at once (a κ change or a preset)
    // took 140 ms and more to the next frame here.
    // When the readouts changed they are this frame's news, and every chart waits for the following frames.
    if (numbers === this.readouts.textContent) this.drawNext();
    if (this.pending.size && !this.stopFrames)
      this.stopFrames = runInFrames(
        { advance: () => this.drawNext() },
        (done) => {
          if (done) this.stopFrames = undefined;
        },
        { unit: 1, budgetMs: 1 },
      );
  }

  /** Draws the first chart still pending (in the order of HOSTS); whether none is left. */
  private drawNext(): boolean {
    const host = HOSTS.find((h) => this.pending.has(h));
    if (!host) return true;
    this.pending.delete(host);
    const size = this.pendingSize;
    if (host === "errors") this.drawErrors(size);
    else if (host === "kappa") this.drawKappa(size);
    else if (host === "damping") this.drawDamping(size);
    else this.drawStability(size);
    dropPlotStyle(this.hosts[host]);
    return this.pending.size === 0;
  }

  /** Whether a chart's inputs differ from what it last showed; remembers them. */
  private changed(host: Host, key: string): boolean {
    if (this.shown[host] === key) return false;
    this.shown[host] = key;
    return true;
  }

  private fillReadouts(): void {
    const s = this.state;
    const {
      hessian: [[a, b], [, c]],
      lambdas,
      vectors,
      x0,
    } = decomposition(s);
    const r = rates(s),
      lim = lrLimits(s);
    const gd = optimalSettings("gd", lambdas[0], lambdas[1]),
      hb = optimalSettings("momentum", lambdas[0], lambdas[1]);
    const vec = ([x, y]: number[]) => `(${f(x)}, ${f(y)})`;
    const rows: [string, string, string?][] = [
      [t("momentumDynamics.readHessian"), `[[${f(a)}, ${f(b)}], [${f(b)}, ${f(c)}]]`],
      [
        t("momentumDynamics.readEigen"),
        t("momentumDynamics.eigenValue", { l1: f(lambdas[0]), q1: vec(vectors[0]), l2: f(lambdas[1]), q2: vec(vectors[1]) }),
      ],
      [t("momentumDynamics.readStart"), `${f(x0[0])}, ${f(x0[1])}`],
      ...METHODS.map((m): [string, string, string] => [
        t("momentumDynamics.readRate", { name: t(`momentumDynamics.name.${m}`) }),
        t(r[m].rho < 1 ? "momentumDynamics.rateShrinks" : "momentumDynamics.rateGrows", {
          rho: f(r[m].rho, 4),
          steps: r[m].steps,
          limit: f(lim[m], 4),
        }),
        m,
      ]),
      [t("momentumDynamics.readBestGd"), t("momentumDynamics.bestGd", { lr: f(gd.lr, 4), rate: f(gd.rate, 4) })],
      [
        t("momentumDynamics.readBestMomentum"),
        t("momentumDynamics.bestMomentum", { lr: f(hb.lr, 4), beta: f(hb.beta, 4), rate: f(hb.rate, 4) }),
      ],
    ];
    this.readouts.replaceChildren(
      ...rows.flatMap(([k, v, m]) => {
        const dd = Object.assign(document.createElement("dd"), { textContent: v });
        if (m) Object.assign(dd.dataset, { method: m, rate: String(r[m as QuadMethod].rho) });
        return [Object.assign(document.createElement("dt"), { textContent: k }), dd];
      }),
    );
  }

  private drawErrors(size: number): void {
    const s = this.state;
    const data = errorSeries(s);
    const { lambdas } = decomposition(s);
    const dirName = (d: number) => t(d === 0 ? "momentumDynamics.dirFlat" : "momentumDynamics.dirSteep", { lambda: f(lambdas[d]) });
    const last = (m: QuadMethod, d: number) => data.filter((p) => p.method === m && p.direction === d).at(-1)!.error;
    drawChart(
      this.hosts.errors,
      {
        width: size,
        height: Math.round(size * 0.85),
        marginLeft: 52,
        marginBottom: 36,
        marginRight: 8,
        marginTop: 34,
        fx: { label: null, tickFormat: dirName, padding: 0.12, axis: "top" },
        x: { label: t("momentumDynamics.axisStep") },
        y: {
          type: "log",
          domain: [1e-12, 1e4],
          clamp: true,
          label: null,
          tickFormat: powerOfTen,
          grid: true,
          ticks: [1e-12, 1e-8, 1e-4, 1, 1e4],
        },
        marks: [
          Plot.ruleY([1], { stroke: themeColors().muted }),
          ...METHODS.map((m) =>
            Plot.line(
              data.filter((p) => p.method === m),
              {
                fx: "direction",
                x: "t",
                y: "error",
                stroke: optimizerColor(m),
                strokeWidth: 2,
                strokeDasharray: m === "nesterov" ? "6 3" : undefined,
              },
            ),
          ),
        ],
      },
      t("momentumDynamics.errorsDesc", {
        steps: s.steps,
        summary: METHODS.map((m) =>
          t("momentumDynamics.errorsOne", { name: t(`momentumDynamics.name.${m}`), flat: f(last(m, 0)), steep: f(last(m, 1)) }),
        ).join("; "),
      }),
      {
        columns: [
          t("momentumDynamics.col.method"),
          t("momentumDynamics.col.direction"),
          t("momentumDynamics.col.step"),
          t("momentumDynamics.col.error"),
        ],
        rows: data.filter((p) => p.t % 10 === 0).map((p) => [t(`momentumDynamics.name.${p.method}`), dirName(p.direction), p.t, p.error]),
      },
    );
  }

  private drawKappa(size: number): void {
    const s = this.state;
    const data = kappaSweep(s);
    // The best-settings curves get colours of their own; the dashed "at this lr" curves keep each method's.
    const colors = { gdBest: themeColors().text, momentumBest: themeColors().second };
    const series = ["gdBest", "momentumBest", ...METHODS] as const;
    const name = (k: (typeof series)[number]) => t(`momentumDynamics.series.${k}`);
    const at = optimalSettings("momentum", 1, s.kappa),
      atGd = optimalSettings("gd", 1, s.kappa);
    drawChart(
      this.hosts.kappa,
      rateChart(
        size,
        { type: "log", domain: [1, 100], label: t("momentumDynamics.axisKappa") },
        1.2,
        { domain: series.map(name), range: series.map((k) => (k === "gdBest" || k === "momentumBest" ? colors[k] : optimizerColor(k))) },
        [
          Plot.ruleX([s.kappa], { stroke: themeColors().muted, strokeDasharray: "2 3" }),
          ...series.map((k) =>
            Plot.line(
              data.filter((p) => p.series === k),
              {
                x: "kappa",
                y: "rate",
                stroke: () => name(k),
                strokeWidth: k.endsWith("Best") ? 3 : 1.5,
                strokeDasharray: k.endsWith("Best") ? undefined : "4 3",
              },
            ),
          ),
        ],
      ),
      t("momentumDynamics.kappaDesc", { kappa: s.kappa, gd: f(atGd.rate, 4), momentum: f(at.rate, 4) }),
      {
        columns: [t("momentumDynamics.col.kappa"), ...series.map(name)],
        rows: data
          .filter((p) => p.series === "gdBest")
          .filter((_, i) => i % 4 === 0)
          .map((p) => [p.kappa, ...series.map((k) => data.find((q) => q.series === k && q.kappa === p.kappa)!.rate)]),
      },
    );
  }

  private drawDamping(size: number): void {
    const s = this.state;
    const data = dampingSweep(s);
    const crit = criticalBetas(s);
    const { lambdas } = decomposition(s);
    const c = themeColors();
    const dir = (d: 0 | 1 | "both") =>
      d === "both"
        ? t("momentumDynamics.run")
        : t(d === 0 ? "momentumDynamics.dirFlat" : "momentumDynamics.dirSteep", { lambda: f(lambdas[d]) });
    const now = data
      .filter((p) => p.direction === "both")
      .reduce((a, b) => (Math.abs(b.beta - s.beta) < Math.abs(a.beta - s.beta) ? b : a));
    drawChart(
      this.hosts.damping,
      rateChart(
        size,
        { domain: [0, 1], label: t("momentumDynamics.axisBeta") },
        1.2,
        { domain: [0, 1, "both"].map((d) => dir(d as 0 | 1 | "both")), range: [c.muted, c.second, c.accent] },
        [
          Plot.ruleX(
            crit.filter((b) => b <= 1),
            { stroke: c.muted, strokeDasharray: "2 3" },
          ),
          ...([0, 1, "both"] as const).map((d) =>
            Plot.line(
              data.filter((p) => p.direction === d),
              { x: "beta", y: "rho", stroke: () => dir(d), strokeWidth: d === "both" ? 3 : 1.5 },
            ),
          ),
          Plot.dot([now], { x: "beta", y: "rho", r: 5, fill: c.accent, stroke: c.text }),
        ],
      ),
      t("momentumDynamics.dampingDesc", { lr: s.lr, flat: f(crit[0]), steep: f(crit[1]), beta: s.beta, rho: f(now.rho, 4) }),
      {
        columns: [t("momentumDynamics.col.beta"), dir(0), dir(1), dir("both")],
        rows: data
          .filter((p) => p.direction === "both")
          .filter((_, i) => i % 10 === 0)
          .map((p) => [p.beta, ...([0, 1] as const).map((d) => data.find((q) => q.direction === d && q.beta === p.beta)!.rho), p.rho]),
      },
    );
  }

  private drawStability(size: number): void {
    const s = this.state;
    const data = stabilitySweep(s);
    const { lambdas } = decomposition(s);
    const c = themeColors();
    const name = (m: QuadMethod) => t(`momentumDynamics.name.${m}`);
    const limits = METHODS.map((m) => ({ method: m, h: stabilityLimit(m, s.beta) }));
    const hs = lambdas.map((l) => s.lr * l);
    drawChart(
      this.hosts.stability,
      rateChart(
        size,
        { domain: [0, 4], label: t("momentumDynamics.axisH") },
        2,
        { domain: METHODS.map(name), range: METHODS.map((m) => optimizerColor(m)) },
        [
          Plot.ruleX(
            hs.filter((h) => h <= 4),
            { stroke: c.text, strokeDasharray: "2 3" },
          ),
          ...METHODS.map((m) =>
            Plot.line(
              data.filter((p) => p.method === m),
              { x: "h", y: "rho", stroke: () => name(m), strokeWidth: 2, strokeDasharray: m === "nesterov" ? "6 3" : undefined },
            ),
          ),
          Plot.dot(limits, { x: "h", y: () => 1, r: 4, fill: (d: { method: QuadMethod }) => name(d.method) }),
        ],
      ),
      t("momentumDynamics.stabilityDesc", {
        beta: s.beta,
        gd: f(limits[0].h),
        momentum: f(limits[1].h),
        nesterov: f(limits[2].h),
        flat: f(hs[0]),
        steep: f(hs[1]),
      }),
      {
        columns: [t("momentumDynamics.col.h"), ...METHODS.map(name)],
        rows: data
          .filter((p) => p.method === "gd")
          .filter((_, i) => i % 10 === 0)
          .map((p) => [p.h, ...METHODS.map((m) => data.find((q) => q.method === m && q.h === p.h)!.rho)]),
      },
    );
  }
}

if (!customElements.get("dl-momentum-dynamics")) customElements.define("dl-momentum-dynamics", MomentumDynamicsWidget);
