/** Han characters read per minute in technical Chinese (the usual estimate for prose is 300 to 500). */
const HAN_PER_MINUTE = 300;
/** Words read per minute in technical English. */
const WORDS_PER_MINUTE = 200;

/**
 * Minutes to read an MDX body: words of prose at 200 a minute and Han characters at 300 a minute (Chinese has no
 * spaces between words, so a run of characters is not one word), plus half a minute per display formula.
 */
export function readingMinutes(body: string): number {
  const withoutCode = body.replace(/^import .*$/gm, "").replace(/```[\s\S]*?```/g, " ");
  const displays = (withoutCode.match(/\$\$[\s\S]*?\$\$/g) ?? []).length;
  const prose = withoutCode.replace(/\$\$[\s\S]*?\$\$/g, " ").replace(/<[^>]+>/g, " ");
  const han = prose.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = prose.replace(/\p{Script=Han}/gu, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE + han / HAN_PER_MINUTE + displays * 0.5));
}
