import Link from "next/link";
import { getTranslations } from "next-intl/server";

/**
 * The bell in the header: a link to /notifications whose accessible name carries the unread count
 * ("Notifications, 3 unread"); the badge shows it to the eye. The layout loads the count (one
 * indexed COUNT).
 */
export async function NotificationBell({ unread }: { unread: number }) {
  const t = await getTranslations("visitPlans.notifications");
  const shown = unread > 99 ? "99+" : String(unread);
  return (
    <Link
      href="/notifications"
      aria-label={unread ? t("bellUnread", { count: unread }) : t("bell")}
      className="relative inline-flex h-11 w-11 items-center justify-center rounded-md text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      data-testid="notification-bell"
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-6 w-6"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
      >
        <path d="M6 9a6 6 0 1 1 12 0c0 4 1.5 6 2.5 7H3.5C4.5 15 6 13 6 9Z" strokeLinejoin="round" />
        <path d="M10 19a2 2 0 0 0 4 0" strokeLinecap="round" />
      </svg>
      {unread ? (
        <span
          aria-hidden="true"
          className="absolute right-0.5 top-0.5 inline-flex min-w-5 items-center justify-center rounded-full bg-red-700 px-1 text-xs font-semibold leading-5 text-white"
        >
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
