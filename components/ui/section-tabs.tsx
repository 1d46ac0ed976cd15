/**
 * Jump links to the parts of a long page (account, deal): plain anchors, so they work before (or
 * without) JavaScript. The row sticks under the top bar and scrolls sideways on a phone. Heights are
 * budgeted with the shell: top bar 48 px + this row 45 px on a phone (56 + 41 from sm up), which
 * PageSection's scroll margin (7 rem) clears, so a heading jumped to is never under them.
 */
export function SectionTabs({ label, links }: { label: string; links: { id: string; label: string }[] }) {
  return (
    <nav
      aria-label={label}
      data-section-tabs=""
      className="sticky top-12 z-20 -mx-3 border-b border-slate-200 bg-slate-50/95 px-3 backdrop-blur sm:top-14 sm:-mx-6 sm:px-6"
    >
      <ul className="flex gap-1 overflow-x-auto text-sm sm:py-0.5">
        {links.map(({ id, label: text }) => (
          <li key={id} className="shrink-0">
            <a
              href={`#${id}`}
              className="flex h-11 items-center whitespace-nowrap rounded-md px-3 font-medium text-slate-700 hover:bg-white hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600 sm:h-9"
            >
              {text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
