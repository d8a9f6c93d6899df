// Choosing questions and summing up: practice by chapter or topic, chapter checks, the daily queue, the timed mock
// interview and its summary, mastery per topic, answers per day and the streak. Pure functions of the bank,
// the progress and the clock.
import { createRng } from "../../lib";
import type { Topic } from "./schema";
import type { BankQuestion } from "./bank-types";
import type { Answer, QuizProgress } from "./store";
import { retrievability, reviewQueue } from "./schedule";

/** The least a session needs to know about a question. */
export type QuestionMeta = Pick<BankQuestion, "id" | "type" | "topics" | "link" | "difficulty">;

const DAY = 86_400_000;

/** The chapter slug of a link: "04-optimization-algorithms#adam" → "04-optimization-algorithms". */
export function chapterOf(link: string): string {
  return link.split("#")[0];
}

/**
 * The URL of the chapter section a question links to, under the site's base path.
 *
 * @example
 *   sectionHref("04-optimization-algorithms#adam", "/");   // "/chapters/04-optimization-algorithms/#adam"
 */
export function sectionHref(link: string, base = "/"): string {
  const [slug, anchor] = link.split("#");
  return `${base.replace(/\/?$/, "/")}chapters/${slug}/${anchor ? `#${anchor}` : ""}`;
}

/** Which questions a practice session draws from. */
export interface PracticeFilter {
  chapter?: string;
  topic?: Topic;
  types?: readonly BankQuestion["type"][];
}

/**
 * The questions for a practice session, in a seeded random order; with `progress`, questions last answered wrong
 * come first, then never-answered ones, then the rest.
 *
 * @example
 *   practiceSet(bank, { topic: "adam" }, { seed: 3, limit: 10, progress });
 */
export function practiceSet(
  bank: readonly QuestionMeta[],
  filter: PracticeFilter,
  options: { seed: number; limit?: number; progress?: QuizProgress },
): string[] {
  const pool = bank.filter(
    (q) =>
      (!filter.chapter || chapterOf(q.link) === filter.chapter) &&
      (!filter.topic || q.topics.includes(filter.topic)) &&
      (!filter.types || filter.types.includes(q.type)),
  );
  const ids = createRng(options.seed).shuffle(pool.map((q) => q.id));
  if (options.progress) {
    const last = new Map<string, boolean>();
    for (const a of options.progress.history) last.set(a.id, a.correct);
    const rank = (id: string) => (last.get(id) === false ? 0 : last.has(id) ? 2 : 1);
    ids.sort((a, b) => rank(a) - rank(b)); // Array.prototype.sort is stable: the seeded order stays within a rank
  }
  return ids.slice(0, options.limit ?? ids.length);
}

/**
 * A chapter's embedded check: `n` of its questions for a seed, mixing types (one of each type first, then any).
 *
 * @example
 *   chapterCheck(bank, "05-regularization", 1, 5);
 */
export function chapterCheck(bank: readonly QuestionMeta[], chapter: string, seed: number, n = 5): string[] {
  const ids = practiceSet(bank, { chapter }, { seed });
  const byId = new Map(bank.map((q) => [q.id, q]));
  const firstOfType = new Map<string, string>();
  for (const id of ids) if (!firstOfType.has(byId.get(id)!.type)) firstOfType.set(byId.get(id)!.type, id);
  const picked = [...firstOfType.values()].slice(0, n);
  for (const id of ids) if (picked.length < n && !picked.includes(id)) picked.push(id);
  return picked;
}

/** A timed mock interview: the questions, the seed, and when it started and ends. */
export interface MockSession {
  ids: string[];
  seed: number;
  startedAt: number;
  endsAt: number;
}

/**
 * Starts a mock interview: `n` distinct random questions (seeded) and a deadline `minutes` from now.
 *
 * @example
 *   const mock = startMock(bank, { n: 10, seed: 42, minutes: 30, now: Date.now() });
 */
export function startMock(
  bank: readonly QuestionMeta[],
  options: { n: number; seed: number; minutes: number; now: number; chapters?: readonly string[] },
): MockSession {
  const pool = options.chapters ? bank.filter((q) => options.chapters!.includes(chapterOf(q.link))) : bank;
  const ids = createRng(options.seed)
    .shuffle(pool.map((q) => q.id))
    .slice(0, options.n);
  return { ids, seed: options.seed, startedAt: options.now, endsAt: options.now + options.minutes * 60_000 };
}

