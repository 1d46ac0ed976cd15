import "server-only";
import { NextResponse } from "next/server";
import { routeFailure, routeHandler } from "@/lib/actions/route";
import type { Translate } from "@/lib/actions/run";
import type { FileProblem, RowReport } from "@/lib/data/channel-sales/walk";
import { hasCapability, type Viewer } from "@/lib/domain/access";
import type { ChannelImportKind } from "@/lib/domain/channel-sales";
import { forbidden } from "@/lib/errors";
import { channelImportKindSchema } from "@/lib/validation/channel-sales";

// The two upload endpoints of the sales-report import (check, then import). Route handlers rather
// than server actions: a report of up to 8 MB is above the actions' body limit (and below the
// proxy's 10 MB body buffer). routeHandler authenticates and checks the origin; here the
// capability, the size, the form and the kind are checked before the data layer sees the bytes.

export const MAX_UPLOAD_BYTES = 8 * 1024 * 1024;

export type UploadArgs = {
  viewer: Viewer;
  bytes: Uint8Array;
  kind: ChannelImportKind;
  fields: FormData;
  fileName: string;
  t: Translate;
};

export function channelUpload<T>(work: (args: UploadArgs) => Promise<T>) {
  return routeHandler(async (request, { viewer, t }) => {
    if (!hasCapability(viewer, "channel.write")) throw forbidden();
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > MAX_UPLOAD_BYTES + 64 * 1024)
      return routeFailure(t, "TOO_LARGE", t("channelSales.import.fileProblems.tooLarge", { max: 8 }));
    let fields: FormData;
    try {
      fields = await request.formData();
    } catch {
      return routeFailure(t, "VALIDATION", t("channelSales.import.fileProblems.uploadFailed"));
    }
    const file = fields.get("file");
    if (!file || typeof file === "string")
      return routeFailure(t, "VALIDATION", t("channelSales.import.chooseFile"));
    if (file.size > MAX_UPLOAD_BYTES)
      return routeFailure(t, "TOO_LARGE", t("channelSales.import.fileProblems.tooLarge", { max: 8 }));
    const kind = channelImportKindSchema.safeParse(fields.get("kind"));
    if (!kind.success) return routeFailure(t, "VALIDATION");
    const bytes = new Uint8Array(await file.arrayBuffer());
    const body = await work({ viewer, bytes, kind: kind.data, fields, fileName: file.name, t });
    return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  });
}

/** A file problem as the page shows it. */
export const fileProblemMessage = (p: FileProblem, t: Translate) => ({
  ok: false as const,
  message: t(`channelSales.import.fileProblems.${p.problem}`, p.values),
});

/** The row report with messages: "Date: Not a date (e.g. 2026-03-05)." */
export const rowReport = (rows: RowReport[], t: Translate) =>
  rows.map((r) => ({
    row: r.row,
    problems: r.problems.map((p) => ({
      column: p.field ? t(`channelSales.fields.${p.field}`) : null,
      message: t(`channelSales.import.problems.${p.key}`, p.values),
    })),
  }));
