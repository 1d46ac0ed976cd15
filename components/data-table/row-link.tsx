"use client";

import Link from "next/link";
import { useState, type ComponentProps } from "react";

/**
 * A link in a table row. A list shows dozens of rows and a person opens one or two of them, so a
 * row is not prefetched when it scrolls into view (that was dozens of requests per list); it is
 * prefetched when the pointer rests on it or it gets focus — the moment it is likely to be opened.
 */
export function RowLink({ onMouseEnter, onFocus, ...props }: Omit<ComponentProps<typeof Link>, "prefetch">) {
  const [likely, setLikely] = useState(false);
  return (
    <Link
      {...props}
      prefetch={likely ? null : false}
      onMouseEnter={(e) => {
        setLikely(true);
        onMouseEnter?.(e);
      }}
      onFocus={(e) => {
        setLikely(true);
        onFocus?.(e);
      }}
    />
  );
}
