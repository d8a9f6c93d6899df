/**
 * Which parameters weight decay should shrink, from their names: weight matrices yes; biases and
 * normalization parameters (their γ and β) no, as is usual practice.
 *
 *   decayed ⇔ the last dot-separated part of the name is not a bias (b, b1, b_h, bias) or a
 *             normalization scale/shift (gamma…, beta…), and no part names a norm layer (bn…, ln…, norm…)
 *
 * PyTorch has no such rule built in: there one passes parameter groups with weight_decay 0.
 * The mask is what `Adam`/`AdamW` take as their `decay` option.
 *
 * @example
 *   decayMask(["W1", "b1", "gamma1", "beta1", "W2", "b2"]);   // [true, false, false, false, true, false]
 *   new AdamW({ decay: decayMask(names) });
 */
export function decayMask(names: readonly string[]): boolean[] {
  return names.map((name) => {
    const parts = name.toLowerCase().split(".");
    const last = parts[parts.length - 1];
    if (/^(b|bias|gamma|beta)(\d|_|$)/.test(last)) return false;
    return !parts.some((part) => /^(bn|ln|norm|batchnorm|layernorm|batch_norm|layer_norm)\d*$/.test(part));
  });
}
