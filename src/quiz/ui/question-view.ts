// One question on screen, of any type: it draws the prompt and the answer controls, grades with the core
// (grade.ts), shows the feedback, the worked answer and a link to the chapter section, and reports the result.
// The modes (quiz-element.ts) decide which question comes next and record the answers.
import { t } from "../../i18n";
import { pageBase } from "../../i18n/lang";
import {
  generators,
  gradeChoice,
  gradeFlashcard,
  gradeGenerated,
  gradeNumeric,
  sectionHref,
  shuffleOptions,
  precisionFor,
  RATINGS,
  type BankQuestion,
  type GeneratedInstance,
  type GradeResult,
  type Precision,
  type Rating,
} from "..";
import type { KeyAction, KeyContext } from "./keys";
import { chapterNumber } from "./format";

export interface QuestionViewOptions {
  /** Unique prefix for element ids. */
  idPrefix: string;
  /** Seed for the option order and a generated question's numbers. */
  seed: number;
  /** Chapter titles by slug, for the link to the section. */
  chapters: Record<string, string>;
  /** Label of the button shown after answering ("Next question", "See the summary"). */
  nextLabel: string;
  /** Focus the answer controls once drawn (after the reader moved on, not on first load). */
  focus: boolean;
  /** A graded answer (a right checked one once rated): record it. */
  onResult(result: GradeResult): void;
  /** The reader asked for the next question. */
  onNext(): void;
  /** The interval each self-grade would schedule ("1 min", "3 d"), shown on the grade buttons. */
  intervals?: () => Record<Rating, string>;
  /** Mock interview: no verdict, worked answer or option notes until the summary (a flashcard still shows its answer). */
  withhold?: boolean;
  /** The session can undo an answer (the daily review): the key hint says so once answered. */
  undoKey?: boolean;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { class?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  const { class: cls, ...rest } = props;
  if (cls) node.className = cls;
  Object.assign(node, rest);
  node.append(...children);
  return node;
}

function html(tag: "div" | "span" | "p", cls: string, markup: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = cls;
  node.innerHTML = markup; // built at build time from the course's own question files (bank.ts)
  return node;
}

/** A question being asked: its DOM, its phase, and what the keyboard can do to it. */
export class QuestionView {
  readonly root: HTMLElement;
  phase: KeyContext["phase"] = "asking";
  private readonly feedback: HTMLElement;
  private readonly after: HTMLElement;
  private readonly keys: HTMLElement;
  private readonly order: number[] = [];
  private inputs: HTMLInputElement[] = [];
  private numberInput?: HTMLInputElement;
  private instance?: GeneratedInstance;
  private controls: HTMLElement | null = null;
  /** A right answer waiting for the learner's Hard, Good or Easy. */
  private pending?: GradeResult;

  constructor(
    readonly question: BankQuestion,
    private readonly options: QuestionViewOptions,
  ) {
    const q = question,
      id = options.idPrefix;
    this.root = el("article", { class: "dl-quiz-q" });
    this.root.dataset.type = q.type;
    this.root.dataset.questionId = q.id;
    this.root.tabIndex = -1;
    this.root.setAttribute("aria-labelledby", `${id}-prompt`);
    // An exercise card (it links to its exercise) has no difficulty of its own: the reader already solved it.
    const kind = q.href
      ? t("quiz.kind.exercise")
      : q.type === "choice" && q.multiple
        ? t("quiz.kind.choiceMany")
        : t(`quiz.kind.${q.type}`);
    const meta = el(
      "p",
      { class: "dl-quiz-meta" },
      [kind, ...q.topics.map((tp) => t(`quiz.topic.${tp}`)), ...(q.href ? [] : [t("quiz.difficulty", { n: q.difficulty })])].join(" · "),
    );
    const prompt = el("div", { class: "dl-quiz-prompt", id: `${id}-prompt` });
    if (q.promptHtml) prompt.append(html("div", "dl-quiz-lead", q.promptHtml));
    if (q.type === "generated") {
      const g = generators.get(q.generator);
      if (!g) throw new Error(`no generator "${q.generator}"`);
      this.instance = g.generate(options.seed);
      // The seed is shown so a drawn instance can be reproduced (tests, a reader reporting a problem).
      this.root.dataset.generator = g.id;
      this.root.dataset.seed = String(options.seed);
      prompt.append(el("p", { class: "dl-quiz-generated" }, this.instance.prompt));
    }
    this.feedback = el("p", { class: "dl-quiz-feedback" });
    this.feedback.setAttribute("role", "status");
    this.after = el("div", { class: "dl-quiz-after", hidden: true });
    this.keys = el("p", { class: "dl-quiz-keys" });
    this.root.append(meta, prompt);
    if (q.type === "choice") this.root.append(this.choiceForm(q));
    else if (q.type === "flashcard") this.root.append(this.revealButton());
    else if (q.type === "numeric") this.root.append(this.numberForm(q.unit, precisionFor(q.tolerance, q.value)));
    else this.root.append(this.numberForm(this.instance!.unit, precisionFor(this.instance!.tolerance, this.instance!.answer)));
    this.root.append(this.feedback, this.after, this.keys);
    this.showKeys();
  }

