import { CSV_BOM, formatCsvRecord, type CsvValue } from "@/lib/domain/csv";

/**
 * A CSV file streamed batch by batch (an export of many thousand rows never sits in memory whole):
 * the byte-order mark so Excel reads UTF-8, the header record, then each batch's records. Closing
 * the download early stops reading batches.
 */
export function csvDownload<T>(opts: {
  /** The header record's fields. */
  header: readonly CsvValue[];
  batches: AsyncGenerator<T[]>;
  /** One record's fields (written by formatCsvRecord, which guards formula-like cells). */
  line: (row: T) => readonly CsvValue[];
  fileName: string;
}): Response {
  const encoder = new TextEncoder();
  const { batches } = opts;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + formatCsvRecord(opts.header)));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) controller.close();
        else
          controller.enqueue(
            encoder.encode(next.value.map((row) => formatCsvRecord(opts.line(row))).join("")),
          );
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${opts.fileName}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
