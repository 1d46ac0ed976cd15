import { revalidatePath } from "next/cache";
import { confirmAccountImport } from "@/lib/data/account-import";
import { handleUpload } from "../upload";

/**
 * Imports an uploaded CSV: the file is sent again with the digest the check returned, and is
 * parsed and validated again here — nothing from the preview is trusted.
 */
export async function POST(request: Request) {
  return handleUpload(request, async ({ viewer, bytes, fields, t }) => {
    const digest = fields.get("digest");
    const result = await confirmAccountImport(viewer, bytes, t, typeof digest === "string" ? digest : "");
    if (result.ok && (result.created || result.updated)) {
      revalidatePath("/accounts", "layout");
      revalidatePath("/");
    }
    return result;
  });
}
