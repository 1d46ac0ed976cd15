import { previewAccountImport } from "@/lib/data/account-import";
import { uploadHandler } from "@/lib/actions/import-upload";

/** Checks an uploaded CSV row by row. Writes nothing. */
export const POST = uploadHandler(({ viewer, bytes, t }) => previewAccountImport(viewer, bytes, t));
