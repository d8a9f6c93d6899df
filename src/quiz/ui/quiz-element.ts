// <dl-quiz data-mode="practice|review|mock|check" data-chapter="05-regularization">: the quiz's modes. Each mode
// picks questions with the core (sessions.ts), shows them one at a time with QuestionView, and records every
// answer in the page's shared progress (progress-client.ts). Loaded lazily when the element nears the viewport.
import "./zod-jitless"; // before any schema is built (see the file)
import { pageBase } from "../../i18n/lang";
import { t } from "../../i18n";
import {
  TOPICS,
  chapterCheck,
  isLearning,
  nextCard,
  planReview,
  preview,
  resetCard,
  sessionCounts,
  solvedExerciseCards,
  setSuspended,
  mockRemaining,
  practiceSet,
  sectionHref,
  startMock,
  summarizeMock,
  type BankQuestion,
  type GradeResult,
  type MockSession,
  type AnswerUndo,
  type QuizSettings,
  type Rating,
  type ReviewSession,
  type SaveResult,
  type Topic,
} from "..";
import { loadBank, type BankFile } from "./bank-client";
import { claimLoadNotice, currentProgress, record, recordWithUndo, undoRecorded, updateProgress, PROGRESS_EVENT } from "./progress-client";
import { QuestionView } from "./question-view";
import { keyAction, keyTarget } from "./keys";
import { chapterNumber, clock, fromNow, interval, percent, sectionName, shortText } from "./format";
import { reviewSettings } from "./review-settings";
import { cardBrowser } from "./card-browser";

type Mode = "practice" | "review" | "mock" | "check";
const TYPES = ["choice", "numeric", "flashcard", "generated"] as const;

const randomSeed = () => Math.floor(Math.random() * 2 ** 31);

/** The quiz element that last had the reader's attention: keys pressed outside any quiz go to it. */
let lastActive: QuizElement | null = null;

export class QuizElement extends HTMLElement {
  private mode: Mode = "practice";
  private bank: BankFile = { chapters: {}, questions: [] };
  private byId = new Map<string, BankQuestion>();
  private figure!: HTMLElement;
  private status!: HTMLElement;
  private notice!: HTMLElement;
  private panel!: HTMLElement;
  private view: QuestionView | null = null;
  private ids: string[] = [];
  private index = 0;
  private results = new Map<string, boolean>();
  private mock: MockSession | null = null;
  private timer = 0;
  private counter = 0;
  /** The daily review's session, and what undoes each answer in it (last first). */
  private session: ReviewSession = { planned: [], answered: [] };
  private undos: { undo: AnswerUndo; answered: string[]; firstResult: boolean }[] = [];
  private early = false;
  private browser: { refresh(): void } | null = null;

  connectedCallback(): void {
    if (this.hasAttribute("data-hydrated") || this.hasAttribute("data-loading")) return;
    this.setAttribute("data-loading", "");
    this.mode = (["practice", "review", "mock", "check"].includes(this.dataset.mode ?? "") ? this.dataset.mode : "practice") as Mode;
    this.panel = this.div("dl-controls dl-quiz-controls");
    this.status = this.div("dl-quiz-status");
    this.status.setAttribute("aria-live", "polite");
    this.figure = this.div("dl-figure dl-quiz-figure");
    this.figure.setAttribute("data-figure", "");
    this.notice = this.div("dl-messages dl-quiz-notice");
    this.notice.setAttribute("role", "status");
    const loading = this.div("dl-fallback-note");
    loading.textContent = t("quiz.loadingBank");
    this.figure.append(loading);
    loadBank(this.mode === "check" ? this.dataset.chapter || "all" : "all").then(
      (bank) => this.start(bank),
      (error: unknown) => {
        this.replaceChildren(this.figure, this.notice);
        this.figure.textContent = t("quiz.bankError", { message: error instanceof Error ? error.message : String(error) });
        this.removeAttribute("data-loading");
        this.setAttribute("data-hydrated", "");
      },
    );
  }

  disconnectedCallback(): void {
    window.clearInterval(this.timer);
  }

