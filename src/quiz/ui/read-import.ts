// Runs an import (read, validate, merge, serialize) in a worker so the page stays responsive while a large file is
// handled; falls back to the main thread where a worker cannot start.
import { mergeImport, readImport, type ImportResult, type QuizProgress } from "../store";
import { ImportAssembly, type ImportMessage } from "./import-messages";
import workerUrl from "./import-worker.ts?worker&url";
import { catalogSubset } from "../../i18n";

/**
 * The file's text read, validated and merged into `current` in a worker (one per import, ended afterwards), with
 * the merged record already serialized for storage when the worker made it.
 *
 * @example
 *   const { result, serialized } = await importOffThread(currentProgress().progress, await file.text());
 */
export function importOffThread(current: QuizProgress, text: string): Promise<{ result: ImportResult; serialized?: string }> {
  const onMainThread = () => ({ result: mergeImport(current, readImport(text)) });
  let worker: Worker, url: string;
  try {
    // A blob: worker inherits the page's policy (as the code cells' worker does).
    url = URL.createObjectURL(new Blob([`import ${JSON.stringify(new URL(workerUrl, location.href).href)};`], { type: "text/javascript" }));
    worker = new Worker(url, { type: "module" });
  } catch {
    return Promise.resolve(onMainThread());
  }
  return new Promise((resolve) => {
    const done = (r: { result: ImportResult; serialized?: string }) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      resolve(r);
    };
    const assembly = new ImportAssembly();
    worker.onmessage = (e: MessageEvent<ImportMessage>) => {
      const whole = assembly.take(e.data);
      if (whole) done(whole);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done(onMainThread());
    };
    // The worker's messages (an import's report) speak the page's language: it gets those strings from the page.
    worker.postMessage({ text, current, strings: catalogSubset(["quizCore."]) });
  });
}
