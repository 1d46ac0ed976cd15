import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

/** The "Log a visit" button (home, account page, visit pages): big on a phone, where it is used. */
export function LogVisitLink({
  href = "/visits/new",
  children,
  className,
}: {
  href?: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Link href={href} className={cn(buttonClass("primary"), "h-12 px-5 text-base sm:h-11", className)}>
      {children}
    </Link>
  );
}

/** A text link with a finger-sized target on phones. */
export function TextLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex min-h-11 items-center text-sm font-medium text-indigo-800 underline-offset-2 hover:underline sm:min-h-0"
    >
      {children}
    </Link>
  );
}
