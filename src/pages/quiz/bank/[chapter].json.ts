// The question bank as static JSON files the quiz fetches when it hydrates: all.json for the interview chapter's modes and
// the dashboard, <chapter-slug>.json for a chapter's short check. Markdown and math are already HTML.
import type { APIRoute, GetStaticPaths } from "astro";
import { siteBank, chapterBank } from "../../../quiz/ui/build-bank";
import { langOfPath, siteBase } from "../../../i18n/lang";

export const getStaticPaths: GetStaticPaths = async () => {
  const bank = await siteBank("en");
  const chapters = [...new Set(bank.questions.map((q) => q.chapter))];
  return [{ params: { chapter: "all" } }, ...chapters.map((chapter) => ({ params: { chapter } }))];
};

export const GET: APIRoute = async ({ params, url }) => {
  const bank = await siteBank(langOfPath(url.pathname, siteBase()));
  const body = params.chapter === "all" ? bank : chapterBank(bank, params.chapter!);
  return new Response(JSON.stringify(body), { headers: { "Content-Type": "application/json" } });
};
