import { getTranslations } from "next-intl/server";
import { SECTIONS } from "./section";

/**
 * Jump links to the page's sections. Plain anchors, so they work before (or without) JavaScript;
 * on a phone the row scrolls sideways and stays under the top bar.
 */
export async function SectionNav() {
  const [t, td] = await Promise.all([
    getTranslations("accountPage.sections"),
    getTranslations("deal.accountSection"),
  ]);
  // The deals section (开发项目) sits between qualification and contacts.
  const links = SECTIONS.flatMap((id) =>
    id === "contacts"
      ? [
          { id: "deals", label: td("nav") },
          { id, label: t(id) },
        ]
      : [{ id, label: t(id) }],
  );
  return (
    <nav
      aria-label={t("label")}
      className="sticky top-14 z-20 -mx-3 border-b border-slate-200 bg-slate-50/95 px-3 backdrop-blur sm:-mx-6 sm:px-6"
    >
      <ul className="flex gap-1 overflow-x-auto py-2 text-sm">
        {links.map(({ id, label }) => (
          <li key={id} className="shrink-0">
            <a
              href={`#${id}`}
              className="block whitespace-nowrap rounded-md px-3 py-1.5 font-medium text-slate-700 hover:bg-white hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
            >
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