  /** Call once the view is in the document. */
  mounted(): void {
    if (!this.options.focus) return;
    (this.numberInput ?? this.root.querySelector<HTMLElement>(".dl-quiz-reveal") ?? this.root).focus({ preventScroll: false });
  }

  /** What the keyboard sees. */
  keyContext(): Omit<KeyContext, "target" | "modified"> {
    return { phase: this.phase, type: this.question.type, options: this.question.type === "choice" ? this.question.options.length : 0 };
  }

  /** Applies a keyboard action. */
  act(action: KeyAction): void {
    if (action.kind === "pick" && this.phase === "asking") {
      const input = this.inputs[action.index];
      if (!input) return;
      input.checked = input.type === "checkbox" ? !input.checked : true;
      input.focus();
    } else if (action.kind === "submit" && this.phase === "asking") this.submit();
    else if (action.kind === "reveal" && this.phase === "asking") this.reveal();
    else if (action.kind === "grade" && this.phase === "grading") this.grade(action.rating);
    else if (action.kind === "next" && this.phase === "answered") this.options.onNext();
  }

  private choiceForm(q: Extract<BankQuestion, { type: "choice" }>): HTMLElement {
    const form = el("form", { class: "dl-quiz-form" });
    const group = el("fieldset", { class: "dl-quiz-options" });
    group.setAttribute("aria-labelledby", `${this.options.idPrefix}-prompt`);
    this.order.push(...shuffleOptions(q.options.length, this.options.seed));
    this.order.forEach((original, k) => {
      const input = el("input", {
        type: q.multiple ? "checkbox" : "radio",
        name: `${this.options.idPrefix}-option`,
        value: String(original),
      });
      const text = html("span", "dl-quiz-option-text", q.options[original].html);
      // NOTE: an option that is only a formula would otherwise be named from its TeX source alone, which axe does
      // not count as a label (the glyphs are aria-hidden); name it from the visible glyphs.
      input.setAttribute("aria-label", visibleText(text));
      const label = el(
        "label",
        { class: "dl-quiz-option" },
        input,
        el("span", { class: "dl-quiz-key", ariaHidden: "true" }, String(k + 1)),
        text,
      );
      this.inputs.push(input);
      group.append(label);
    });
    form.append(group, el("button", { type: "submit", class: "dl-quiz-primary" }, t("quiz.check")));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.controls = form;
    return form;
  }

