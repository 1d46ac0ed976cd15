"use client";

import { useEffect } from "react";

/** Opens the collapsed section (a <details data-section>) that a link's #fragment points into. */
function openTarget(hash: string): HTMLElement | null {
  const id = decodeURIComponent(hash.replace(/^#/, ""));
  const target = id ? document.getElementById(id) : null;
  if (!target) return null;
  const details =
    target.querySelector<HTMLDetailsElement>(":scope > details[data-section]") ??
    target.closest<HTMLDetailsElement>("details[data-section]");
  if (!details || details.open) return null;
  details.open = true;
  return target;
}

/**
 * Section links jump into sections that may be collapsed: open the section before the browser
 * scrolls to it (on the click, so following the same link twice works too) and when the page
 * opens with a fragment. Without JavaScript a collapsed section opens by tapping its heading.
 */
export function OpenTargetSection() {
  useEffect(() => {
    // The browser scrolled before the section was open: scroll again, now that it has a height.
    openTarget(window.location.hash)?.scrollIntoView();
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.("a[href^='#']");
      if (link) openTarget(link.getAttribute("href")!);
    };
    const onHash = () => openTarget(window.location.hash);
    document.addEventListener("click", onClick, true);
    window.addEventListener("hashchange", onHash);
    return () => {
      document.removeEventListener("click", onClick, true);
      window.removeEventListener("hashchange", onHash);
    };
  }, []);
  return null;
}
