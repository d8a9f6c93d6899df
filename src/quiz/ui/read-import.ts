// Runs `readImport` in a worker so the page stays responsive while a large file is validated; falls back to the
// main thread where a worker cannot start.
import { readImport, type ReadImport } from "../store";
import workerUrl from "./import-worker.ts?worker&url";

/**
 * The file's text read and validated in a worker (one worker per import, ended afterwards).
 *
 * @example
 *   const read = await readImportOffThread(await file.text());
 */
export function readImportOffThread(text: string): Promise<ReadImport> {
  let worker: Worker, url: string;
  try {
    // A blob: worker inherits the page's policy (as the code cells' worker does).
    url = URL.createObjectURL(new Blob([`import ${JSON.stringify(new URL(workerUrl, location.href).href)};`], { type: "text/javascript" }));
    worker = new Worker(url, { type: "module" });
  } catch {
    return Promise.resolve(readImport(text));
  }
  return new Promise((resolve) => {
    const done = (r: ReadImport) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      resolve(r);
    };
    worker.onmessage = (e: MessageEvent<ReadImport>) => done(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      done(readImport(text));
    };
    worker.postMessage(text);
  });
}