  private numberForm(unit: string | undefined, precision: Precision): HTMLElement {
    const id = `${this.options.idPrefix}-answer`;
    const form = el("form", { class: "dl-quiz-form dl-quiz-number" });
    // NOTE: a text keyboard, not inputmode="decimal": phones then offer the minus sign, "/" and "e"
    // that answers such as −3/4 or 2e-3 need.
    this.numberInput = el("input", {
      type: "text",
      id,
      inputMode: "text",
      enterKeyHint: "done",
      autocomplete: "off",
      autocapitalize: "off",
      spellcheck: false,
      size: 14,
    });
    const hint = el(
      "span",
      { class: "dl-quiz-precision", id: `${id}-precision` },
      precision.kind === "exact"
        ? t("quizPrecision.exact")
        : precision.figures <= 3
          ? t("quizPrecision.three")
          : t("quizPrecision.figures", { figures: precision.figures }),
    );
    this.numberInput.setAttribute("aria-describedby", hint.id);
    form.append(el("label", { htmlFor: id }, t("quiz.yourAnswer")), this.numberInput);
    if (unit) form.append(el("span", { class: "dl-quiz-unit" }, t("quiz.unit", { unit })));
    form.append(el("button", { type: "submit", class: "dl-quiz-primary" }, t("quiz.check")), hint);
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.submit();
    });
    this.controls = form;
    return form;
  }

  private revealButton(): HTMLElement {
    const button = el("button", { type: "button", class: "dl-quiz-primary dl-quiz-reveal" }, t("quiz.reveal"));
    button.addEventListener("click", () => this.reveal());
    this.controls = button;
    return button;
  }

  private submit(): void {
    const q = this.question;
    if (q.type === "choice") {
      const selected = this.inputs.filter((i) => i.checked).map((i) => Number(i.value));
      const r = gradeChoice(q, selected);
      if (r.invalid) return this.invalid(r.message);
      this.inputs.forEach((input) => {
        const i = Number(input.value),
          label = input.closest("label")!;
        input.disabled = true;
        if (this.options.withhold) return;
        const mark = q.options[i].correct ? (input.checked ? "correct" : "missed") : input.checked ? "wrong" : "";
        if (mark) {
          label.classList.add(`dl-quiz-${mark}`);
          label.append(
            el(
              "span",
              { class: "dl-quiz-mark" },
              mark === "correct" ? t("quiz.optionCorrect") : mark === "missed" ? t("quiz.optionMissed") : t("quiz.optionWrongPick"),
            ),
          );
        }
        if (q.options[i].whyHtml) label.append(html("span", "dl-quiz-why", q.options[i].whyHtml!));
      });
      this.finish(r, q.answerHtml);
    } else if (q.type === "numeric" || q.type === "generated") {
      const reply = this.numberInput!.value;
      const r = q.type === "numeric" ? gradeNumeric(q, reply) : gradeGenerated(this.instance!, reply);
      if (r.invalid) return this.invalid(r.message);
      this.numberInput!.readOnly = true;
      this.numberInput!.setAttribute("aria-invalid", String(!r.correct));
      this.finish(r, q.type === "numeric" ? q.answerHtml : undefined);
    }
  }

  private invalid(message: string): void {
    this.feedback.textContent = message;
    this.feedback.className = "dl-quiz-feedback dl-quiz-invalid";
    this.numberInput?.setAttribute("aria-invalid", "true");
    this.numberInput?.focus();
  }

  private reveal(): void {
    const q = this.question;
    if (q.type !== "flashcard" || this.phase !== "asking") return;
    this.phase = "grading";
    this.controls?.remove();
    this.after.hidden = false;
    this.after.append(
      el("p", { class: "dl-quiz-after-title" }, t("quiz.workedAnswer")),
      html("div", "dl-quiz-answer", q.answerHtml),
      this.sectionLink(),
    );
    this.after.append(...this.gradeButtons(["again", "hard", "good", "easy"], t("quiz.gradePrompt")));
    this.showKeys();
    this.root.querySelector<HTMLButtonElement>(".dl-quiz-grade-good")?.focus();
  }

  /**
   * The self-grade buttons, each with the interval it would schedule; numbered as on a flashcard (1 Again … 4 Easy)
   * so a right answer's Hard, Good and Easy keep their keys 2, 3 and 4.
   */
  private gradeButtons(ratings: readonly Rating[], prompt: string): HTMLElement[] {
    const shown = this.options.intervals?.();
    const group = el("div", { class: "dl-quiz-grades" });
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", prompt);
    for (const rating of ratings) {
      const b = el(
        "button",
        { type: "button", class: `dl-quiz-grade dl-quiz-grade-${rating}` },
        el("span", { class: "dl-quiz-key", ariaHidden: "true" }, String(RATINGS.indexOf(rating) + 1)),
        t(`quiz.rating.${rating}`),
      );
      if (shown) {
        b.append(el("span", { class: "dl-quiz-interval" }, shown[rating]));
        b.setAttribute("aria-label", t("quiz.gradeLabel", { rating: t(`quiz.rating.${rating}`), interval: shown[rating] }));
      }
      b.addEventListener("click", () => this.grade(rating));
      group.append(b);
    }
    return [el("p", { class: "dl-quiz-grade-prompt" }, prompt), group];
  }

  /**
   * A right answer of a checked question: the learner says how hard it was (Hard, Good, Easy), as Anki asks, since
   * a right answer found after a long struggle and one given at once should not be scheduled alike. A wrong answer
   * needs no question: it is Again.
   */
  private rateRight(r: GradeResult): void {
    this.phase = "grading";
    this.pending = r;
    this.after.append(...this.gradeButtons(["hard", "good", "easy"], t("quiz.gradeRightPrompt")));
    this.showKeys();
    this.root.querySelector<HTMLButtonElement>(".dl-quiz-grade-good")?.focus({ preventScroll: true });
  }

  /** Records a right answer still waiting for Hard, Good or Easy as Good (moving on must not lose it); true if there was one. */
  settleRight(): boolean {
    if (this.phase !== "grading" || !this.pending) return false;
    this.grade("good");
    return true;
  }

  private grade(rating: Rating): void {
    if (this.phase !== "grading" || (this.pending && rating === "again")) return;
    this.root.querySelectorAll<HTMLButtonElement>(".dl-quiz-grade").forEach((b) => {
      b.disabled = true;
      b.setAttribute("aria-pressed", String(b.classList.contains(`dl-quiz-grade-${rating}`)));
    });
    const graded = t("quiz.graded", { rating: t(`quiz.rating.${rating}`) });
    if (this.pending) {
      // The verdict stays where it is; the confirmation goes under the buttons.
      this.root.querySelector(".dl-quiz-grades")?.after(el("p", { class: "dl-quiz-note dl-quiz-rated" }, graded));
      return this.done({ ...this.pending, rating });
    }
    this.root.querySelector(".dl-quiz-grades")?.after(this.feedback); // the confirmation goes under the buttons
    this.feedback.textContent = graded;
    this.done(gradeFlashcard(rating));
  }

  private finish(r: GradeResult, answerHtml?: string): void {
    this.root.querySelector<HTMLButtonElement>(".dl-quiz-form .dl-quiz-primary")?.remove();
    if (this.options.withhold) {
      // As in an interview: the verdict and the worked answer wait for the summary.
      this.feedback.textContent = t("quiz.mock.recorded");
      this.feedback.className = "dl-quiz-feedback";
      this.numberInput?.removeAttribute("aria-invalid");
      return this.done(r);
    }
    this.feedback.textContent = r.message;
    this.feedback.className = `dl-quiz-feedback ${r.correct ? "dl-quiz-right" : "dl-quiz-wrong"}`;
    this.after.hidden = false;
    if (this.instance) {
      const list = el("ol", { class: "dl-quiz-solution" }, ...this.instance.solution.map((line) => el("li", {}, line)));
      this.after.append(
        el("p", { class: "dl-quiz-after-title" }, t("quiz.solution")),
        list,
        el("p", { class: "dl-quiz-note" }, t("quiz.newNumbers")),
      );
    }
    if (answerHtml)
      this.after.append(el("p", { class: "dl-quiz-after-title" }, t("quiz.workedAnswer")), html("div", "dl-quiz-answer", answerHtml));
    this.after.append(this.sectionLink());
    if (r.correct) this.rateRight(r);
    else this.done(r);
  }

  private done(r: GradeResult): void {
    this.phase = "answered";
    this.options.onResult(r);
    const next = el("button", { type: "button", class: "dl-quiz-primary dl-quiz-next" }, this.options.nextLabel);
    next.addEventListener("click", () => this.options.onNext());
    this.after.hidden = false;
    this.after.append(el("div", { class: "dl-quiz-nav" }, next));
    this.showKeys();
    next.focus({ preventScroll: true });
  }

  private sectionLink(): HTMLElement {
    const q = this.question;
    const base = pageBase();
    if (q.href) return el("p", { class: "dl-quiz-section" }, el("a", { href: `${base}${q.href}` }, t("quiz.openExercise")));
    const title = this.options.chapters[q.chapter];
    const text = title ? t("quiz.readSection", { n: chapterNumber(q.chapter), title }) : t("quiz.readChapter");
    return el("p", { class: "dl-quiz-section" }, el("a", { href: sectionHref(q.link, base) }, text));
  }

  private showKeys(): void {
    const q = this.question;
    let text: string;
    if (this.phase === "answered") text = this.options.undoKey ? `${t("quiz.keys.next")}, ${t("quiz.keys.undo")}` : t("quiz.keys.next");
    else if (this.phase === "grading") text = q.type === "flashcard" ? t("quiz.keys.grade") : t("quiz.keys.gradeRight");
    else if (q.type === "choice") text = t("quiz.keys.choice", { n: Math.min(8, q.options.length) });
    else if (q.type === "flashcard") text = t("quiz.keys.flashcard");
    else text = t("quiz.keys.numeric");
    this.keys.textContent = `${t("quiz.keys")} ${text}`;
  }
}

/** The text a reader sees: KaTeX's rendered glyphs without a formula's hidden TeX (rehype-formula-text.mjs), spaces collapsed. */
function visibleText(node: Element): string {
  const copy = node.cloneNode(true) as Element;
  copy.querySelectorAll(".formula-tex").forEach((m) => m.remove());
  return (copy.textContent ?? "").replace(/\s+/g, " ").trim();
}