  private div(cls: string): HTMLElement {
    const d = document.createElement("div");
    d.className = cls;
    return d;
  }

  private start(bank: BankFile): void {
    // New questions enter the daily review in course order: chapter by chapter, easier ones first.
    bank.questions.sort((a, b) => a.chapter.localeCompare(b.chapter) || a.difficulty - b.difficulty || a.id.localeCompare(b.id));
    this.bank = bank;
    this.byId = new Map([...bank.questions, ...(bank.exercises ?? [])].map((q) => [q.id, q]));
    const told = claimLoadNotice(this);
    if (told) this.notice.replaceChildren(...told);
    this.replaceChildren(this.panel, this.status, this.figure, this.notice);
    this.addEventListener("keydown", (e) => this.onKey(e));
    this.addEventListener("focusin", () => (lastActive = this));
    this.addEventListener("pointerdown", () => (lastActive = this));
    window.addEventListener(PROGRESS_EVENT, () => {
      if (this.mode !== "review") return;
      if (this.view?.phase !== "asking") this.updateReviewStatus();
      this.browser?.refresh();
    });
    if (this.mode === "practice") this.startPractice();
    else if (this.mode === "review") this.startReview();
    else if (this.mode === "mock") this.mockIntro();
    else this.startCheck(randomSeed());
    this.removeAttribute("data-loading");
    this.setAttribute("data-hydrated", "");
  }

  onKey(e: KeyboardEvent): void {
    if (!this.view) return;
    const action = keyAction(e.key, {
      ...this.view.keyContext(),
      target: keyTarget(e.target as Element),
      modified: e.ctrlKey || e.altKey || e.metaKey,
      ctrl: (e.ctrlKey || e.metaKey) && !e.altKey,
    });
    if (!action) return;
    if (action.kind === "undo") {
      if (this.mode !== "review" || !this.undos.length) return;
      e.preventDefault();
      return this.undo();
    }
    e.preventDefault();
    this.view.act(action);
  }

  // ---- shared: one question after another ----

  private show(focus: boolean): void {
    const id = this.ids[this.index];
    const q = id ? this.byId.get(id) : undefined;
    if (!q) return this.finished();
    const last = this.index === this.ids.length - 1;
    this.present(q, focus, last && this.mode !== "review" ? t("quiz.finish") : t("quiz.next"));
  }

  private present(q: BankQuestion, focus: boolean, nextLabel: string): void {
    this.view = new QuestionView(q, {
      idPrefix: `${this.id || "quiz"}-q${++this.counter}`,
      seed: randomSeed(),
      chapters: this.bank.chapters,
      nextLabel,
      focus,
      onResult: (r) => this.onResult(q, r),
      onNext: () => this.next(),
      intervals: this.mode === "mock" ? undefined : () => this.intervals(q.id),
      withhold: this.mode === "mock",
      undoKey: this.mode === "review",
    });
    this.figure.replaceChildren(this.view.root);
    this.view.mounted();
    this.updateStatus();
  }

  /** What each grade would schedule for question `id` now, from ts-fsrs's preview, as button text. */
  private intervals(id: string): Record<Rating, string> {
    const now = Date.now(),
      progress = currentProgress().progress;
    const after = preview(progress.cards[id], now, progress.settings.retention);
    return {
      again: interval(after.again.due - now),
      hard: interval(after.hard.due - now),
      good: interval(after.good.due - now),
      easy: interval(after.easy.due - now),
    };
  }

