// Templates for chapters 6–7: initialisation scales, vanishing/exploding products, residual paths, clipping.
import { clipByGlobalNorm, clipByValue, globalNorm, initScale, sigmoid } from "../../../lib";
import { defineGenerator, fmt, fp, pickInt, pickSigned, choose } from "./types";

export const clipGlobalNorm = defineGenerator("clip-global-norm", "clipping", "Clipping by global norm: the scale factor", (rng) => {
  const g1 = [pickInt(rng, -6, 6), pickInt(rng, -6, 6)],
    g2 = [pickInt(rng, -6, 6), pickInt(rng, -6, 6) || 3];
  const norm = globalNorm([Float64Array.from(g1), Float64Array.from(g2)]);
  const c = choose(rng, [1, 2, 3, 5]);
  const clipped = [Float64Array.from(g1), Float64Array.from(g2)];
  clipByGlobalNorm(clipped, c);
  const answer = clipped[1][1] / g2[1];
  const n1 = Math.hypot(...g1);
  return {
    prompt: `A model has two gradient tensors, g₁ = [${g1.map((v) => fmt(v)).join(", ")}] and g₂ = [${g2.map((v) => fmt(v)).join(", ")}]. They are clipped together by global norm with max_norm = ${c}. By what factor is every gradient entry multiplied?`,
    answer,
    tolerance: { abs: 1e-4, rel: 1e-3 },
    solution: [
      `‖g‖ = √(${[...g1, ...g2].map((v) => `${fp(v)}²`).join(" + ")}) = √${fmt(norm * norm)} = ${fmt(norm)}`,
      norm > c ? `‖g‖ > ${c}, so factor = max_norm / ‖g‖ = ${c} / ${fmt(norm)} = ${fmt(answer)}` : `‖g‖ ≤ ${c}: no clipping, factor 1`,
    ],
    mistakes: [
      {
        id: "clip-per-tensor",
        label: "You used g₁'s own norm; clipping by global norm uses the norm of all tensors together.",
        value: Math.min(1, c / n1),
      },
      {
        id: "clip-squared-norm",
        label: "You divided by the squared norm; the factor is max_norm / ‖g‖.",
        value: Math.min(1, c / (norm * norm)),
      },
      { id: "clip-inverted", label: "The factor is max_norm / ‖g‖ (at most 1), not ‖g‖ / max_norm.", value: norm / c },
    ],
    params: { g1, g2, c },
  };
});

export const clipValue = defineGenerator("clip-by-value", "clipping", "Clipping by value changes the direction", (rng) => {
  const g = [pickSigned(rng, 0.5, 6, 1), pickSigned(rng, 0.5, 6, 1), pickSigned(rng, 0.5, 6, 1)];
  const c = choose(rng, [1, 2, 3]);
  const clipped = clipByValue(Float64Array.from(g), c);
  const answer = globalNorm([clipped]);
  return {
    prompt: `The gradient g = [${g.map((v) => fmt(v)).join(", ")}] is clipped by value with threshold ${c} (each entry into [−${c}, ${c}]). What is the norm of the clipped gradient?`,
    answer,
    solution: [
      `clipped: [${Array.from(clipped, (v) => fmt(v)).join(", ")}]`,
      `‖·‖ = √(${Array.from(clipped, (v) => `${fp(v)}²`).join(" + ")}) = ${fmt(answer)}`,
      `(entries are clipped one by one, so the direction can change, unlike clipping by norm)`,
    ],
    mistakes: [
      {
        id: "clip-value-as-norm",
        label: "Clipping by value does not rescale to norm c; it caps each entry separately.",
        value: Math.min(c, Math.hypot(...g)),
      },
      { id: "clip-value-unclipped", label: "That is the norm before clipping.", value: Math.hypot(...g) },
    ],
    params: { g, c },
  };
});

const INIT_TEXT = {
  xavierUniform: "the bound a of Xavier (Glorot) uniform initialisation, W ~ U(−a, a)",
  xavierNormal: "the standard deviation σ of Xavier (Glorot) normal initialisation",
  heUniform: "the bound a of He (Kaiming) uniform initialisation for ReLU (gain √2)",
  heNormal: "the standard deviation σ of He (Kaiming) normal initialisation for ReLU (gain √2)",
} as const;

