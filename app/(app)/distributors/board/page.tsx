import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { RecruitmentBoard } from "@/components/distributors/recruitment-board";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { assertCapability } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/viewer";
import { loadDistributorBoard } from "@/lib/data/distributors/board";
import { hasCapability } from "@/lib/domain/access";
import { ClientI18nProvider } from "@/lib/i18n/client";
import { moveDistributorAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("distributors");
  return { title: t("board.title") };
}

/** 招募看板: the viewer's distributors by lifecycle stage. */
export default async function RecruitmentBoardPage() {
  const viewer = await requireViewer();
  assertCapability(viewer, "channel.read");
  const [columns, t, messages, locale] = await Promise.all([
    loadDistributorBoard(viewer),
    getTranslations("distributors"),
    getMessages(),
    getLocale(),
  ]);
  // The board's client texts (the root layout provides only the shared namespaces).
  const clientMessages = {
    common: messages.common,
    errors: messages.errors,
    distributors: messages.distributors,
  };
  const canMove = hasCapability(viewer, "channel.write");
  return (
    <div className="space-y-4">
      <PageHeader
        title={t("board.title")}
        description={t("board.subtitle")}
        actions={
          <>
            {canMove ? (
              <Link href="/distributors/new" className={buttonClass("primary", "sm")}>
                {t("new")}
              </Link>
            ) : null}
            <Link href="/distributors" className={buttonClass("secondary", "sm")}>
              {t("links.list")}
            </Link>
            <Link href="/distributors/layout" className={buttonClass("secondary", "sm")}>
              {t("links.layout")}
            </Link>
          </>
        }
      />
      <ClientI18nProvider
        locale={locale}
        messages={clientMessages as Parameters<typeof ClientI18nProvider>[0]["messages"]}
      >
        <RecruitmentBoard
          columns={columns}
          canMove={canMove}
          canReopen={hasCapability(viewer, "channel.approve")}
          moveDistributor={moveDistributorAction}
        />
      </ClientI18nProvider>
    </div>
  );
}
