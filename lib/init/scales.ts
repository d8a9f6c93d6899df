/**
 * The scales of the Xavier (Glorot) and He (Kaiming) initialisers as numbers, for questions and readouts
 * (the initialisers themselves draw tensors with these scales).
 *
 *   Xavier: uniform bound a = gain·√(6/(fan_in + fan_out)),  normal std σ = gain·√(2/(fan_in + fan_out))
 *   He:     uniform bound a = gain·√(3/fan_in),               normal std σ = gain/√fan_in,   gain = √2 for ReLU
 *
 * As `torch.nn.init.xavier_*` and `kaiming_*` (mode "fan_in"); the variance is σ², not σ.
 *
 * @example
 *   initScale("xavierUniform", 3, 4);   // √(6/7) ≈ 0.926
 *   initScale("heNormal", 784, 128);    // √(2/784) ≈ 0.0505
 */
export function initScale(
  kind: "xavierUniform" | "xavierNormal" | "heUniform" | "heNormal",
  fanIn: number,
  fanOut: number,
  gain = kind.startsWith("he") ? Math.SQRT2 : 1,
): number {
  switch (kind) {
    case "xavierUniform":
      return gain * Math.sqrt(6 / (fanIn + fanOut));
    case "xavierNormal":
      return gain * Math.sqrt(2 / (fanIn + fanOut));
    case "heUniform":
      return gain * Math.sqrt(3 / fanIn);
    case "heNormal":
      return gain / Math.sqrt(fanIn);
  }
}
