import type { ReactNode } from "react";
import { PageSection } from "@/components/ui/page-section";

export const SECTIONS = ["profile", "value", "qualification", "contacts", "map", "activity"] as const;
export type SectionId = (typeof SECTIONS)[number];

/** A section of the account page (only the page's own section ids). */
export function Section(props: {
  id: SectionId;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return <PageSection {...props} />;
}
