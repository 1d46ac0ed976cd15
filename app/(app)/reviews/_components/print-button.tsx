"use client";

import { Button } from "@/components/ui/button";

/** Prints the review (the print styles leave the shell, forms and buttons out). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className="print:hidden">
      {label}
    </Button>
  );
}