/** Milliseconds left in a mock interview (0 when time is up). */
export function mockRemaining(session: MockSession, now: number): number {
  return Math.max(0, session.endsAt - now);
}

/** A topic's result in a mock interview, with the chapter sections of the questions missed. */
export interface TopicScore {
  topic: Topic;
  correct: number;
  total: number;
  links: string[];
}

/** The end-of-mock summary. */
export interface MockSummary {
  total: number;
  answered: number;
  correct: number;
  /** correct / total (unanswered count as wrong). */
  score: number;
  timedOut: boolean;
  byTopic: TopicScore[];
  /** Topics scoring below 60 %, weakest first, with links back to the chapter sections. */
  weakTopics: TopicScore[];
}

/**
 * Sums up a mock interview: score, per-topic results, and the weak topics with links to revise.
 * Questions not answered (time ran out) count as wrong.
 *
 * @example
 *   summarizeMock(bank, mock, [{ id: "adam/bias", correct: false }], Date.now()).weakTopics[0].links;
 */
export function summarizeMock(
  bank: readonly QuestionMeta[],
  session: MockSession,
  answers: readonly { id: string; correct: boolean }[],
  now: number,
): MockSummary {
  const byId = new Map(bank.map((q) => [q.id, q]));
  const result = new Map<string, boolean>();
  for (const a of answers) if (session.ids.includes(a.id) && !result.has(a.id)) result.set(a.id, a.correct);
  const topics = new Map<Topic, TopicScore>();
  for (const id of session.ids) {
    const q = byId.get(id);
    if (!q) continue;
    const ok = result.get(id) === true;
    for (const topic of q.topics) {
      const s = topics.get(topic) ?? { topic, correct: 0, total: 0, links: [] };
      s.total++;
      if (ok) s.correct++;
      else if (!s.links.includes(q.link)) s.links.push(q.link);
      topics.set(topic, s);
    }
  }
  const byTopic = [...topics.values()];
  const correct = [...result.values()].filter(Boolean).length;
  return {
    total: session.ids.length,
    answered: result.size,
    correct,
    score: session.ids.length ? correct / session.ids.length : 0,
    timedOut: now >= session.endsAt && result.size < session.ids.length,
    byTopic,
    weakTopics: byTopic
      .filter((s) => s.correct / s.total < 0.6)
      .sort((a, b) => a.correct / a.total - b.correct / b.total || b.total - a.total),
  };
}

/** A topic's mastery: FSRS recall averaged over its questions, and recent accuracy. */
export interface TopicMastery {
  topic: Topic;
  questions: number;
  /** Questions answered at least once. */
  seen: number;
  /** Fraction right among the topic's last 10 answers (null before any). */
  accuracy: number | null;
  /** Mean FSRS retrievability now over all the topic's questions, unseen ones counting 0: the mastery, 0–1. */
  mastery: number;
  level: "new" | "learning" | "solid" | "mastered";
}

/**
 * Mastery per topic: the mean probability FSRS gives of recalling each of the topic's questions now (unseen = 0),
 * so it grows with coverage and fades with time; plus the accuracy of the last 10 answers.
 *
 * @example
 *   masteryByTopic(bank, progress, Date.now()).find((m) => m.topic === "adam")?.mastery;
 */
export function masteryByTopic(bank: readonly QuestionMeta[], progress: QuizProgress, now: number): TopicMastery[] {
  const out = new Map<Topic, { ids: string[]; recent: boolean[] }>();
  for (const q of bank)
    for (const topic of q.topics) {
      const e = out.get(topic) ?? { ids: [], recent: [] };
      e.ids.push(q.id);
      out.set(topic, e);
    }
  for (const a of [...progress.history].sort((x, y) => x.at - y.at)) {
    for (const topic of a.topics) out.get(topic as Topic)?.recent.push(a.correct);
  }
  return [...out.entries()].map(([topic, e]) => {
    const recent = e.recent.slice(-10);
    const mastery = e.ids.reduce((s, id) => s + retrievability(progress.cards[id], now), 0) / e.ids.length;
    return {
      topic,
      questions: e.ids.length,
      seen: e.ids.filter((id) => progress.cards[id]).length,
      accuracy: recent.length ? recent.filter(Boolean).length / recent.length : null,
      mastery,
      level: mastery >= 0.85 ? "mastered" : mastery >= 0.6 ? "solid" : mastery > 0 ? "learning" : "new",
    };
  });
}

