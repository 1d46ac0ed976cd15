import "server-only";
import { db, type Prisma } from "@/lib/db";
import type { Viewer } from "@/lib/domain/access";
import type { AgreementStatus } from "@/lib/domain/channel-agreements";
import { distributorScopeWhere } from "../distributors/scope";

export const AGREEMENT_PAGE_SIZE = 50;

/** Agreements the viewer may see, newest first, filtered by status and distributor, a page at a time. */
export async function listAgreements(
  viewer: Viewer,
  query: { status?: AgreementStatus; distributorId?: string; page?: number },
) {
  const page = Math.max(1, query.page ?? 1);
  const where: Prisma.ChannelAgreementWhereInput = {
    deletedAt: null,
    distributor: { deletedAt: null, ...(await distributorScopeWhere(viewer)) },
    ...(query.status ? { status: query.status } : {}),
    ...(query.distributorId ? { distributorId: query.distributorId } : {}),
  };
  const [rows, total] = await Promise.all([
    db.channelAgreement.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { number: "desc" }],
      skip: (page - 1) * AGREEMENT_PAGE_SIZE,
      take: AGREEMENT_PAGE_SIZE,
      select: {
        id: true,
        number: true,
        status: true,
        currentVersionNo: true,
        signedAt: true,
        distributor: { select: { id: true, code: true, name: true } },
        versions: {
          orderBy: { number: "desc" },
          take: 1,
          select: { startsOn: true, endsOn: true, annualTarget: true },
        },
      },
    }),
    db.channelAgreement.count({ where }),
  ]);
  return {
    rows: rows.map(({ versions, ...r }) => ({ ...r, current: versions[0] ?? null })),
    total,
    page,
    pageSize: AGREEMENT_PAGE_SIZE,
  };
}