  private onResult(q: BankQuestion, r: GradeResult): void {
    const firstResult = !this.results.has(q.id);
    if (firstResult) this.results.set(q.id, r.correct);
    const answer = { id: q.id, at: Date.now(), correct: r.correct, topics: q.topics, rating: r.rating, mode: this.mode };
    let saved: SaveResult;
    if (this.mode === "review") {
      const done = recordWithUndo(answer);
      saved = done.saved;
      this.undos.push({ undo: done.undo, answered: [...this.session.answered], firstResult });
      this.session = { ...this.session, answered: [...this.session.answered, q.id] };
      this.undoButton().hidden = false;
    } else saved = record(answer);
    if (q.type !== "flashcard" && this.mode !== "mock") {
      // A checked answer: say when the question comes back (a right one after its Hard, Good or Easy).
      const card = currentProgress().progress.cards[q.id];
      const note = document.createElement("p");
      note.className = "dl-quiz-note dl-quiz-scheduled";
      if (card) note.textContent = t("quiz.scheduled", { when: fromNow(card.due, answer.at) });
      this.view?.root.querySelector(".dl-quiz-after")?.append(note);
    }
    // The notice that offers the untouched original for download stays; it already says answers are not saved.
    if (!saved.ok && !this.notice.querySelector(".dl-download-original")) this.notice.textContent = saved.message;
    this.querySelector<HTMLButtonElement>("[data-skip]")?.toggleAttribute("hidden", true);
  }

  private next(): void {
    if (this.mode === "review") return this.showReview(true);
    this.index++;
    this.querySelector<HTMLButtonElement>("[data-skip]")?.toggleAttribute("hidden", false);
    this.show(true);
  }

  private skipButton(): HTMLButtonElement {
    const skip = document.createElement("button");
    skip.type = "button";
    skip.className = "dl-quiz-secondary";
    skip.textContent = t("quiz.skip");
    skip.setAttribute("data-skip", "");
    skip.setAttribute("data-control", "skip");
    skip.addEventListener("click", () => {
      if (this.view?.settleRight() || this.view?.phase === "answered") return this.next();
      if (this.mode === "review") {
        // Skipped: left out of this session (its schedule is unchanged), as Anki's "bury".
        const id = this.view?.question.id;
        if (id) this.session = { ...this.session, answered: [...this.session.answered, id] };
        return this.showReview(false);
      }
      this.index++;
      this.show(false);
    });
    return skip;
  }

  private finished(): void {
    this.view = null;
    this.querySelector<HTMLButtonElement>("[data-skip]")?.toggleAttribute("hidden", true);
    const correct = [...this.results.values()].filter(Boolean).length;
    if (this.mode === "mock") return this.mockSummary();
    const p = document.createElement("p");
    p.className = "dl-quiz-done";
    if (this.mode === "practice") p.textContent = t("quiz.practiceDone", { count: this.ids.length, correct });
    else if (this.mode === "check") p.textContent = t("quiz.check.done", { correct, total: this.ids.length });
    else {
      const progress = currentProgress().progress;
      const cards = Object.entries(progress.cards)
        .filter(([id]) => !progress.settings.suspended.includes(id))
        .map(([, c]) => c);
      const nextDue = cards.length ? Math.min(...cards.map((c) => c.due)) : 0;
      p.textContent = this.results.size
        ? t("quiz.reviewDone", { count: this.results.size, correct, when: fromNow(nextDue, Date.now()) })
        : cards.length
          ? t("quiz.reviewEmpty", { when: fromNow(nextDue, Date.now()) })
          : t("quiz.reviewEmptyNever");
    }
    const again = this.button(this.mode === "check" ? t("quiz.check.again") : t("quiz.restart"), () => {
      if (this.mode === "practice") this.startPractice();
      else if (this.mode === "check") this.startCheck(randomSeed());
      else this.startReview();
    });
    const nodes: Node[] = [p, again];
    if (this.mode === "check") {
      const more = document.createElement("a");
      more.href = sectionHref("11-interview-preparation#practise-by-chapter-or-topic", pageBase());
      more.textContent = t("quiz.check.more");
      const line = document.createElement("p");
      line.append(more);
      nodes.push(line);
    }
    this.figure.replaceChildren(...nodes);
    this.updateStatus();
  }

  private button(text: string, onClick: () => void, cls = "dl-quiz-primary"): HTMLButtonElement {
    const b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    b.addEventListener("click", onClick);
    return b;
  }

