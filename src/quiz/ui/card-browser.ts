// The card browser under the daily review: every question (and every solved exercise's card) with its state,
// searchable and filtered by topic and state; each can be suspended (never shown in review) or reset (its schedule
// forgotten, after a confirmation).
import { t } from "../../i18n";
import { TOPICS, type BankQuestion, type QuizProgress, type Topic } from "..";
import { browseCards, type CardState } from "../card-states";
import { fromNow, shortText } from "./format";

const STATES: CardState[] = ["new", "learning", "review", "relearning", "suspended"];
/** Rows drawn at most: enough to scan, small enough to draw in one frame. */
const MAX_ROWS = 40;

/** What the browser asks of the review: the cards, the progress, and the two changes it can make. */
export interface BrowserHost {
  /** The review's cards now: the bank's questions and the solved exercises' cards (a solve elsewhere adds one). */
  cards(): readonly BankQuestion[];
  progress(): QuizProgress;
  suspend(id: string, on: boolean): void;
  reset(id: string): void;
}

/**
 * The browser, folded under a <details>; its list is drawn when opened and on each filter change.
 *
 * @example
 *   panel.append(cardBrowser("quiz-review", [...bank.questions, ...(bank.exercises ?? [])], host).root);
 */
export function cardBrowser(
  prefix: string,
  every: readonly BankQuestion[],
  host: BrowserHost,
): { root: HTMLDetailsElement; refresh(): void } {
  const root = document.createElement("details");
  root.className = "dl-settings dl-quiz-browser";
  const summary = document.createElement("summary");
  summary.textContent = t("quiz.browser", { n: host.cards().length });
  const filters = document.createElement("div");
  filters.className = "dl-controls dl-quiz-controls";
  const search = document.createElement("input");
  search.type = "search";
  search.id = `${prefix}-browser-search`;
  const topic = select(`${prefix}-browser-topic`, [
    ["", t("quiz.browser.anyTopic")],
    // Topics of every card that may ever be listed (`every`), so the list of options does not change with a solve.
    ...TOPICS.filter((tp) => every.some((q) => q.topics.includes(tp))).map((tp) => [tp, t(`quiz.topic.${tp}`)] as [string, string]),
  ]);
  const state = select(`${prefix}-browser-state`, [
    ["", t("quiz.browser.anyState")],
    ...STATES.map((s) => [s, t(`quiz.browser.state.${s}`)] as [string, string]),
  ]);
  filters.append(
    labelled(search, t("quiz.browser.search")),
    labelled(topic, t("quiz.browser.topic")),
    labelled(state, t("quiz.browser.state")),
  );
  const count = document.createElement("p");
  count.className = "dl-quiz-note";
  count.setAttribute("aria-live", "polite");
  const list = document.createElement("ul");
  list.className = "dl-quiz-cards";
  root.append(summary, filters, count, list);

  const refresh = () => {
    const bank = host.cards();
    summary.textContent = t("quiz.browser", { n: bank.length });
    if (!root.open) return;
    const progress = host.progress();
    const rows = browseCards(bank, progress, {
      text: search.value,
      topic: topic.value as Topic | "",
      state: state.value as CardState | "",
    });
    count.textContent = t("quiz.browser.count", { shown: Math.min(MAX_ROWS, rows.length), total: rows.length });
    const now = Date.now();
    list.replaceChildren(
      ...rows.slice(0, MAX_ROWS).map((r) => {
        const li = document.createElement("li");
        li.setAttribute("data-card", r.id);
        li.setAttribute("data-state", r.state);
        const short = shortText(r.text, 90);
        const text = document.createElement("span");
        text.className = "dl-quiz-card-text";
        text.textContent = short;
        const meta = document.createElement("span");
        meta.className = "dl-quiz-card-meta";
        meta.textContent = [
          t(`quiz.browser.state.${r.state}`),
          ...r.topics.map((tp) => t(`quiz.topic.${tp}`)),
          ...(r.due !== undefined && r.state !== "suspended" ? [t("quiz.browser.due", { when: fromNow(r.due, now) })] : []),
        ].join(" · ");
        const suspended = r.state === "suspended";
        const toggle = button(
          suspended ? t("quiz.browser.unsuspend") : t("quiz.browser.suspend"),
          t(suspended ? "quiz.browser.unsuspendLabel" : "quiz.browser.suspendLabel", { text: short }),
          () => {
            host.suspend(r.id, !suspended);
            refresh();
            list.querySelector<HTMLElement>(`[data-card="${CSS.escape(r.id)}"] button`)?.focus();
          },
        );
        toggle.setAttribute("data-suspend", "");
        const actions = document.createElement("span");
        actions.className = "dl-quiz-card-actions";
        actions.append(toggle);
        if (r.due !== undefined) {
          const reset = button(t("quiz.browser.reset"), t("quiz.browser.resetLabel", { text: short }), () => {
            // A reset forgets the schedule: it asks once more, in place, before doing it.
            const confirm = button(t("quiz.browser.confirmReset"), t("quiz.browser.confirmResetLabel", { text: short }), () => {
              host.reset(r.id);
              refresh();
              count.textContent = `${count.textContent} ${t("quiz.browser.resetDone")}`;
            });
            confirm.setAttribute("data-confirm-reset", "");
            const cancel = button(t("quiz.browser.cancel"), t("quiz.browser.cancel"), () => {
              confirm.replaceWith(reset);
              cancel.remove();
              reset.focus();
            });
            reset.replaceWith(confirm);
            confirm.after(cancel);
            confirm.focus();
          });
          reset.setAttribute("data-reset", "");
          actions.append(" ", reset);
        }
        li.append(text, meta, actions);
        return li;
      }),
    );
    if (!rows.length) {
      const li = document.createElement("li");
      li.textContent = t("quiz.browser.none");
      list.append(li);
    }
  };
  root.addEventListener("toggle", refresh);
  search.addEventListener("input", refresh);
  topic.addEventListener("change", refresh);
  state.addEventListener("change", refresh);
  return { root, refresh };
}

function select(id: string, options: [string, string][]): HTMLSelectElement {
  const s = document.createElement("select");
  s.id = id;
  for (const [v, text] of options) s.append(new Option(text, v));
  return s;
}

function labelled(control: HTMLElement, text: string): HTMLElement {
  const wrap = document.createElement("div");
  wrap.className = "dl-control dl-control-choice";
  const label = document.createElement("label");
  label.htmlFor = control.id;
  label.textContent = text;
  wrap.append(label, control);
  return wrap;
}

function button(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "dl-quiz-secondary";
  b.textContent = text;
  if (label !== text) b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}
