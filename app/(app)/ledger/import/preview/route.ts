import { previewLedgerImport } from "@/lib/data/ledger/import";
import { uploadHandler } from "@/lib/actions/import-upload";

/** Checks an uploaded ledger CSV row by row. Writes nothing. */
export const POST = uploadHandler(({ viewer, bytes, t }) => previewLedgerImport(viewer, bytes, t));
