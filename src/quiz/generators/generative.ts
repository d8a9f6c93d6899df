// Templates for the generative-model primer (interview chapter): the VAE's KL term and the GAN discriminator loss.
import { klStandardNormal, ganDiscriminatorLoss } from "../../../lib";
import { defineGenerator, fmt, pick, pickSigned } from "./types";

export const vaeKl = defineGenerator("vae-kl", "vae", "The VAE's KL term for a Gaussian encoder", (rng) => {
  const mu = [pickSigned(rng, 0, 1.5), pickSigned(rng, 0, 1.5)],
    sigma = [pick(rng, 0.3, 2), pick(rng, 0.3, 2)];
  const answer = klStandardNormal(mu, sigma);
  const terms = mu.map((m, j) => 0.5 * (sigma[j] ** 2 + m * m - 1 - Math.log(sigma[j] ** 2)));
  return {
    prompt: `A VAE's encoder outputs μ = [${mu.map((v) => fmt(v)).join(", ")}] and standard deviations σ = [${sigma.map((v) => fmt(v)).join(", ")}] for one input. What is KL(N(μ, σ²) ‖ N(0, I)) = Σ_j ½(σ_j² + μ_j² − 1 − ln σ_j²)?`,
    answer,
    solution: [
      ...terms.map(
        (t, j) => `dimension ${j + 1}: ½(${fmt(sigma[j] ** 2)} + ${fmt(mu[j] ** 2)} − 1 − ln ${fmt(sigma[j] ** 2)}) = ${fmt(t)}`,
      ),
      `sum = ${fmt(answer)}`,
    ],
    mistakes: [
      { id: "kl-no-half", label: "You forgot the factor ½.", value: 2 * answer },
      {
        id: "kl-std-for-variance",
        label: "You used σ where the formula has the variance σ² (in the first term and in the log).",
        value: mu.reduce((s, m, j) => s + 0.5 * (sigma[j] + m * m - 1 - Math.log(sigma[j])), 0),
      },
      {
        id: "kl-log-sign",
        label: "The log term enters with a minus sign: − ln σ².",
        value: mu.reduce((s, m, j) => s + 0.5 * (sigma[j] ** 2 + m * m - 1 + Math.log(sigma[j] ** 2)), 0),
      },
    ],
    params: { mu, sigma },
  };
});

export const ganDLoss = defineGenerator("gan-discriminator-loss", "gan", "The GAN discriminator's loss", (rng) => {
  const real = [pick(rng, 0.5, 0.95, 2), pick(rng, 0.5, 0.95, 2)],
    fake = [pick(rng, 0.05, 0.5, 2), pick(rng, 0.05, 0.5, 2)];
  const answer = ganDiscriminatorLoss(real, fake);
  const lr = -(Math.log(real[0]) + Math.log(real[1])) / 2,
    lf = -(Math.log(1 - fake[0]) + Math.log(1 - fake[1])) / 2;
  return {
    prompt: `A GAN's discriminator outputs D(x) = [${real.map((v) => fmt(v)).join(", ")}] on two real examples and D(G(z)) = [${fake.map((v) => fmt(v)).join(", ")}] on two generated ones. What is its loss −mean log D(x) − mean log(1 − D(G(z)))?`,
    answer,
    solution: [
      `real part: −(ln ${fmt(real[0])} + ln ${fmt(real[1])}) / 2 = ${fmt(lr)}`,
      `fake part: −(ln ${fmt(1 - fake[0])} + ln ${fmt(1 - fake[1])}) / 2 = ${fmt(lf)}`,
      `L_D = ${fmt(answer)}`,
    ],
    mistakes: [
      {
        id: "gan-fake-label-swapped",
        label: "For generated examples the discriminator's target is 0, so the term is log(1 − D(G(z))), not log D(G(z)).",
        value: lr - (Math.log(fake[0]) + Math.log(fake[1])) / 2,
      },
      { id: "gan-sum-not-mean", label: "Each part is a mean over its batch; you summed.", value: 2 * answer },
      { id: "gan-sign", label: "The loss is the negative log-likelihood, so it is positive.", value: -answer },
    ],
    params: { real, fake },
  };
});

/** The generative-model templates. */
export const generativeGenerators = [vaeKl, ganDLoss];
