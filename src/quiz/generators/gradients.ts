// Templates for chapters 6–7: initialisation scales, vanishing/exploding products, residual paths, clipping.
import { clipByGlobalNorm, clipByValue, globalNorm, initScale, sigmoid } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, fp, pickInt, pickSigned, choose } from "./types";

export const clipGlobalNorm = defineGenerator(
  "clip-global-norm",
  "clipping",
  () => t("gen.clip-global-norm.title"),
  (rng) => {
    const g1 = [pickInt(rng, -6, 6), pickInt(rng, -6, 6)],
      g2 = [pickInt(rng, -6, 6), pickInt(rng, -6, 6) || 3];
    const norm = globalNorm([Float64Array.from(g1), Float64Array.from(g2)]);
    const c = choose(rng, [1, 2, 3, 5]);
    const clipped = [Float64Array.from(g1), Float64Array.from(g2)];
    clipByGlobalNorm(clipped, c);
    const answer = clipped[1][1] / g2[1];
    const n1 = Math.hypot(...g1);
    return {
      prompt: t("gen.clip-global-norm.prompt", { g1: g1.map((v) => fmt(v)).join(", "), g2: g2.map((v) => fmt(v)).join(", "), c }),
      answer,
      tolerance: { abs: 1e-4, rel: 1e-3 },
      solution: [
        `‖g‖ = √(${[...g1, ...g2].map((v) => `${fp(v)}²`).join(" + ")}) = √${fmt(norm * norm)} = ${fmt(norm)}`,
        norm > c
          ? t("gen.clip-global-norm.solution.2.clip", { c, norm: fmt(norm), factor: fmt(answer) })
          : t("gen.clip-global-norm.solution.2.no-clip", { c }),
      ],
      mistakes: [
        {
          id: "clip-per-tensor",
          label: t("gen.clip-global-norm.mistake.clip-per-tensor"),
          value: Math.min(1, c / n1),
        },
        {
          id: "clip-squared-norm",
          label: t("gen.clip-global-norm.mistake.clip-squared-norm"),
          value: Math.min(1, c / (norm * norm)),
        },
        { id: "clip-inverted", label: t("gen.clip-global-norm.mistake.clip-inverted"), value: norm / c },
      ],
      params: { g1, g2, c },
    };
  },
);

export const clipValue = defineGenerator(
  "clip-by-value",
  "clipping",
  () => t("gen.clip-by-value.title"),
  (rng) => {
    const g = [pickSigned(rng, 0.5, 6, 1), pickSigned(rng, 0.5, 6, 1), pickSigned(rng, 0.5, 6, 1)];
    const c = choose(rng, [1, 2, 3]);
    const clipped = clipByValue(Float64Array.from(g), c);
    const answer = globalNorm([clipped]);
    return {
      prompt: t("gen.clip-by-value.prompt", { g: g.map((v) => fmt(v)).join(", "), c }),
      answer,
      solution: [
        t("gen.clip-by-value.solution.1", { clipped: Array.from(clipped, (v) => fmt(v)).join(", ") }),
        `‖·‖ = √(${Array.from(clipped, (v) => `${fp(v)}²`).join(" + ")}) = ${fmt(answer)}`,
        t("gen.clip-by-value.solution.3"),
      ],
      mistakes: [
        {
          id: "clip-value-as-norm",
          label: t("gen.clip-by-value.mistake.clip-value-as-norm"),
          value: Math.min(c, Math.hypot(...g)),
        },
        { id: "clip-value-unclipped", label: t("gen.clip-by-value.mistake.clip-value-unclipped"), value: Math.hypot(...g) },
      ],
      params: { g, c },
    };
  },
);

const INIT_PROMPT = {
  xavierUniform: "gen.init-scale.prompt.xavierUniform",
  xavierNormal: "gen.init-scale.prompt.xavierNormal",
  heUniform: "gen.init-scale.prompt.heUniform",
  heNormal: "gen.init-scale.prompt.heNormal",
} as const;

