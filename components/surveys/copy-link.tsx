"use client";

import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A personal link in a read-only box with a copy button; where the clipboard is refused, the text is selected. */
export function CopyLink({
  url,
  label,
  labels,
}: {
  url: string;
  label: string;
  labels: { copy: string; copied: string; failed: string };
}) {
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      input.current?.select();
      setState("failed");
    }
  }
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <Input
        ref={input}
        readOnly
        value={url}
        aria-label={label}
        className="min-w-0 flex-1 font-mono text-xs"
        onFocus={(e) => e.currentTarget.select()}
      />
      <Button type="button" variant="secondary" size="sm" onClick={copy}>
        {labels.copy}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-slate-600">
        {state === "copied" ? labels.copied : state === "failed" ? labels.failed : ""}
      </span>
    </div>
  );
}
