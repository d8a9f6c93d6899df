// Reads and validates an import file off the main thread: a few MB of answers through zod (jitless under the
// page's CSP) took about a second in the page.
import "./zod-jitless"; // before any schema is built (see the file)
import { readImport } from "../store";

self.onmessage = (e: MessageEvent<string>) => self.postMessage(readImport(e.data));