export const initScaleQ = defineGenerator(
  "init-scale",
  "initialization",
  () => t("gen.init-scale.title"),
  (rng) => {
    const kind = choose(rng, ["xavierUniform", "xavierNormal", "heUniform", "heNormal"] as const);
    const fanIn = choose(rng, [16, 32, 64, 100, 128, 256, 300, 512, 784]),
      fanOut = choose(rng, [10, 32, 64, 100, 128, 200, 256]);
    const answer = initScale(kind, fanIn, fanOut);
    const formula = {
      xavierUniform: `√(6/(fan_in + fan_out)) = √(6/${fanIn + fanOut})`,
      xavierNormal: `√(2/(fan_in + fan_out)) = √(2/${fanIn + fanOut})`,
      heUniform: `√2·√(3/fan_in) = √(6/${fanIn})`,
      heNormal: `√2/√fan_in = √(2/${fanIn})`,
    }[kind];
    const other = kind.startsWith("xavier")
      ? kind === "xavierUniform"
        ? "xavierNormal"
        : "xavierUniform"
      : kind === "heUniform"
        ? "heNormal"
        : "heUniform";
    return {
      prompt: t(INIT_PROMPT[kind], { fanIn, fanOut }),
      answer,
      solution: [
        `${formula} = ${fmt(answer)}`,
        kind.endsWith("Normal")
          ? t("gen.init-scale.solution.2.normal", { variance: fmt(answer * answer) })
          : t("gen.init-scale.solution.2.uniform", { variance: fmt((answer * answer) / 3) }),
      ],
      mistakes: [
        {
          id: "init-variance-for-std",
          label: t("gen.init-scale.mistake.init-variance-for-std"),
          value: answer * answer,
        },
        {
          id: "init-uniform-normal-swap",
          label: kind.endsWith("Uniform")
            ? t("gen.init-scale.mistake.init-uniform-normal-swap.uniform")
            : t("gen.init-scale.mistake.init-uniform-normal-swap.normal"),
          value: initScale(other, fanIn, fanOut),
        },
        ...(kind.startsWith("he")
          ? [
              {
                id: "init-he-fan-out",
                label: t("gen.init-scale.mistake.init-he-fan-out"),
                value: initScale(kind, fanOut, fanIn),
              },
            ]
          : [
              {
                id: "init-xavier-fan-in-only",
                label: t("gen.init-scale.mistake.init-xavier-fan-in-only"),
                value: initScale(kind, fanIn, fanIn),
              },
            ]),
      ],
      params: { kind, fanIn, fanOut },
    };
  },
);

export const vanishingBound = defineGenerator(
  "vanishing-bound",
  "vanishing-gradients",
  () => t("gen.vanishing-bound.title"),
  (rng) => {
    const L = pickInt(rng, 3, 12),
      w = choose(rng, [1, 1, 0.5, 2, 1.5]);
    // σ′ peaks at z = 0; the engine's sigmoid gives that peak.
    const peak = sigmoid.df(0);
    let answer = 1;
    for (let l = 0; l < L; l++) answer *= peak * w;
    return {
      prompt: t("gen.vanishing-bound.prompt", { L, w: fmt(w) }),
      answer,
      solution: [
        `σ′(z) ≤ σ′(0) = ${fmt(peak)}`,
        t("gen.vanishing-bound.solution.2", { w: fmt(w), peak: fmt(peak), factor: fmt(w * peak) }),
        t("gen.vanishing-bound.solution.3", { factor: fmt(w * peak), L, bound: fmt(answer) }),
      ],
      mistakes: [
        { id: "vanishing-sigma-not-prime", label: t("gen.vanishing-bound.mistake.vanishing-sigma-not-prime"), value: (0.5 * w) ** L },
        { id: "vanishing-sum", label: t("gen.vanishing-bound.mistake.vanishing-sum"), value: L * peak * w },
      ],
      params: { L, w },
    };
  },
);

export const explodingGrowth = defineGenerator(
  "exploding-growth",
  "exploding-gradients",
  () => t("gen.exploding-growth.title"),
  (rng) => {
    const rho = choose(rng, [1.1, 1.2, 1.25, 1.5, 2]),
      L = pickInt(rng, 5, 30);
    let answer = 1;
    for (let l = 0; l < L; l++) answer *= rho;
    return {
      prompt: t("gen.exploding-growth.prompt", { L, rho: fmt(rho) }),
      answer,
      solution: [t("gen.exploding-growth.solution.1", { rho: fmt(rho), L, growth: fmt(answer) })],
      mistakes: [
        {
          id: "exploding-linear",
          label: t("gen.exploding-growth.mistake.exploding-linear"),
          value: rho * L,
        },
        { id: "exploding-off-by-one", label: t("gen.exploding-growth.mistake.exploding-off-by-one"), value: rho ** (L - 1) },
      ],
      params: { rho, L },
    };
  },
);

export const residualGradient = defineGenerator(
  "residual-gradient",
  "residual",
  () => t("gen.residual-gradient.title"),
  (rng) => {
    const k = pickInt(rng, 2, 4),
      dF = Array.from({ length: k }, () => pickSigned(rng, 0.05, 0.6, 2));
    // Each block y = x + F(x) has local derivative 1 + F′(x); the chain multiplies them.
    const answer = dF.reduce((p, d) => p * (1 + d), 1);
    return {
      prompt: t("gen.residual-gradient.prompt", { k, dF: dF.map((v) => fmt(v)).join(", ") }),
      answer,
      solution: [
        t("gen.residual-gradient.solution.1", { factors: dF.map((d) => fmt(1 + d)).join(" · ") }),
        t("gen.residual-gradient.solution.2", { product: fmt(answer) }),
      ],
      mistakes: [
        {
          id: "residual-no-identity",
          label: t("gen.residual-gradient.mistake.residual-no-identity"),
          value: dF.reduce((p, d) => p * d, 1),
        },
        {
          id: "residual-sum",
          label: t("gen.residual-gradient.mistake.residual-sum"),
          value: 1 + dF.reduce((s, d) => s + d, 0),
        },
      ],
      params: { dF },
    };
  },
);

/** The gradient-flow templates (chapters 6–7). */
export const gradientGenerators = [clipGlobalNorm, clipValue, initScaleQ, vanishingBound, explodingGrowth, residualGradient];
