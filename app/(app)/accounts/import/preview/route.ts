import { previewAccountImport } from "@/lib/data/account-import";
import { handleUpload } from "../upload";

/** Checks an uploaded CSV row by row. Writes nothing. */
export async function POST(request: Request) {
  return handleUpload(request, ({ viewer, bytes, t }) => previewAccountImport(viewer, bytes, t));
}
