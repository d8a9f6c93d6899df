#!/usr/bin/env node
// Lists every translation that is missing or older than its English source (src/build/translation-tracker.mjs).
import { translationProblems } from "../src/build/translation-tracker.mjs";

const problems = translationProblems(process.cwd());
console.log(problems.length === 0 ? "every translation is current" : problems.join("\n"));
process.exit(problems.length === 0 ? 0 : 1);
