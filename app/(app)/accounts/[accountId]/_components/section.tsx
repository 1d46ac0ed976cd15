import type { ReactNode } from "react";
import { PageSection } from "@/components/ui/page-section";

// In the page's order: what a person comes for first (deals, contacts, decision makers), then the
// parts that open on a tap. The deals section (its own markup) is not in this list.
export const SECTIONS = ["contacts", "map", "value", "qualification", "profile", "activity"] as const;
export type SectionId = (typeof SECTIONS)[number];

/** A section of the account page (only the page's own section ids). */
export function Section(props: {
  id: SectionId;
  title: string;
  description?: ReactNode;
  collapsible?: boolean;
  open?: boolean;
  children: ReactNode;
}) {
  return <PageSection {...props} />;
}
