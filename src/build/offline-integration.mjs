// After the build (and after the CSP is written into every page), generates the service worker that
// makes the course work offline after one visit: Workbox precaches every page, script, stylesheet,
// KaTeX font, search index file and quiz bank, each with a content hash as its revision. Precache URLs
// are relative to sw.js, which sits at the site's base, so the same worker works under any BASE_PATH.
// A new build changes the revisions; the page then offers a reload (src/offline/register.ts) and the
// old worker keeps serving its own complete set until then, so a reader never sees a half-updated site.
import { generateSW } from "workbox-build";
import { fileURLToPath } from "node:url";

/** What a reader needs offline. Browsers that run the course all read woff2, so woff and ttf stay out. */
export const PRECACHE_PATTERNS = ["**/*.{html,js,mjs,css,json,svg,png,woff2,wasm,webmanifest}", "pagefind/**/*"];

/** Writes `sw.js` into the built site at `outDir`; returns how many files and bytes it precaches. */
export async function writeServiceWorker(outDir) {
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    globPatterns: PRECACHE_PATTERNS,
    globIgnores: ["sw.js", "workbox-*.js", "**/*.map"],
    swDest: `${outDir}/sw.js`,
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
        const { count, size } = await writeServiceWorker(fileURLToPath(dir).replace(/\/$/, ""));
        logger.info(`Service worker precaches ${count} files (${(size / 1e6).toFixed(1)} MB)`);
      },
    },
  };
}
