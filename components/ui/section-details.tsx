"use client";

import { useState, type ReactNode } from "react";

/**
 * The <details> of a collapsible PageSection. `open` is only the initial state, as in Disclosure:
 * when a save refreshes the page and the default changes (an account just qualified), the section
 * the person is working in stays open.
 */
export function SectionDetails({ open, children }: { open: boolean; children: ReactNode }) {
  const [initiallyOpen] = useState(open);
  return (
    <details
      data-section=""
      open={initiallyOpen}
      className="group rounded-lg border border-slate-200 bg-white shadow-sm"
    >
      {children}
    </details>
  );
}
