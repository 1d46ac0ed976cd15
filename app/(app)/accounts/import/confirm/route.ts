import { revalidatePath } from "next/cache";
import { confirmAccountImport } from "@/lib/data/account-import";
import { uploadHandler } from "@/lib/actions/import-upload";

/**
 * Imports an uploaded CSV: the file is sent again with the digest and the batch token the check
 * returned, and is parsed and validated again here — nothing from the preview is trusted. The
 * batch token makes a second confirm of the same check answer with the first one's result.
 */
export const POST = uploadHandler(async ({ viewer, bytes, fields, t }) => {
  const text = (name: string) => {
    const value = fields.get(name);
    return typeof value === "string" ? value : "";
  };
  const result = await confirmAccountImport(viewer, bytes, t, {
    digest: text("digest"),
    batch: text("batch"),
  });
  if (result.ok && !result.alreadyConfirmedAt && (result.created || result.updated)) {
    revalidatePath("/accounts", "layout");
    revalidatePath("/");
  }
  return result;
});
