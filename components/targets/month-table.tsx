import type { Months } from "@/lib/domain/targets";
import { yearTotal } from "@/lib/domain/targets";
import { Table, Td, Th } from "@/components/ui/table";

/** A set's months as a table (reads on a phone): one row per month, one column per figure, a total. */
export function MonthTable({
  caption,
  monthLabels,
  monthHeader,
  totalLabel,
  columns,
  format,
  notSet,
}: {
  caption: string;
  monthLabels: string[];
  monthHeader: string;
  totalLabel: string;
  columns: { label: string; months: Months | null }[];
  format: (v: bigint) => string;
  notSet: string;
}) {
  return (
    <Table caption={caption} className="tabular-nums">
      <thead className="bg-slate-50">
        <tr>
          <Th>{monthHeader}</Th>
          {columns.map((c) => (
            <Th key={c.label} className="text-right">
              {c.label}
            </Th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-200">
        {monthLabels.map((label, i) => (
          <tr key={label}>
            <Th scope="row" className="font-normal">
              {label}
            </Th>
            {columns.map((c) => (
              <Td key={c.label} className="text-right">
                {c.months ? format(c.months[i]!) : <span className="text-slate-500">{notSet}</span>}
              </Td>
            ))}
          </tr>
        ))}
        <tr className="bg-slate-50 font-semibold">
          <Th scope="row">{totalLabel}</Th>
          {columns.map((c) => (
            <Td key={c.label} className="text-right" data-total={c.label}>
              {c.months ? format(yearTotal(c.months)) : <span className="text-slate-500">{notSet}</span>}
            </Td>
          ))}
        </tr>
      </tbody>
    </Table>
  );
}