  private updateStatus(): void {
    if (this.mode === "review") return this.updateReviewStatus();
    if (this.mode === "mock" && this.mock) return this.tick();
    const n = Math.min(this.index + 1, this.ids.length);
    this.status.textContent = this.view ? t("quiz.position", { n, total: this.ids.length }) : "";
  }

  // ---- practice by chapter, topic and type ----

  private startPractice(): void {
    if (!this.panel.childElementCount) {
      const chapters = [...new Set(this.bank.questions.map((q) => q.chapter))].sort();
      const topics = TOPICS.filter((tp) => this.bank.questions.some((q) => q.topics.includes(tp)));
      const source = this.select(
        "source",
        t("quiz.source"),
        [["all", t("quiz.anyChapter")]],
        [
          [
            t("quiz.chapters"),
            chapters.map((c) => [
              `chapter:${c}`,
              this.bank.chapters[c]
                ? t("quiz.chapterN", { n: chapterNumber(c), title: this.bank.chapters[c] })
                : t("quiz.chapterOnly", { n: chapterNumber(c) }),
            ]),
          ],
          [t("quiz.topics"), topics.map((tp) => [`topic:${tp}`, t(`quiz.topic.${tp}`)])],
        ],
      );
      const preset = this.dataset.chapter ? `chapter:${this.dataset.chapter}` : this.dataset.topic ? `topic:${this.dataset.topic}` : "all";
      if ([...source.select.options].some((o) => o.value === preset)) source.select.value = preset;
      const type = this.select("type", t("quiz.type"), [
        ["any", t("quiz.type.any")],
        ...TYPES.map((ty) => [ty, t(`quiz.type.${ty}`)] as [string, string]),
      ]);
      source.select.addEventListener("change", () => this.startPractice());
      type.select.addEventListener("change", () => this.startPractice());
      this.panel.append(source.wrap, type.wrap, this.skipButton());
    }
    const source = this.panel.querySelector<HTMLSelectElement>('[data-control="source"]')!.value;
    const type = this.panel.querySelector<HTMLSelectElement>('[data-control="type"]')!.value;
    const [kind, value] = source.split(":");
    this.ids = practiceSet(
      this.bank.questions,
      {
        chapter: kind === "chapter" ? value : undefined,
        topic: kind === "topic" ? (value as Topic) : undefined,
        types: type === "any" ? undefined : [type as BankQuestion["type"]],
      },
      { seed: randomSeed(), progress: currentProgress().progress },
    );
    this.index = 0;
    this.results.clear();
    if (!this.ids.length) {
      this.view = null;
      this.figure.textContent = t("quiz.none");
      this.status.textContent = "";
      return;
    }
    this.show(false);
  }

  private select(name: string, label: string, options: [string, string][], groups: [string, [string, string][]][] = []) {
    const wrap = this.div("dl-control dl-control-choice");
    const select = document.createElement("select");
    select.id = `${this.id || "quiz"}-${name}`;
    select.setAttribute("data-control", name);
    for (const [v, text] of options) select.append(new Option(text, v));
    for (const [glabel, items] of groups) {
      const g = document.createElement("optgroup");
      g.label = glabel;
      for (const [v, text] of items) g.append(new Option(text, v));
      select.append(g);
    }
    const lab = document.createElement("label");
    lab.htmlFor = select.id;
    lab.textContent = label;
    wrap.append(lab, select);
    return { wrap, select };
  }

  // ---- the daily review ----

  private undoButton(): HTMLButtonElement {
    return this.panel.querySelector<HTMLButtonElement>("[data-undo]")!;
  }

