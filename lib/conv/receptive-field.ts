/** One layer of a stack as the receptive-field arithmetic sees it: its window, step and tap spacing. */
export interface FieldLayer {
  kernel: number;
  stride?: number;
  dilation?: number;
}

/**
 * The receptive field of each layer of a stack of convolutions or poolings along one axis: how many input pixels
 * one output of that layer depends on (`size`), and how many input pixels apart two neighbouring outputs sit (`jump`).
 * Padding moves the window but does not change either number.
 *
 *   r_0 = 1, j_0 = 1;   r_l = r_{l−1} + d_l·(k_l − 1)·j_{l−1},   j_l = j_{l−1}·s_l
 *
 * @example
 *   receptiveField([{ kernel: 3 }, { kernel: 3 }]).map((l) => l.size);   // [3, 5]
 *   receptiveField([{ kernel: 3, stride: 2 }, { kernel: 3 }]).at(-1);     // { size: 7, jump: 2 }
 */
export function receptiveField(layers: readonly FieldLayer[]): { size: number; jump: number }[] {
  let size = 1,
    jump = 1;
  return layers.map(({ kernel, stride = 1, dilation = 1 }, l) => {
    for (const [name, v] of [
      ["kernel", kernel],
      ["stride", stride],
      ["dilation", dilation],
    ] as const)
      if (!Number.isInteger(v) || v < 1) throw new RangeError(`receptiveField: layer ${l + 1} has ${name} = ${v}, not an integer ≥ 1`);
    size += dilation * (kernel - 1) * jump;
    jump *= stride;
    return { size, jump };
  });
}
