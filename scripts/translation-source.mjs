#!/usr/bin/env node
// Prints the source hash a translation records (`translatedFrom`): the first 12 hex digits of the SHA-256 of the
// English file, line endings normalised. Usage: node scripts/translation-source.mjs content/chapters/06-….mdx
import { readFileSync } from "node:fs";
import { sourceHash } from "../src/build/translation-source.mjs";

for (const file of process.argv.slice(2)) console.log(`${sourceHash(readFileSync(file, "utf8"))}  ${file}`);
