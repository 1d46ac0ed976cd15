import { revalidatePath } from "next/cache";
import { runChannelImport } from "@/lib/data/channel-sales/import";
import { fileDigest } from "@/lib/data/channel-sales/walk";
import { batchIdSchema } from "@/lib/validation/channel-sales";
import { channelUpload, fileProblemMessage, rowReport } from "../upload";

/**
 * Imports a checked sales report: the file comes again with the digest and the batch token of its
 * check, and is read and validated again. The token makes a second confirm answer the first's result.
 */
export const POST = channelUpload(async ({ viewer, bytes, kind, fields, fileName, t }) => {
  const batch = batchIdSchema.safeParse(fields.get("batch"));
  if (!batch.success || fields.get("digest") !== fileDigest(bytes))
    return fileProblemMessage({ ok: false, problem: "changedSincePreview" }, t);
  const result = await runChannelImport(viewer, { kind, fileName, bytes, batchId: batch.data });
  if (!result.ok) {
    if (result.problem === "rowsRejected" && "rows" in result)
      return {
        ...fileProblemMessage(
          { ok: false, problem: "rowsRejected", values: { rejected: result.rejected, total: result.total } },
          t,
        ),
        rows: rowReport(result.rows, t),
      };
    return fileProblemMessage(result, t);
  }
  if (result.created) {
    revalidatePath("/channel-sales", "layout");
    revalidatePath("/distributors", "layout");
    revalidatePath("/channel-conflicts", "layout");
  }
  return {
    ...result,
    opened: result.opened.map((o) => ({ ...o, kindLabel: t(`channelSales.conflictKinds.${o.kind}`) })),
  };
});
