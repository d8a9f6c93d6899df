// After the build (and after the CSP is written into every page), generates the service worker that
// makes the course work offline after one visit: Workbox precaches every page, script, stylesheet,
// KaTeX font, search index file and quiz bank, each with a content hash as its revision. Precache URLs
// are relative to sw.js, which sits at the site's base, so the same worker works under any BASE_PATH.
// A new build changes the revisions; the page then offers a reload (src/offline/register.ts) and the
// old worker keeps serving its own complete set until then, so a reader never sees a half-updated site.
import { generateSW } from "workbox-build";
import { fileURLToPath } from "node:url";
import { EDITIONS } from "./translations.mjs";

/** What a reader needs offline. Browsers that run the course all read woff2, so woff and ttf stay out. */
export const PRECACHE_PATTERNS = ["**/*.{html,js,mjs,css,json,svg,png,woff2,wasm,webmanifest}", "pagefind/**/*"];

/**
 * Writes the service workers into the built site at `outDir`: `sw.js` at the base for the English pages and, for
 * each translated edition, `<lang>/sw.js` for its pages. A page registers the worker of its language (Head.astro),
 * so a reader downloads one language's pages, plus the scripts, styles, fonts and search index every language
 * shares. Returns how many files and bytes each worker precaches, by its path.
 */
export async function writeServiceWorker(outDir, editions = EDITIONS) {
  const out = {};
  out["sw.js"] = await writeOne(outDir, "", editions);
  for (const lang of editions) out[`${lang}/sw.js`] = await writeOne(outDir, `${lang}/`, editions);
  return out;
}

/** Files every language's worker precaches: everything but pages and the quiz bank, which are per language. */
const SHARED = ["**/*.{js,mjs,css,svg,png,woff2,wasm,webmanifest}", "pagefind/**/*"];

async function writeOne(outDir, prefix, editions) {
  const other = editions.filter((lang) => `${lang}/` !== prefix).map((lang) => `${lang}/**`);
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: prefix ? [...SHARED, `${prefix}**/*.{html,json}`] : PRECACHE_PATTERNS,
    globIgnores: ["sw.js", "**/sw.js", "workbox-*.js", "**/*.map", ...other],
    swDest: `${outDir}/${prefix}sw.js`,
    // Precache URLs are relative to the worker: a translated edition's worker sits one folder down.
    manifestTransforms: prefix
      ? [
          (entries) => ({
            manifest: entries.map((e) => ({ ...e, url: e.url.startsWith(prefix) ? e.url.slice(prefix.length) : `../${e.url}` })),
          }),
        ]
      : [],
    // A share link (?lr=0.1) or a section (#adam) opens the same cached page.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: "index.html",
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    cleanupOutdatedCaches: true,
    // The new worker waits until the reader chooses to reload (register.ts sends SKIP_WAITING).
    skipWaiting: false,
    clientsClaim: true,
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: "production",
  });
  for (const w of warnings) console.warn(`[course-offline] ${w}`);
  return { count, size };
}

export default function offlineIntegration() {
  return {
    name: "course-offline",
    hooks: {
      "astro:build:done": async ({ dir, logger }) => {
        const workers = await writeServiceWorker(fileURLToPath(dir).replace(/\/$/, ""));
        for (const [path, { count, size }] of Object.entries(workers))
          logger.info(`${path} precaches ${count} files (${(size / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
