import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import starlight from "@astrojs/starlight";
import { unified } from "@astrojs/markdown-remark";
import remarkMath from "remark-math";
import { mathRehypePlugins } from "./src/build/rehype-math.mjs";
import rehypeScrollable from "./src/build/rehype-scrollable.mjs";
import starlightLongLists from "./src/build/starlight-long-lists.mjs";
import rehypeChapterSections from "./src/build/rehype-chapter-sections.mjs";
import rehypeDeferredFormulas from "./src/build/rehype-deferred-formulas.mjs";
import { chapterSlugsInOrder } from "./src/build/chapters.mjs";
import fontPreloadIntegration from "./src/build/font-preload-integration.mjs";
import deferredFormulasIntegration from "./src/build/deferred-formulas-integration.mjs";
import cspIntegration from "./src/build/csp-integration.mjs";
import offlineIntegration from "./src/build/offline-integration.mjs";
import rehypeTranslatedHeadings from "./src/build/rehype-translated-headings.mjs";
import { EDITIONS } from "./src/build/translations.mjs";
import { translationTrackerIntegration } from "./src/build/translation-tracker.mjs";
import editionRoutesIntegration from "./src/build/edition-routes-integration.mjs";
import en from "./src/i18n/en/frame.json" with { type: "json" };
import exercisesText from "./src/i18n/en/exercises.json" with { type: "json" };
import zh from "./src/i18n/zh-cn/frame.json" with { type: "json" };
import zhExercisesText from "./src/i18n/zh-cn/exercises.json" with { type: "json" };

// BASE_PATH serves the course under a sub-path, e.g. BASE_PATH=/course/ npm run build.
const base = (process.env.BASE_PATH || "/").replace(/\/?$/, "/");
const contentDir = process.env.COURSE_CONTENT_DIR || "./content";

export default defineConfig({
  site: process.env.SITE_URL || "http://localhost:4321",
  base,
  outDir: process.env.COURSE_OUT_DIR || "./dist",
  // A build run beside another (npm test builds the root and sub-path sites at once) keeps its content store apart.
  cacheDir: process.env.COURSE_CACHE_DIR || "./node_modules/.astro",
  trailingSlash: "always",
  vite: {
    plugins: [starlightLongLists()],
    resolve: {
      // Starlight's "On this page" element, with a cheaper start (see the file).
      alias: [
        {
          find: /^\.\.\/components-internals\/TableOfContents\/starlight-toc(\.js)?$/,
          replacement: fileURLToPath(new URL("./src/components/frame/starlight-toc.ts", import.meta.url)),
        },
      ],
    },
  },
  markdown: {
    processor: unified({
      remarkPlugins: [remarkMath],
      rehypePlugins: [...mathRehypePlugins, rehypeScrollable, rehypeTranslatedHeadings, rehypeChapterSections, rehypeDeferredFormulas],
    }),
  },
  integrations: [
    starlight({
      title: { en: en["home.title"], "zh-CN": zh["home.title"] },
      description: en["home.tagline"],
      // English at the root, each translated edition under its prefix (/zh-cn/), with Starlight's language picker.
      locales: {
        root: { label: "English", lang: "en" },
        ...(EDITIONS.includes("zh-cn") ? { "zh-cn": { label: "简体中文", lang: "zh-CN" } } : {}),
      },
      customCss: ["katex/dist/katex.min.css", "./src/styles/course.css", "./src/styles/print.css"],
      sidebar: [
        {
          label: en["sidebar.course"],
          translations: { "zh-CN": zh["sidebar.course"] },
          items: [
            ...chapterSlugsInOrder(`${contentDir}/chapters`),
            { label: exercisesText["exercises.title"], translations: { "zh-CN": zhExercisesText["exercises.title"] }, link: "/exercises/" },
          ],
        },
        {
          label: en["sidebar.reference"],
          translations: { "zh-CN": zh["sidebar.reference"] },
          items: [{ label: en["sidebar.engineApi"], translations: { "zh-CN": zh["sidebar.engineApi"] }, link: "/reference/engine/" }],
        },
      ],
      // src/pages/404.astro: one page for every language's missing addresses.
      disable404Route: true,
      components: {
        Sidebar: "./src/components/frame/Sidebar.astro",
        PageTitle: "./src/components/frame/PageTitle.astro",
        Search: "./src/components/frame/Search.astro",
        Head: "./src/components/frame/Head.astro",
      },
      expressiveCode: false,
      // Search ranks a chapter above the question pages and the engine reference for its own topic: a title is
      // already weighed as the page's h1, so it adds nothing more, and a chapter's home topics (the meta field set
      // in src/components/frame/PageTitle.astro) add a boost; see src/components/frame/search-weight.ts.
      pagefind: { ranking: { metaWeights: { title: 0, topics: 1 } } },
    }),
    ...(EDITIONS.length > 0 ? [translationTrackerIntegration(), editionRoutesIntegration()] : []),
    fontPreloadIntegration(),
    deferredFormulasIntegration(),
    cspIntegration(),
    // Last: the service worker hashes every file as it will be served, CSP included.
    offlineIntegration(),
  ],
});
