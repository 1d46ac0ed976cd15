import { revalidatePath } from "next/cache";
import { confirmLedgerImport } from "@/lib/data/ledger/import";
import { uploadHandler } from "@/lib/actions/import-upload";

/**
 * Imports an uploaded ledger CSV: the file comes again with the digest and the batch token the
 * check returned, and is read and validated again here. The token makes a second confirm of the
 * same check answer with the first one's result.
 */
export const POST = uploadHandler(async ({ viewer, bytes, fields, t }) => {
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === "string" ? value : "";
  };
  const result = await confirmLedgerImport(viewer, bytes, t, {
    digest: text("digest"),
    batch: text("batch"),
  });
  if (result.ok && !result.alreadyConfirmedAt && (result.created || result.updated)) {
    revalidatePath("/ledger", "layout");
    revalidatePath("/accounts", "layout");
  }
  return result;
}, "ledger.import.fileProblems.changedMeanwhile");
