// The only cell code a page loads before a reader touches a cell: it shows the buttons and loads
// the notebook (notebook.ts) on the first click, hover or focus. A cell with a saved edit or with
// code from a shared link loads it at once, to show that code (never to run it).
import { loadEdit } from "./store";

type Notebook = import("./notebook").Notebook;

export function bootCells(): void {
  const cells = [...document.querySelectorAll<HTMLElement>("dl-cell")];
  if (cells.length === 0) return;
  let loading: Promise<Notebook> | null = null;
  // Offline before the notebook was ever loaded, the import fails: forget it so a later press retries. While the
  // browser knows it is offline it does not try at all: some browsers (Chromium 150) keep a failed import's
  // failure for the page's life, so a press back online would fail again without a request.
  const notebook = () => {
    if (!navigator.onLine && !loading) return Promise.reject(new Error("offline"));
    return (loading ??= import("./notebook")
      .then((m) => m.notebook(cells))
      .catch((error: unknown) => {
        loading = null;
        throw error;
      }));
  };
  // The reason is written into the page at build time, so showing it needs nothing from the network.
  const failed = (cell: HTMLElement) => {
    cell.querySelector<HTMLElement>("[data-output]")?.removeAttribute("hidden");
    cell.querySelector<HTMLElement>("[data-load-failed]")?.removeAttribute("hidden");
  };
  const withNotebook = (cell: HTMLElement, use: (nb: Notebook) => void) =>
    notebook().then(
      (nb) => {
        cell.querySelector<HTMLElement>("[data-load-failed]")?.setAttribute("hidden", "");
        use(nb);
      },
      () => failed(cell),
    );

  cells.forEach((cell, k) => {
    cell.querySelector("[data-toolbar]")?.removeAttribute("hidden");
    if (k === 0) cell.querySelector("[data-action=above]")?.setAttribute("hidden", "");
    const warm = () =>
      notebook().then(
        (nb) => nb.warm(),
        () => {},
      );
    cell.addEventListener("pointerover", warm, { once: true });
    cell.addEventListener("focusin", warm, { once: true });
    cell.addEventListener("click", (event) => {
      const target = event.target as Element;
      const button = target.closest("[data-action]");
      if (button) withNotebook(cell, (nb) => nb.act(cell, button.getAttribute("data-action")!));
      else if (target.closest("[data-view]")) withNotebook(cell, (nb) => nb.act(cell, "edit"));
    });
    cell.querySelector("[data-view] pre")?.addEventListener("keydown", (event) => {
      if ((event as KeyboardEvent).key === "Enter") {
        event.preventDefault();
        withNotebook(cell, (nb) => nb.act(cell, "edit"));
      }
    });
  });
  const params = new URLSearchParams(location.search);
  if (cells.some((c) => params.has(`${c.id}.code`) || loadEdit(location.pathname, c.id) !== null)) notebook().catch(() => {});
}