export const initScaleQ = defineGenerator("init-scale", "initialization", "Xavier and He scales", (rng) => {
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
    prompt: `A layer has fan_in = ${fanIn} and fan_out = ${fanOut}. What is ${INIT_TEXT[kind]}?`,
    answer,
    solution: [
      `${formula} = ${fmt(answer)}`,
      kind.endsWith("Normal")
        ? `(the variance is σ² = ${fmt(answer * answer)}; the question asks for σ)`
        : `(the variance of U(−a, a) is a²/3 = ${fmt((answer * answer) / 3)})`,
    ],
    mistakes: [
      {
        id: "init-variance-for-std",
        label: "You gave a squared scale (a variance); the question asks for the standard deviation or the bound itself.",
        value: answer * answer,
      },
      {
        id: "init-uniform-normal-swap",
        label: kind.endsWith("Uniform")
          ? "That is the normal initialiser's σ; the uniform bound is √3 times larger."
          : "That is the uniform initialiser's bound a; the normal σ is a/√3.",
        value: initScale(other, fanIn, fanOut),
      },
      ...(kind.startsWith("he")
        ? [
            {
              id: "init-he-fan-out",
              label: "He initialisation (mode fan_in) uses fan_in, not fan_out.",
              value: initScale(kind, fanOut, fanIn),
            },
          ]
        : [
            {
              id: "init-xavier-fan-in-only",
              label: "Xavier averages both fans: it uses fan_in + fan_out.",
              value: initScale(kind, fanIn, fanIn),
            },
          ]),
    ],
    params: { kind, fanIn, fanOut },
  };
});

export const vanishingBound = defineGenerator("vanishing-bound", "vanishing-gradients", "Gradient bound through sigmoid layers", (rng) => {
  const L = pickInt(rng, 3, 12),
    w = choose(rng, [1, 1, 0.5, 2, 1.5]);
  // σ′ peaks at z = 0; the engine's sigmoid gives that peak.
  const peak = sigmoid.df(0);
  let answer = 1;
  for (let l = 0; l < L; l++) answer *= peak * w;
  return {
    prompt: `A chain of ${L} sigmoid layers, one unit each, every weight equal to ${fmt(w)}. Backpropagation multiplies one factor w·σ′(z) per layer. What is the largest possible value of the product of the ${L} factors?`,
    answer,
    solution: [
      `σ′(z) ≤ σ′(0) = ${fmt(peak)}`,
      `each factor ≤ ${fmt(w)}·${fmt(peak)} = ${fmt(w * peak)}`,
      `bound = (${fmt(w * peak)})^${L} = ${fmt(answer)}`,
    ],
    mistakes: [
      { id: "vanishing-sigma-not-prime", label: "You used σ(0) = 0.5; the derivative σ′ peaks at 0.25.", value: (0.5 * w) ** L },
      { id: "vanishing-sum", label: "The factors multiply along the chain; you added them.", value: L * peak * w },
    ],
    params: { L, w },
  };
});

export const explodingGrowth = defineGenerator(
  "exploding-growth",
  "exploding-gradients",
  "Gradient growth through repeated gains",
  (rng) => {
    const rho = choose(rng, [1.1, 1.2, 1.25, 1.5, 2]),
      L = pickInt(rng, 5, 30);
    let answer = 1;
    for (let l = 0; l < L; l++) answer *= rho;
    return {
      prompt: `Each of ${L} layers (or time steps) multiplies the backpropagated gradient's norm by ρ = ${fmt(rho)}. By what factor has the norm grown after all ${L}?`,
      answer,
      solution: [`growth = ρ^L = ${fmt(rho)}^${L} = ${fmt(answer)}`],
      mistakes: [
        {
          id: "exploding-linear",
          label: "The gains multiply, so the growth is ρ^L, exponential in L; you multiplied ρ by L.",
          value: rho * L,
        },
        { id: "exploding-off-by-one", label: "There are L factors, one per layer: ρ^L, not ρ^(L−1).", value: rho ** (L - 1) },
      ],
      params: { rho, L },
    };
  },
);

export const residualGradient = defineGenerator("residual-gradient", "residual", "Gradient through scalar residual blocks", (rng) => {
  const k = pickInt(rng, 2, 4),
    dF = Array.from({ length: k }, () => pickSigned(rng, 0.05, 0.6, 2));
  // Each block y = x + F(x) has local derivative 1 + F′(x); the chain multiplies them.
  const answer = dF.reduce((p, d) => p * (1 + d), 1);
  return {
    prompt: `A stack of ${k} scalar residual blocks, y = x + F_k(x). At the current input the branch derivatives are F′ = [${dF.map((v) => fmt(v)).join(", ")}]. What is ∂(output)/∂(input) of the whole stack?`,
    answer,
    solution: [`each block contributes 1 + F′_k: ${dF.map((d) => fmt(1 + d)).join(" · ")}`, `product = ${fmt(answer)}`],
    mistakes: [
      {
        id: "residual-no-identity",
        label: "You multiplied the branch derivatives only; the skip path adds 1 to each factor (1 + F′_k).",
        value: dF.reduce((p, d) => p * d, 1),
      },
      {
        id: "residual-sum",
        label: "The blocks compose, so their factors multiply: ∏(1 + F′_k), not 1 + ΣF′_k.",
        value: 1 + dF.reduce((s, d) => s + d, 0),
      },
    ],
    params: { dF },
  };
});

/** The gradient-flow templates (chapters 6–7). */
export const gradientGenerators = [clipGlobalNorm, clipValue, initScaleQ, vanishingBound, explodingGrowth, residualGradient];
