import { getTranslations } from "next-intl/server";

export const DEAL_SECTIONS = ["checklist", "work", "history", "map", "activity"] as const;

/** Jump links to the deal page's parts; plain anchors, sticky under the top bar. */
export async function DealNav({ sections }: { sections: readonly (typeof DEAL_SECTIONS)[number][] }) {
  const t = await getTranslations("deal.sections");
  return (
    <nav
      aria-label={t("label")}
      className="sticky top-14 z-20 -mx-3 border-b border-slate-200 bg-slate-50/95 px-3 backdrop-blur sm:-mx-6 sm:px-6"
    >
      <ul className="flex gap-1 overflow-x-auto py-2 text-sm">
        {sections.map((id) => (
          <li key={id} className="shrink-0">
            <a
              href={`#${id}`}
              className="block whitespace-nowrap rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-white hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {t(id)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
