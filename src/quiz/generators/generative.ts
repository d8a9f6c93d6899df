// Templates for the generative-model primer (interview chapter): the VAE's KL term and the GAN discriminator loss.
import { klStandardNormal, ganDiscriminatorLoss } from "../../../lib";
import { t } from "../../i18n/core";
import { defineGenerator, fmt, pick, pickSigned } from "./types";

export const vaeKl = defineGenerator(
  "vae-kl",
  "vae",
  () => t("gen.vae-kl.title"),
  (rng) => {
    const mu = [pickSigned(rng, 0, 1.5), pickSigned(rng, 0, 1.5)],
      sigma = [pick(rng, 0.3, 2), pick(rng, 0.3, 2)];
    const answer = klStandardNormal(mu, sigma);
    const terms = mu.map((m, j) => 0.5 * (sigma[j] ** 2 + m * m - 1 - Math.log(sigma[j] ** 2)));
    return {
      prompt: t("gen.vae-kl.prompt", { mu: mu.map((v) => fmt(v)).join(", "), sigma: sigma.map((v) => fmt(v)).join(", ") }),
      answer,
      solution: [
        ...terms.map((term, j) =>
          t("gen.vae-kl.solution.dimension", { j: j + 1, variance: fmt(sigma[j] ** 2), meanSquare: fmt(mu[j] ** 2), term: fmt(term) }),
        ),
        t("gen.vae-kl.solution.sum", { sum: fmt(answer) }),
      ],
      mistakes: [
        { id: "kl-no-half", label: t("gen.vae-kl.mistake.kl-no-half"), value: 2 * answer },
        {
          id: "kl-std-for-variance",
          label: t("gen.vae-kl.mistake.kl-std-for-variance"),
          value: mu.reduce((s, m, j) => s + 0.5 * (sigma[j] + m * m - 1 - Math.log(sigma[j])), 0),
        },
        {
          id: "kl-log-sign",
          label: t("gen.vae-kl.mistake.kl-log-sign"),
          value: mu.reduce((s, m, j) => s + 0.5 * (sigma[j] ** 2 + m * m - 1 + Math.log(sigma[j] ** 2)), 0),
        },
      ],
      params: { mu, sigma },
    };
  },
);

export const ganDLoss = defineGenerator(
  "gan-discriminator-loss",
  "gan",
  () => t("gen.gan-discriminator-loss.title"),
  (rng) => {
    const real = [pick(rng, 0.5, 0.95, 2), pick(rng, 0.5, 0.95, 2)],
      fake = [pick(rng, 0.05, 0.5, 2), pick(rng, 0.05, 0.5, 2)];
    const answer = ganDiscriminatorLoss(real, fake);
    const lr = -(Math.log(real[0]) + Math.log(real[1])) / 2,
      lf = -(Math.log(1 - fake[0]) + Math.log(1 - fake[1])) / 2;
    return {
      prompt: t("gen.gan-discriminator-loss.prompt", {
        real: real.map((v) => fmt(v)).join(", "),
        fake: fake.map((v) => fmt(v)).join(", "),
      }),
      answer,
      solution: [
        t("gen.gan-discriminator-loss.solution.1", { d1: fmt(real[0]), d2: fmt(real[1]), part: fmt(lr) }),
        t("gen.gan-discriminator-loss.solution.2", { d1: fmt(1 - fake[0]), d2: fmt(1 - fake[1]), part: fmt(lf) }),
        `L_D = ${fmt(answer)}`,
      ],
      mistakes: [
        {
          id: "gan-fake-label-swapped",
          label: t("gen.gan-discriminator-loss.mistake.gan-fake-label-swapped"),
          value: lr - (Math.log(fake[0]) + Math.log(fake[1])) / 2,
        },
        { id: "gan-sum-not-mean", label: t("gen.gan-discriminator-loss.mistake.gan-sum-not-mean"), value: 2 * answer },
        { id: "gan-sign", label: t("gen.gan-discriminator-loss.mistake.gan-sign"), value: -answer },
      ],
      params: { real, fake },
    };
  },
);

/** The generative-model templates. */
export const generativeGenerators = [vaeKl, ganDLoss];
