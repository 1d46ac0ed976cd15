"use client";

import { useEffect } from "react";

/**
 * Brings a part of the page into view on arrival (e.g. the board sends a card dropped on 赢单 to
 * the deal's win form) and moves the keyboard focus to its first field.
 */
export function ScrollIntoView({ targetId }: { targetId: string }) {
  useEffect(() => {
    const target = document.getElementById(targetId);
    if (!target) return;
    target.scrollIntoView({ block: "start" });
    target.querySelector<HTMLElement>("input:not([type=hidden]), select, textarea")?.focus({
      preventScroll: true,
    });
  }, [targetId]);
  return null;
}
