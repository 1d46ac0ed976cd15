"use client";

import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on <dialog>, opened with show() and made modal here: a backdrop over the page,
 * aria-modal, focus kept inside (Tab wraps), Escape closes, and focus goes back where it was.
 * Not showModal(): making the whole board inert and back costs a style pass over every element,
 * which on a 2,000-card board is most of the time between the drop and the checklist appearing.
 * Mounted only while open.
 */
export function Modal({
  title,
  onClose,
  children,
  className,
  sheet = false,
}: {
  title: ReactNode;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** A side panel at the right edge (a sheet from the bottom on phones) instead of a centred box. */
  sheet?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.show();
    dialog.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    // Escape closes it even when focus was lost to the page (content replaced after a save).
    const onEscape = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape" && !e.defaultPrevented && dialog.open) dialog.close();
    };
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("keydown", onEscape);
      // Back to where focus was, unless it has gone somewhere on purpose (another dialog, a card).
      const now = document.activeElement;
      const lost = !now || now === document.body || dialog.contains(now);
      if (lost && previous?.isConnected) previous.focus();
    };
  }, []);
  const onKeyDown = (e: KeyboardEvent<HTMLDialogElement>) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.currentTarget.close();
      return;
    }
    if (e.key !== "Tab") return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };
  return (
    <>
      <div aria-hidden="true" className="fixed inset-0 z-50 bg-slate-900/50" />
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        aria-modal="true"
        tabIndex={-1}
        onClose={onClose}
        onKeyDown={onKeyDown}
        className={cn(
          "fixed inset-0 z-50 bg-white p-0 text-slate-900 shadow-xl",
          sheet
            ? "mx-0 mt-auto mb-0 h-fit max-h-[92dvh] w-full max-w-none rounded-t-lg sm:mt-0 sm:mr-0 sm:ml-auto sm:h-dvh sm:max-h-dvh sm:w-[min(40rem,100vw)] sm:rounded-none"
            : "m-auto h-fit w-[min(34rem,calc(100vw-1.5rem))] rounded-lg",
          className,
        )}
      >
        <div
          className={cn(
            "overflow-y-auto p-4 sm:p-5",
            sheet ? "max-h-[92dvh] sm:h-full sm:max-h-none" : "max-h-[85dvh]",
          )}
        >
          <h2 id={titleId} className="text-lg font-semibold text-slate-900">
            {title}
          </h2>
          {children}
        </div>
      </dialog>
    </>
  );
}

/** Closes the <dialog> this button is in (its close event then unmounts it). */
export const closeDialog = (from: HTMLElement) => from.closest("dialog")?.close();
