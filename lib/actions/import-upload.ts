import "server-only";
import { NextResponse } from "next/server";
import { routeFailure, routeHandler } from "@/lib/actions/route";
import type { Viewer } from "@/lib/domain/access";
import { MAX_IMPORT_BYTES, type Translate } from "@/lib/domain/account-import";
import { isAppError } from "@/lib/errors";

// The two upload endpoints of a CSV import (check, then import), for accounts and the sales ledger.
// They are route handlers rather than server actions because a file of up to 5 MB is above the server actions' 1 MB body limit; the
// route pipeline (lib/actions/route.ts) does what the action pipeline does.

/** Runs `work` with the viewer, the uploaded file's bytes and the other form fields; answers JSON. */
export function uploadHandler<T>(
  work: (args: { viewer: Viewer; bytes: Uint8Array; fields: FormData; t: Translate }) => Promise<T>,
  /** The message for a CONFLICT (another change got in between check and import). */
  conflictKey = "accountTools.import.fileProblems.changedMeanwhile",
) {
  return routeHandler(
    async (request, { viewer, t }) => {
      // Refuse an oversized upload before reading it (multipart adds a little around the file).
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > MAX_IMPORT_BYTES + 64 * 1024)
        return routeFailure(t, "TOO_LARGE", t("accountTools.import.fileProblems.tooLarge", { max: 5 }));
      let fields: FormData;
      try {
        fields = await request.formData();
      } catch {
        // A body cut short or not multipart: nothing to read, and nothing the person did wrong.
        return routeFailure(t, "VALIDATION", t("accountTools.import.fileProblems.uploadFailed"));
      }
      const file = fields.get("file");
      if (!file || typeof file === "string")
        return routeFailure(t, "VALIDATION", t("accountTools.import.chooseFile"));
      const bytes = new Uint8Array(await file.arrayBuffer());
      return NextResponse.json(await work({ viewer, bytes, fields, t }));
    },
    {
      // Another import changed the same accounts between the check and the confirm.
      onError: (error, t) =>
        isAppError(error) && error.code === "CONFLICT" ? routeFailure(t, "CONFLICT", t(conflictKey)) : null,
    },
  );
}
