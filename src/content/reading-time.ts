/** Minutes to read an MDX body: words of prose at 200 a minute, plus half a minute per display formula. */
export function readingMinutes(body: string): number {
  const withoutCode = body.replace(/^import .*$/gm, "").replace(/```[\s\S]*?```/g, " ");
  const displays = (withoutCode.match(/\$\$[\s\S]*?\$\$/g) ?? []).length;
  const prose = withoutCode.replace(/\$\$[\s\S]*?\$\$/g, " ").replace(/<[^>]+>/g, " ");
  const words = prose.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return Math.max(1, Math.round(words / 200 + displays * 0.5));
}