  private startReview(): void {
    if (!this.panel.childElementCount) {
      const undo = this.button(t("quiz.undo"), () => this.undo(), "dl-quiz-secondary");
      undo.setAttribute("data-undo", "");
      undo.setAttribute("aria-keyshortcuts", "U Control+Z");
      undo.hidden = true;
      const prefix = this.id || "quiz-review";
      // Only chapters that hold questions (the bank's titles also name pages such as the errata).
      const withQuestions = Object.fromEntries(
        [...new Set(this.bank.questions.map((q) => q.chapter))].map((c) => [c, this.bank.chapters[c] ?? c] as [string, string]),
      );
      const settings = reviewSettings(prefix, currentProgress().progress.settings, withQuestions, (patch) => this.changeSettings(patch));
      const browser = cardBrowser(prefix, [...this.bank.questions, ...(this.bank.exercises ?? [])], {
        cards: () => this.reviewCards(),
        progress: () => currentProgress().progress,
        suspend: (id, on) => {
          this.report(updateProgress((p) => setSuspended(p, id, on)));
          if (on && this.view?.question.id === id && this.view.phase !== "answered") this.showReview(false);
        },
        reset: (id) => this.report(updateProgress((p) => resetCard(p, id))),
      });
      this.browser = browser;
      this.panel.append(this.skipButton(), undo, settings, browser.root);
    }
    this.session = { planned: planReview(this.reviewCards(), currentProgress().progress, Date.now()), answered: [] };
    this.undos = [];
    this.undoButton().hidden = true;
    this.results.clear();
    this.showReview(false);
  }

  /**
   * What the daily review draws from: the bank's questions and a card for each solved coding exercise. An exercise
   * card is a flashcard (the statement, then the approach and the reference solution) that the learner rates, rather
   * than code graded again: re-solving in a cell takes minutes and an editor, while the review asks whether the
   * solution can still be recalled; the card links to the exercise, and a pass of the grader there while the card is
   * due counts as a review too (src/exercises/solved.ts).
   */
  private reviewCards(): BankQuestion[] {
    return [...this.bank.questions, ...solvedExerciseCards(this.bank.exercises ?? [], currentProgress().progress)];
  }

  private report(saved: { ok: boolean; message?: string }): void {
    if (!saved.ok && saved.message) this.notice.textContent = saved.message;
  }

  private changeSettings(patch: Partial<QuizSettings>): void {
    this.report(updateProgress((p) => Object.assign(p.settings, patch)));
    this.startReview();
    this.notice.textContent = t("quiz.settings.saved");
  }

  /** Shows the session's next card, or the end of the session when none is left within the learn-ahead window. */
  private showReview(focus: boolean): void {
    const progress = currentProgress().progress;
    const next = nextCard(this.session, progress.cards, Date.now(), new Set(progress.settings.suspended));
    const q = next && this.byId.get(next.id);
    if (!q) return this.finished();
    this.early = next.reason === "early";
    this.present(q, focus, t("quiz.next"));
    this.querySelector<HTMLButtonElement>("[data-skip]")?.toggleAttribute("hidden", false);
  }

  /** Undoes the last answer of the session: the card and history as before it, and that question asked again. */
  private undo(): void {
    const last = this.undos.pop();
    if (!last) return;
    this.report(undoRecorded(last.undo));
    this.session = { ...this.session, answered: last.answered };
    if (last.firstResult) this.results.delete(last.undo.id);
    this.undoButton().hidden = !this.undos.length;
    const q = this.byId.get(last.undo.id);
    this.notice.textContent = t("quiz.undone");
    if (q) {
      this.early = false;
      this.present(q, true, t("quiz.next"));
    }
  }

  private updateReviewStatus(): void {
    const progress = currentProgress().progress;
    const c = sessionCounts(this.session, progress.cards, new Set(progress.settings.suspended));
    const parts = [t("quiz.reviewCounts", c)];
    if (this.early) parts.push(t("quiz.reviewEarly"));
    else if (this.view?.phase === "answered" && isLearning(progress.cards[this.view.question.id]))
      parts.push(t("quiz.reviewLearning", { when: fromNow(progress.cards[this.view.question.id].due, Date.now()) }));
    this.status.textContent = parts.join(" ");
  }

  // ---- the mock interview ----

