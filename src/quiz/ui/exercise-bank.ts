// Build time only: every coding exercise as a review card of the bank file (all.json, field `exercises`). The review
// adds the cards of solved exercises to its questions. Statements are plain text with `code`; made into HTML here.
import type { BankFlashcard } from "../bank-types";
import { pageBase } from "../../i18n/lang";
import { exerciseCardId } from "../exercise-cards";
import type { Exercise } from "../../exercises/exercise";
import { exerciseText } from "../../exercises/text";
import { t } from "../../i18n";

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Plain text with `code` spans, as HTML. */
const inline = (s: string) =>
  s
    .split(/`([^`]+)`/)
    .map((part, i) => (i % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part)))
    .join("");

/**
 * The review card of each exercise, a flashcard: the prompt states the task and links to the exercise, the answer
 * is the approach and the reference solution. `href` is the exercise's place on /exercises/, under the site's base.
 *
 * @example
 *   exerciseCards(EXERCISES)[0].id;   // "exercises/sigmoid-backward"
 */
export function exerciseCards(exercises: readonly Exercise[]): BankFlashcard[] {
  const base = pageBase();
  return exercises.map((ex) => {
    const { title, statement, hints } = exerciseText(ex);
    const href = `exercises/#ex-${ex.id}-title`;
    return {
      id: exerciseCardId(ex.id),
      type: "flashcard",
      topics: ex.topics,
      difficulty: 2,
      // The chapter that hosts the interview drill; the review's chapter choice does not filter exercise cards.
      link: "11-interview-preparation",
      chapter: "11-interview-preparation",
      href,
      promptHtml:
        `<p><strong>${escapeHtml(t("quiz.exerciseCard.title", { title }))}</strong></p><p>${inline(statement)}</p>` +
        `<p>${escapeHtml(t("quiz.exerciseCard.task", { fn: ex.fn }))} <a href="${escapeHtml(base + href)}">${escapeHtml(t("quiz.openExercise"))}</a></p>`,
      answerHtml:
        `<p><strong>${escapeHtml(t("exercises.approach"))}:</strong> ${escapeHtml(hints[2])}</p>` +
        `<pre class="dl-quiz-code" tabindex="0"><code>${escapeHtml(ex.solution)}</code></pre>`,
      text: `${t("quiz.exerciseCard.title", { title })} ${statement.replace(/`/g, "")}`,
    };
  });
}
