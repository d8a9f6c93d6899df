// The engine's public entry. Widgets, quiz generators and notebook cells import from here, never from a
// deep path. Each folder's index.ts is its table of contents (one export line per file); this file
// re-exports every folder, so adding a file to the engine is one file plus one line in its folder's index.

export * from "./tensor";
export * from "./random";
export * from "./activations";
export * from "./losses";
export * from "./init";
export * from "./layers";
export * from "./conv";
export * from "./rnn";
export * from "./attention";
export * from "./check";
export * from "./train";
export * from "./optim";
export * from "./regularize";
export * from "./data";
