import type { ReactNode } from "react";
import { SectionDetails } from "./section-details";

/**
 * A part of a long page (account, deal): an anchor that section links jump to, with its heading.
 * The scroll margin clears the sticky top bar and section tabs (see section-tabs.tsx).
 *
 * `collapsible` puts the content under the heading in a native <details> (it works without
 * JavaScript), closed unless `open`: for the parts a person does not come for every time, which
 * keeps a phone's page short. Links into it open it (OpenTargetSection).
 */
export function PageSection({
  id,
  title,
  description,
  collapsible = false,
  open = false,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  collapsible?: boolean;
  open?: boolean;
  children: ReactNode;
}) {
  const heading = (
    <h2 id={`${id}-heading`} className="text-xl font-semibold text-slate-900">
      {title}
    </h2>
  );
  const intro = description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null;
  if (collapsible) {
    return (
      <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-28">
        <SectionDetails open={open}>
          <summary className="flex min-h-14 cursor-pointer list-none items-center gap-3 rounded-lg px-4 py-3 focus-visible:outline-2 focus-visible:outline-indigo-600 [&::-webkit-details-marker]:hidden">
            <div className="min-w-0 flex-1">
              {heading}
              {intro}
            </div>
            <svg
              aria-hidden="true"
              viewBox="0 0 16 16"
              className="h-5 w-5 shrink-0 text-slate-500 transition-transform group-open:rotate-90"
              fill="none"
              stroke="currentColor"
              strokeWidth={2}
            >
              <path d="M6 4l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </summary>
          <div className="space-y-4 border-t border-slate-200 bg-slate-50 p-3 sm:p-4">{children}</div>
        </SectionDetails>
      </section>
    );
  }
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-28 space-y-4">
      <div>
        {heading}
        {intro}
      </div>
      {children}
    </section>
  );
}

/** A labelled value in a definition list. */
export function Field({
  label,
  children,
  className,
}: {
  label: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <dt className="text-xs font-medium text-slate-600">{label}</dt>
      <dd className="mt-0.5 break-words text-sm text-slate-900">{children}</dd>
    </div>
  );
}
