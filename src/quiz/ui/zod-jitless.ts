// Imported first by the quiz's browser entry points: zod's fast path compiles validators with `new Function`,
// which the course's Content-Security-Policy (no 'unsafe-eval' on pages) forbids; even zod's probe for it is
// reported as a violation. Schemas read this flag when they are built, so it must run before any is created.
import { z } from "astro/zod";

z.config({ jitless: true });