  private mockIntro(): void {
    window.clearInterval(this.timer);
    this.mock = null;
    this.view = null;
    if (!this.panel.childElementCount) {
      const settings = currentProgress().progress.settings;
      const size = this.select(
        "size",
        t("quiz.mock.size"),
        [5, 10, 15, 20].map((n) => [String(n), String(n)]),
      );
      size.select.value = [5, 10, 15, 20].includes(settings.mockSize) ? String(settings.mockSize) : "10";
      const minutes = this.select(
        "minutes",
        t("quiz.mock.minutes"),
        [5, 10, 20, 30, 45, 60].map((n) => [String(n), String(n)]),
      );
      minutes.select.value = [5, 10, 20, 30, 45, 60].includes(settings.mockMinutes) ? String(settings.mockMinutes) : "30";
      size.select.addEventListener("change", () => this.mockIntro());
      minutes.select.addEventListener("change", () => this.mockIntro());
      const start = this.button(t("quiz.mock.start"), () => this.startMock());
      start.setAttribute("data-control", "start");
      start.setAttribute("data-start", "");
      const stop = this.button(t("quiz.mock.stop"), () => this.endMock(), "dl-quiz-secondary");
      stop.setAttribute("data-stop", "");
      stop.hidden = true;
      this.panel.append(size.wrap, minutes.wrap, start, stop);
    }
    this.panelState(false);
    const { n, minutes } = this.mockSettings();
    const p = document.createElement("p");
    p.textContent = t("quiz.mock.intro", { n, minutes });
    this.figure.replaceChildren(p);
    this.status.textContent = "";
  }

  private mockSettings() {
    return {
      n: Number(this.panel.querySelector<HTMLSelectElement>('[data-control="size"]')?.value ?? 10),
      minutes: Number(this.panel.querySelector<HTMLSelectElement>('[data-control="minutes"]')?.value ?? 30),
    };
  }

  private panelState(running: boolean): void {
    this.panel.querySelectorAll("select").forEach((s) => (s.disabled = running));
    this.panel.querySelector<HTMLElement>("[data-start]")!.hidden = running;
    this.panel.querySelector<HTMLElement>("[data-stop]")!.hidden = !running;
  }

  private startMock(): void {
    const { n, minutes } = this.mockSettings();
    this.mock = startMock(this.bank.questions, { n, minutes, seed: randomSeed(), now: Date.now() });
    this.ids = this.mock.ids;
    this.index = 0;
    this.results.clear();
    this.panelState(true);
    this.timer = window.setInterval(() => this.tick(), 1000);
    this.show(true);
  }

  private tick(): void {
    if (!this.mock) return;
    const left = mockRemaining(this.mock, Date.now());
    const n = Math.min(this.index + 1, this.ids.length);
    this.status.replaceChildren();
    const time = document.createElement("span");
    time.className = "dl-quiz-timer";
    time.setAttribute("role", "timer");
    time.textContent = `${t("quiz.mock.timeLeft")} ${clock(left)}`;
    this.status.append(time, ` · ${t("quiz.position", { n, total: this.ids.length })}`);
    this.status.setAttribute("aria-live", "off");
    if (left <= 0) this.endMock(true);
  }

  private endMock(timeUp = false): void {
    if (!this.mock) return;
    window.clearInterval(this.timer);
    if (timeUp) this.notice.textContent = t("quiz.mock.timeUp");
    this.index = this.ids.length;
    this.finished();
  }

