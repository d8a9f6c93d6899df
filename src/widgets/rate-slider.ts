// A learning-rate slider on a log₁₀ scale (the sequence, CNN and transformer trainers): the rate shown beside it is
// the rate used, in place of a number box holding the exponent, and screen readers hear the rate too.

/**
 * The learning rate of a slider position, rounded to two significant digits so the rate shown is the rate used.
 *
 *   η = round₂(10^position)   (−2.5 → 0.0032, −1.7 → 0.02, −1 → 0.1)
 */
export function rateOf(logLr: number): number {
  return Number((10 ** logLr).toPrecision(2));
}

/**
 * Puts an <output> for the rate in place of the number box of `wrap` (a slider's control); the function it returns
 * writes the rate of a slider position there and as the slider's aria-valuetext.
 *
 * @example
 *   const showRate = rateReadout(this.control("logLr"), "dl-st-rate");
 *   showRate(this.state.logLr);   // "0.01"
 */
export function rateReadout(wrap: HTMLElement, className: string): (logLr: number) => void {
  const slider = wrap.querySelector<HTMLInputElement>("input[type=range]")!;
  const output = Object.assign(document.createElement("output"), { className });
  output.htmlFor.add(slider.id);
  wrap.querySelector("input[type=text]")?.replaceWith(output);
  return (logLr) => {
    const rate = String(rateOf(logLr));
    output.value = rate;
    slider.setAttribute("aria-valuetext", rate);
  };
}
