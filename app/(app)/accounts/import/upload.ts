import "server-only";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { getViewer } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/domain/access";
import { MAX_IMPORT_BYTES, type Translate } from "@/lib/domain/account-import";
import { isAppError, isDatabaseUnavailable } from "@/lib/errors";

// The two upload endpoints of the import (check, then import). They are route handlers rather than
// server actions because a file of up to 5 MB is above the server actions' 1 MB body limit.
// They do what the action pipeline does: same-origin check → session → input → lib/data → errors.

type Failure = { ok: false; message: string };

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return !!origin && new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Runs `work` with the viewer, the uploaded file's bytes and the other form fields; answers JSON. */
export async function handleUpload<T>(
  request: Request,
  work: (args: { viewer: Viewer; bytes: Uint8Array; fields: FormData; t: Translate }) => Promise<T>,
): Promise<NextResponse<T | Failure>> {
  const t = (await getTranslations()) as unknown as Translate;
  const fail = (status: number, message: string) =>
    NextResponse.json<Failure>({ ok: false, message }, { status });
  try {
    if (!sameOrigin(request)) return fail(403, t("errors.INVALID_ORIGIN"));
    const viewer = await getViewer();
    if (!viewer) return fail(401, t("errors.UNAUTHENTICATED"));
    // Refuse an oversized upload before reading it (multipart adds a little around the file).
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_IMPORT_BYTES + 64 * 1024) {
      return fail(413, t("accountTools.import.fileProblems.tooLarge", { max: 5 }));
    }
    let fields: FormData;
    try {
      fields = await request.formData();
    } catch {
      // A body cut short or not multipart: nothing to read, and nothing the person did wrong.
      return fail(400, t("accountTools.import.fileProblems.uploadFailed"));
    }
    const file = fields.get("file");
    if (!file || typeof file === "string") return fail(400, t("accountTools.import.chooseFile"));
    const bytes = new Uint8Array(await file.arrayBuffer());
    return NextResponse.json(await work({ viewer, bytes, fields, t }));
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "CONFLICT") return fail(409, t("accountTools.import.fileProblems.changedMeanwhile"));
      return fail(
        error.code === "FORBIDDEN" || error.code === "NOT_FOUND" ? 403 : 400,
        t(`errors.${error.code}`),
      );
    }
    if (isDatabaseUnavailable(error)) return fail(503, t("errors.DB_UNAVAILABLE"));
    console.error("[import] unexpected error", error);
    return fail(500, t("errors.UNEXPECTED"));
  }
}
