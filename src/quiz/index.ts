// The quiz module's public API for the interface (src/quiz/ui/, the interview chapter, chapter checks). No DOM here.
// Build time only (it loads the Markdown pipeline), import separately: `buildBank`, `renderMarkdown` from "./bank".
//
// Typical flow in the browser:
//   const { progress, message } = loadQuizProgress(localStorage);     // show `message` if set
//   const ids = dailyQueue(bank, progress, Date.now());                // or practiceSet / chapterCheck / startMock
//   const q = generators.get(entry.generator)!.generate(seed);         // a generated question's numbers
//   const result = gradeGenerated(q, input.value);                     // or gradeChoice / gradeNumeric / gradeFlashcard
//   if (!result.invalid) recordAnswer(progress, { id, at: Date.now(), correct: result.correct, topics, rating: result.rating, mode });
//   const saved = saveQuizProgress(localStorage, progress);            // show saved.message when !saved.ok

/** The question file format: `questionSchema`, the `TOPICS` tags and `CHAPTER_SLUGS`. */
export { questionSchema, TOPICS, CHAPTER_SLUGS, type Question, type Topic } from "./schema";

/** The bank entries the interface receives (built at build time by `buildBank` in ./bank). */
export type { BankQuestion, BankChoice, BankNumeric, BankFlashcard, BankGenerated } from "./bank-types";

/** The question templates: `generators.get(id).generate(seed)` → prompt, answer, tolerance, solution steps, known mistakes. */
export { generators, generatorList, type Generator, type GeneratedInstance, type Mistake, type Tolerance } from "./generators";

/** Formats a number as the generators do (4 significant figures, Unicode minus), for showing answers. */
export { fmt } from "./generators/types";

/** Reads a typed number: 0.001, 1e-3, 1/8, 12.5%, −2, 1 792; refuses anything else with a message. */
export { parseNumber, type ParsedNumber } from "./parse-number";

/** The precision a numeric reply needs, read off its tolerance (shown under the answer box). */
export { precisionFor, type Precision } from "./precision";

/** Grading of each type, the seeded option order, and the FSRS rating a result implies. */
export {
  gradeChoice,
  gradeNumeric,
  gradeGenerated,
  gradeFlashcard,
  shuffleOptions,
  RATINGS,
  type Rating,
  type GradeResult,
  type ChoiceResult,
  type NumericResult,
} from "./grade";

/** FSRS scheduling (ts-fsrs): one card per question id. */
export {
  review,
  preview,
  isLearning,
  newCard,
  retrievability,
  isDue,
  reviewQueue,
  dueCounts,
  DEFAULT_RETENTION,
  type StoredCard,
  type QueueOptions,
} from "./schedule";

/** The daily review as a session: (re)learning steps come back within it, new cards take turns between chapters. */
export {
  planReview,
  nextCard,
  sessionCounts,
  reviewPool,
  interleaveChapters,
  LEARN_AHEAD_MS,
  type ReviewSession,
  type NextCard,
} from "./review-session";

/** Solved coding exercises as review cards ("exercises/<id>"). */
export { exerciseCardId, isExerciseCard, exerciseOfCard, solvedExerciseCards, EXERCISE_CARD_PREFIX } from "./exercise-cards";

/** The progress kept in the browser: load (migrating/recovering), save (reporting a full storage), export/import (merged). */
export {
  loadQuizProgress,
  saveQuizProgress,
  recordAnswer,
  recordUndoable,
  undoAnswer,
  resetCard,
  setSuspended,
  emptyQuizProgress,
  exportQuizProgress,
  importQuizProgress,
  mergeQuizProgress,
  migrateV0,
  QUIZ_KEY,
  EXPORT_FORMAT,
  type QuizProgress,
  type Answer,
  type QuizSettings,
  type AnswerUndo,
  type LoadResult,
  type SaveResult,
  type ImportResult,
  type KeyValueStore,
} from "./store";

/** Sessions: practice by chapter/topic, chapter checks, the daily queue, mock interviews, mastery, streak, the dashboard's series. */
export {
  practiceSet,
  chapterCheck,
  dailyQueue,
  startMock,
  mockRemaining,
  summarizeMock,
  masteryByTopic,
  streak,
  answersPerDay,
  sectionHref,
  chapterOf,
  dayIndex,
  questionSeed,
  type QuestionMeta,
  type PracticeFilter,
  type MockSession,
  type MockSummary,
  type TopicScore,
  type TopicMastery,
} from "./sessions";
