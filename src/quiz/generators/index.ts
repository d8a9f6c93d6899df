// The registry of question templates: every generator by id. A `generated` question file names one of these ids;
// the content collection checks it at build time.
import type { Generator } from "./types";
import { optimizationGenerators } from "./optimization";
import { lossGenerators } from "./losses";
import { activationGenerators } from "./activations";
import { backpropGenerators } from "./backprop";
import { architectureGenerators } from "./architecture";
import { cnnGenerators } from "./cnn";
import { rnnGenerators } from "./rnn";
import { regularizationGenerators } from "./regularization";
import { gradientGenerators } from "./gradients";
import { attentionGenerators } from "./attention";
import { generativeGenerators } from "./generative";
import { foundationGenerators } from "./foundations";
import { checkGenerators } from "./checks";

export type { Generator, GeneratedInstance, Mistake, Tolerance } from "./types";

/** Every template, in course order. */
export const generatorList: readonly Generator[] = [
  ...foundationGenerators,
  ...activationGenerators,
  ...architectureGenerators,
  ...lossGenerators,
  ...backpropGenerators,
  ...optimizationGenerators,
  ...regularizationGenerators,
  ...gradientGenerators,
  ...checkGenerators,
  ...rnnGenerators,
  ...cnnGenerators,
  ...attentionGenerators,
  ...generativeGenerators,
];

/** Templates by id. */
export const generators: ReadonlyMap<string, Generator> = new Map(generatorList.map((g) => [g.id, g]));
