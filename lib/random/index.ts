// The table of contents of lib/random/ (seeded random numbers): one export line per file.
// lib/index.ts re-exports this folder whole, so a new file needs only its line here.
export { createRng, type Rng } from "./rng";
