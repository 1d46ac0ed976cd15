"use client";

import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** A board's message after a move (info or error), dismissable; shared by the boards. */
export function Toast({
  message,
  onDismiss,
  label,
}: {
  message: { tone: "info" | "error"; text: ReactNode; at: number };
  onDismiss: () => void;
  label: string;
}) {
  return (
    <div
      key={message.at}
      className={cn(
        "pointer-events-auto flex max-w-xl items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg",
        message.tone === "error"
          ? "border-red-300 bg-red-50 text-red-900"
          : "border-indigo-200 bg-white text-slate-900",
      )}
    >
      <p className="flex-1">{message.text}</p>
      <button
        type="button"
        onClick={onDismiss}
        aria-label={label}
        className="rounded px-1 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span aria-hidden="true">×</span>
      </button>
    </div>
  );
}
