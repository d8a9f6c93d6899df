// What the progress dashboard shows, as plain data: mastery per topic, answers per day, reviews falling due in
// the coming days, and the headline numbers. Built on the core's session functions; no DOM.
import {
  TOPICS,
  answersPerDay,
  dayIndex,
  exerciseCardId,
  masteryByTopic,
  streak,
  type QuestionMeta,
  type QuizProgress,
  type StoredCard,
  type TopicMastery,
} from "..";

const DAY = 86_400_000;

/** One bar of the mastery chart. */
export interface MasteryRow extends TopicMastery {
  percent: number;
}

/**
 * Mastery per topic in the course's topic order, as percentages for the chart.
 *
 * @example
 *   masteryRows(bank, progress, Date.now())[0];   // { topic: "deep-learning", percent: 0, … }
 */
export function masteryRows(bank: readonly QuestionMeta[], progress: QuizProgress, now: number): MasteryRow[] {
  const order = new Map(TOPICS.map((tp, k) => [tp, k]));
  return masteryByTopic(bank, progress, now)
    .sort((a, b) => (order.get(a.topic) ?? 0) - (order.get(b.topic) ?? 0))
    .map((m) => ({ ...m, percent: Math.round(1000 * m.mastery) / 10 }));
}

/**
 * How many cards fall due on each of the next `days` local days; day 0 (today) includes every overdue card.
 *
 * @example
 *   dueForecast(progress.cards, Date.now(), 14);   // [{ offset: 0, day: "2026-11-27", due: 4 }, …]
 */
export function dueForecast(
  cards: Readonly<Record<string, StoredCard>>,
  now: number,
  days: number,
  tzOffsetMinutes?: number,
): { offset: number; day: string; due: number }[] {
  const today = dayIndex(now, tzOffsetMinutes);
  const rows = Array.from({ length: days }, (_, k) => ({ offset: k, day: new Date((today + k) * DAY).toISOString().slice(0, 10), due: 0 }));
  for (const c of Object.values(cards)) {
    const k = Math.max(0, dayIndex(c.due, tzOffsetMinutes) - today);
    if (k < days) rows[k].due++;
  }
  return rows;
}

/** The dashboard's headline numbers. */
export interface DashboardSummary {
  dueNow: number;
  answered: number;
  seen: number;
  total: number;
  streak: number;
  longest: number;
  /** Coding exercises of /exercises/ solved (src/exercises/solved.ts). */
  exercisesSolved: number;
}

/**
 * Reviews due now (questions and solved exercises), answers recorded, questions seen out of the bank, the day
 * streak, and the coding exercises solved.
 *
 * @example
 *   dashboardSummary(bank, progress, Date.now()).dueNow;
 */
export function dashboardSummary(
  bank: readonly QuestionMeta[],
  progress: QuizProgress,
  now: number,
  tzOffsetMinutes?: number,
): DashboardSummary {
  // Suspended questions are out of the review, so they are not counted as due; solved exercises' cards are in it.
  const inReview = new Set([...bank.map((q) => q.id), ...Object.keys(progress.exercises ?? {}).map(exerciseCardId)]);
  for (const id of progress.settings.suspended) inReview.delete(id);
  const ids = new Set(bank.map((q) => q.id).filter((id) => inReview.has(id)));
  const s = streak(progress.history, now, tzOffsetMinutes);
  return {
    dueNow: Object.entries(progress.cards).filter(([id, c]) => inReview.has(id) && c.due <= now).length,
    answered: progress.history.length,
    seen: Object.keys(progress.cards).filter((id) => ids.has(id)).length,
    total: bank.length,
    streak: s.current,
    longest: s.longest,
    exercisesSolved: Object.keys(progress.exercises ?? {}).length,
  };
}

/** Answers per day for the history chart (the last `days` days). */
export function historyRows(progress: QuizProgress, now: number, days = 30, tzOffsetMinutes?: number) {
  return answersPerDay(progress.history, days, now, tzOffsetMinutes);
}
