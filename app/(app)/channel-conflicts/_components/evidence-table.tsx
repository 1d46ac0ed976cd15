import { Table, Td, Th } from "@/components/ui/table";
import type { EvidenceLine } from "@/lib/data/channel-conflicts/detail";

/** The sell-out lines that showed the conflict, as the distributor reported them. */
export function EvidenceTable({
  lines,
  labels,
  name,
  day,
  money,
}: {
  lines: EvidenceLine[];
  labels: Record<
    "caption" | "date" | "customer" | "region" | "product" | "quantity" | "price" | "amount",
    string
  >;
  name: (v: { name: string; nameEn: string } | null) => string;
  day: (d: Date) => string;
  money: (fen: bigint) => string;
}) {
  return (
    <Table caption={labels.caption} data-testid="conflict-evidence">
      <thead>
        <tr>
          <Th>{labels.date}</Th>
          <Th>{labels.customer}</Th>
          <Th>{labels.region}</Th>
          <Th>{labels.product}</Th>
          <Th className="text-right">{labels.quantity}</Th>
          <Th className="text-right">{labels.price}</Th>
          <Th className="text-right">{labels.amount}</Th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.id}>
            <Td className="whitespace-nowrap tabular-nums">{day(l.soldOn)}</Td>
            <Td className="min-w-32 break-words">{l.customerName}</Td>
            <Td>{l.territory ? name(l.territory) : (l.regionText ?? "—")}</Td>
            <Td>{name(l.product)}</Td>
            <Td className="text-right tabular-nums">{l.quantity}</Td>
            <Td className="text-right tabular-nums">{money(l.unitPrice)}</Td>
            <Td className="text-right tabular-nums">{money(l.amount)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
