"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/**
 * A native <details> disclosure for forms that are not needed every time (edit profile, add a
 * contact): it opens without JavaScript and keeps the page short on a phone. `open` is only the
 * initial state: when the page refreshes after a save (e.g. the first contact was added, so the
 * form is no longer open by default), the disclosure stays as the person left it.
 *
 * `lazy` leaves a closed disclosure's content out of the HTML until it is first opened (a page
 * with an edit form per contact otherwise sends every form's markup); it needs JavaScript to open.
 */
export function Disclosure({
  summary,
  children,
  open,
  lazy = false,
  className,
  tone = "default",
}: {
  summary: ReactNode;
  children: ReactNode;
  open?: boolean;
  lazy?: boolean;
  className?: string;
  tone?: "default" | "danger";
}) {
  const [initiallyOpen] = useState(open);
  const [opened, setOpened] = useState(Boolean(open));
  const ref = useRef<HTMLDetailsElement>(null);
  // Opened before the page's JavaScript ran: render the content now.
  useEffect(() => {
    if (ref.current?.open) setOpened(true);
  }, []);
  return (
    <details
      ref={ref}
      open={initiallyOpen}
      onToggle={(e) => e.currentTarget.open && setOpened(true)}
      className={cn("group", className)}
    >
      <summary
        className={cn(
          "inline-flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 sm:min-h-0 [&::-webkit-details-marker]:hidden",
          tone === "danger" ? "text-red-800" : "text-indigo-800",
        )}
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 16 16"
          className="h-4 w-4 transition-transform group-open:rotate-90"
          fill="none"
          stroke="currentColor"
          strokeWidth={2}
        >
          <path d="M6 4l4 4-4 4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="underline-offset-2 hover:underline">{summary}</span>
      </summary>
      <div className="mt-4">{!lazy || opened ? children : null}</div>
    </details>
  );
}
