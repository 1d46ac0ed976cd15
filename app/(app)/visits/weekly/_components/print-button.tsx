"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog; the page's print styles leave out the app's navigation. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
