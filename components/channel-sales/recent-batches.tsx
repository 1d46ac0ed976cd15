import { getFormatter, getTranslations } from "next-intl/server";
import type { BatchRow } from "@/lib/data/channel-sales/batches";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { TIME_ZONE } from "@/lib/i18n/config";

const TONE = { RUNNING: "info", DONE: "good", FAILED: "bad" } as const;

/** The viewer's recent sales-report imports (an administrator's: everyone's). */
export async function RecentBatches({ batches }: { batches: BatchRow[] }) {
  const [t, format] = await Promise.all([getTranslations("channelSales.batches"), getFormatter()]);
  const tk = await getTranslations("channelSales.kinds");
  return (
    <Card>
      <CardHeader title={t("title")} />
      {batches.length ? (
        <Table caption={t("title")}>
          <thead className="bg-slate-50">
            <tr>
              <Th>{t("when")}</Th>
              <Th>{t("kind")}</Th>
              <Th>{t("file")}</Th>
              <Th>{t("status")}</Th>
              <Th className="text-right">{t("lines")}</Th>
              <Th className="text-right">{t("created")}</Th>
              <Th className="text-right">{t("conflicts")}</Th>
              <Th>{t("by")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {batches.map((b) => (
              <tr key={b.id}>
                <Td className="whitespace-nowrap tabular-nums">
                  {format.dateTime(b.createdAt, {
                    dateStyle: "short",
                    timeStyle: "short",
                    timeZone: TIME_ZONE,
                  })}
                </Td>
                <Td>{tk(b.kind)}</Td>
                <Td className="min-w-32 break-all">{b.fileName}</Td>
                <Td>
                  <Badge tone={TONE[b.status]}>{t(`statuses.${b.status}`)}</Badge>
                </Td>
                <Td className="text-right tabular-nums">{b.total}</Td>
                <Td className="text-right tabular-nums">{b.created}</Td>
                <Td className="text-right tabular-nums">{b.conflicts}</Td>
                <Td className="whitespace-nowrap">{b.actorName}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="px-4 py-6 text-sm text-slate-600">{t("empty")}</p>
      )}
    </Card>
  );
}