  private mockSummary(): void {
    const mock = this.mock;
    window.clearInterval(this.timer);
    if (!mock) return this.mockIntro();
    const now = Date.now();
    const answers = [...this.results.entries()].map(([id, correct]) => ({ id, correct }));
    const s = summarizeMock(this.bank.questions, mock, answers, Math.min(now, mock.endsAt));
    const box = this.div("dl-quiz-summary");
    const h = document.createElement("p");
    h.className = "dl-quiz-after-title";
    h.textContent = t("quiz.mock.summary");
    const score = document.createElement("p");
    score.className = "dl-quiz-score";
    score.textContent = t("quiz.mock.score", { correct: s.correct, total: s.total, percent: percent(s.score) });
    const answered = document.createElement("p");
    answered.textContent = t("quiz.mock.answered", {
      answered: s.answered,
      total: s.total,
      time: clock(Math.min(now, mock.endsAt) - mock.startedAt),
    });
    box.append(h, score, answered);
    const wh = document.createElement("p");
    wh.className = "dl-quiz-after-title";
    wh.textContent = t("quiz.mock.weak");
    box.append(wh);
    if (!s.weakTopics.length) {
      const p = document.createElement("p");
      p.textContent = t("quiz.mock.noWeak");
      box.append(p);
    } else {
      const list = document.createElement("ul");
      list.className = "dl-quiz-weak";
      for (const w of s.weakTopics) {
        const li = document.createElement("li");
        li.append(t("quiz.mock.topicScore", { topic: t(`quiz.topic.${w.topic}`), correct: w.correct, total: w.total }));
        for (const link of w.links) li.append(" ", this.sectionAnchor(link));
        list.append(li);
      }
      box.append(list);
    }
    box.append(this.mockAnswers(mock));
    box.append(this.button(t("quiz.mock.again"), () => this.mockIntro()));
    this.mock = null;
    this.panelState(false);
    this.figure.replaceChildren(box);
    this.status.textContent = "";
  }

  /** A link to a question's section, named by the section (so a list of them reads as distinct places). */
  private sectionAnchor(link: string): HTMLAnchorElement {
    const a = document.createElement("a");
    a.href = sectionHref(link, pageBase());
    const slug = link.split("#")[0];
    a.textContent = t("quiz.sectionLink", { section: sectionName(link, this.bank.chapters[slug] ?? slug), n: chapterNumber(slug) });
    return a;
  }

  /** The mock's questions with the verdicts and worked answers withheld during it, each linking to its section. */
  private mockAnswers(mock: MockSession): HTMLElement {
    const wrap = this.div("dl-quiz-mock-answers");
    const title = document.createElement("p");
    title.className = "dl-quiz-after-title";
    title.textContent = t("quiz.mock.review");
    const list = document.createElement("ol");
    for (const id of mock.ids) {
      const q = this.byId.get(id);
      if (!q) continue;
      const li = document.createElement("li");
      const verdict = this.results.has(id)
        ? this.results.get(id)
          ? t("quiz.mock.right")
          : t("quiz.mock.wrong")
        : t("quiz.mock.unanswered");
      const text = shortText(q.text, 120);
      const head = document.createElement("p");
      head.append(`${text} (${verdict}) `, this.sectionAnchor(q.link));
      li.append(head);
      if (q.type !== "generated") {
        const d = document.createElement("details");
        const s = document.createElement("summary");
        s.textContent = t("quiz.mock.showAnswer");
        const body = this.div("dl-quiz-answer");
        body.innerHTML = q.answerHtml; // built at build time from the course's own question files
        d.append(s, body);
        li.append(d);
      }
      list.append(li);
    }
    wrap.append(title, list);
    return wrap;
  }

  // ---- a chapter's check ----

  private startCheck(seed: number): void {
    if (!this.panel.childElementCount) {
      const intro = document.createElement("p");
      intro.className = "dl-quiz-intro";
      intro.textContent = t("quiz.check.intro", { n: Number(this.dataset.count ?? 4) });
      this.panel.append(intro, this.skipButton());
    }
    const chapter = this.dataset.chapter ?? "";
    this.ids = chapterCheck(this.bank.questions, chapter, seed, Number(this.dataset.count ?? 4));
    this.index = 0;
    this.results.clear();
    this.querySelector<HTMLButtonElement>("[data-skip]")?.toggleAttribute("hidden", false);
    if (!this.ids.length) {
      this.figure.textContent = t("quiz.none");
      return;
    }
    this.show(false);
  }
}

// Keys pressed while focus is on the page itself go to the quiz used last (never when typing elsewhere).
document.addEventListener("keydown", (e) => {
  if (!lastActive?.isConnected || e.defaultPrevented) return;
  const target = e.target as Element | null;
  if (target && target !== document.body && target !== document.documentElement) return;
  lastActive.onKey(e);
});

if (!customElements.get("dl-quiz")) customElements.define("dl-quiz", QuizElement);
