import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import { LanguageSwitch, type SwitchLocale } from "./language-switch";
import { MobileNav } from "./mobile-nav";
import { NotificationBell } from "./notification-bell";
import { NavLinks, type NavSection } from "./nav-links";
import { UserMenu } from "./user-menu";

/** Navigation shows only what exists and what this person may use. */
async function navSections(viewer: Viewer): Promise<NavSection[]> {
  const t = await getTranslations("nav");
  const sections: NavSection[] = [
    {
      items: [
        { href: "/", label: t("home") },
        { href: "/accounts", label: t("accounts") },
        { href: "/accounts/segments", label: t("segments") },
        { href: "/pipeline", label: t("pipeline") },
        { href: "/agreements", label: t("agreements") },
      ],
    },
    {
      label: t("visitsSection"),
      items: [
        { href: "/visits", label: t("visits") },
        { href: "/visits/plans", label: t("visitPlans") },
        { href: "/visits/calendar", label: t("calendar") },
        { href: "/visits/weekly", label: t("weeklyLog") },
        ...(hasCapability(viewer, "visits.team")
          ? [
              { href: "/visits/team", label: t("teamDay") },
              { href: "/visits/approvals", label: t("approvals") },
            ]
          : []),
      ],
    },
    {
      label: t("performanceSection"),
      items: [
        { href: "/dashboard", label: t("dashboard") },
        { href: "/targets", label: t("targets") },
        { href: "/ledger", label: t("ledger") },
        ...(hasCapability(viewer, "kpi.team") ? [{ href: "/budgets", label: t("budgets") }] : []),
        { href: "/reviews", label: t("reviews") },
      ],
    },
    {
      label: t("serviceSection"),
      items: [
        { href: "/complaints", label: t("complaints") },
        { href: "/surveys", label: t("surveys") },
        { href: "/health", label: t("atRisk") },
      ],
    },
    {
      label: t("channelSection"),
      items: [
        { href: "/distributors", label: t("distributors") },
        { href: "/distributors/board", label: t("distributorBoard") },
        { href: "/distributors/layout", label: t("channelLayout") },
        { href: "/channel-agreements", label: t("channelAgreements") },
        { href: "/rebates", label: t("rebates") },
        { href: "/channel-sales", label: t("channelSales") },
        { href: "/receivables", label: t("receivables") },
        { href: "/channel-conflicts", label: t("channelConflicts") },
        { href: "/distributor-scorecards", label: t("distributorScorecards") },
      ],
    },
  ];
  const admin = [
    hasCapability(viewer, "admin.users") && { href: "/admin/users", label: t("users") },
    hasCapability(viewer, "admin.teams") && { href: "/admin/teams", label: t("teams") },
    hasCapability(viewer, "admin.territories") && { href: "/admin/territories", label: t("territories") },
    hasCapability(viewer, "admin.scoring") && { href: "/admin/scoring", label: t("scoring") },
    hasCapability(viewer, "admin.pipeline") && { href: "/admin/pipeline", label: t("pipelineSettings") },
    hasCapability(viewer, "admin.visits") && { href: "/admin/visits", label: t("visitSettings") },
    hasCapability(viewer, "admin.kpi") && { href: "/admin/scorecards", label: t("scorecardSettings") },
    hasCapability(viewer, "admin.kpi") && { href: "/admin/ledger", label: t("ledgerSettings") },
    hasCapability(viewer, "admin.satisfaction") && {
      href: "/admin/satisfaction",
      label: t("satisfactionSettings"),
    },
    hasCapability(viewer, "admin.channels") && { href: "/admin/channels", label: t("channelSettings") },
    hasCapability(viewer, "admin.jobs") && { href: "/admin/jobs", label: t("jobs") },
    hasCapability(viewer, "audit.read") && { href: "/admin/audit", label: t("audit") },
  ].filter((x): x is { href: string; label: string } => Boolean(x));
  if (admin.length) sections.push({ label: t("admin"), items: admin });
  return sections;
}

/** The server actions the shell's controls call; routes own their actions, so the layout passes them in. */
export type ShellActions = { switchLocale: SwitchLocale; signOut: () => Promise<void> };

export async function AppShell({
  viewer,
  actions,
  unreadNotifications = 0,
  children,
}: {
  viewer: Viewer;
  actions: ShellActions;
  /** The bell's count, loaded by the layout. */
  unreadNotifications?: number;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const sections = await navSections(viewer);
  // Printed pages (the weekly contact log) are the page alone: no navigation or header.
  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_1fr] print:block">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      <aside className="hidden border-r border-slate-200 bg-white lg:block print:hidden">
        <div className="sticky top-0 p-4">
          <Link href="/" className="mb-6 block px-3 text-lg font-semibold text-indigo-800">
            Keystone <span className="text-sm font-normal text-slate-600">{t("common.tagline")}</span>
          </Link>
          <nav aria-label={t("nav.main")}>
            <NavLinks sections={sections} />
          </nav>
        </div>
      </aside>
      <div className="min-w-0">
        <header className="sticky top-0 z-30 flex h-12 items-center gap-1 border-b border-slate-200 bg-white/95 px-3 backdrop-blur sm:h-14 sm:gap-2 sm:px-6 print:hidden">
          <MobileNav sections={sections} />
          {/* On the narrowest phones the bell needs the wordmark's room; the menu leads home too. */}
          <Link
            href="/"
            className="hidden h-11 items-center font-semibold text-indigo-800 min-[400px]:inline-flex lg:hidden"
          >
            Keystone
          </Link>
          <div className="ml-auto flex items-center gap-1 sm:gap-2">
            <NotificationBell unread={unreadNotifications} />
            <LanguageSwitch switchLocale={actions.switchLocale} />
            <UserMenu
              name={viewer.name}
              roleLabel={viewer.jobTitle || t(`roles.${viewer.role}`)}
              signOut={actions.signOut}
            />
          </div>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-3 py-6 sm:px-6">
          {children}
        </main>
      </div>
    </div>
  );
}