/** The local day number of a time (days since the epoch, shifted by the time-zone offset in minutes, as getTimezoneOffset gives it). */
export function dayIndex(at: number, tzOffsetMinutes = new Date(at).getTimezoneOffset()): number {
  return Math.floor((at - tzOffsetMinutes * 60_000) / DAY);
}

/**
 * The streak of consecutive days with at least one answer, ending today (or yesterday, if nothing yet today),
 * and the longest streak.
 *
 * @example
 *   streak(progress.history, Date.now());   // { current: 3, longest: 7, today: true }
 */
export function streak(
  history: readonly Answer[],
  now: number,
  tzOffsetMinutes?: number,
): { current: number; longest: number; today: boolean } {
  const days = [...new Set(history.map((a) => dayIndex(a.at, tzOffsetMinutes)))].sort((a, b) => a - b);
  const today = dayIndex(now, tzOffsetMinutes);
  let longest = 0,
    run = 0;
  for (let k = 0; k < days.length; k++) {
    run = k > 0 && days[k] === days[k - 1] + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const set = new Set(days);
  let current = 0;
  for (let d = set.has(today) ? today : today - 1; set.has(d); d--) current++;
  return { current, longest, today: set.has(today) };
}

/**
 * Answers and right answers per day for the last `days` days (oldest first), for the dashboard's chart.
 *
 * @example
 *   answersPerDay(progress.history, 30, Date.now());   // [{ day: "2026-11-01", answers: 4, correct: 3 }, …]
 */
export function answersPerDay(
  history: readonly Answer[],
  days: number,
  now: number,
  tzOffsetMinutes?: number,
): { day: string; answers: number; correct: number }[] {
  const today = dayIndex(now, tzOffsetMinutes);
  const rows = Array.from({ length: days }, (_, k) => ({
    day: new Date((today - days + 1 + k) * DAY).toISOString().slice(0, 10),
    answers: 0,
    correct: 0,
  }));
  for (const a of history) {
    const k = dayIndex(a.at, tzOffsetMinutes) - (today - days + 1);
    if (k >= 0 && k < days) {
      rows[k].answers++;
      if (a.correct) rows[k].correct++;
    }
  }
  return rows;
}

/**
 * Today's review queue for the bank: due cards first, then new questions up to `settings.newPerDay`, counting
 * the new questions already started today.
 *
 * @example
 *   dailyQueue(bank, progress, Date.now());   // ids to ask, in order
 */
export function dailyQueue(bank: readonly QuestionMeta[], progress: QuizProgress, now: number, tzOffsetMinutes?: number): string[] {
  const first = new Map<string, number>();
  for (const a of progress.history) if (!first.has(a.id) || a.at < first.get(a.id)!) first.set(a.id, a.at);
  const today = dayIndex(now, tzOffsetMinutes);
  const newSeenToday = [...first.values()].filter((at) => dayIndex(at, tzOffsetMinutes) === today).length;
  return reviewQueue(
    bank.map((q) => q.id),
    progress.cards,
    now,
    { newPerDay: progress.settings.newPerDay, newSeenToday },
  );
}

/**
 * A seed for a generated question: the same question id and salt always give the same numbers (so a reload shows
 * the same instance), another salt (e.g. the attempt number or the day) gives fresh ones. FNV-1a over the text.
 *
 * @example
 *   generators.get("adam-step")!.generate(questionSeed("adam/gen-adam-step", attempt));
 */
export function questionSeed(id: string, salt: number | string = 0): number {
  let h = 0x811c9dc5;
  for (const ch of `${id}#${salt}`) h = Math.imul(h ^ ch.codePointAt(0)!, 0x01000193) >>> 0;
  return h;
}
