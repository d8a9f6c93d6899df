import { withoutLangPrefix } from "../i18n/lang";

/**
 * The chapter slug of a docs entry id, in any language: "06-vanishing-gradients" for "chapters/06-vanishing-gradients"
 * and for its Chinese twin "zh-cn/chapters/06-vanishing-gradients"; undefined for a page that is not a chapter.
 */
export function chapterSlugOf(id: string): string | undefined {
  return /^chapters\/([^/]+)$/.exec(withoutLangPrefix(id))?.[1];
}
