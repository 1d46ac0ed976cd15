import { revalidatePath } from "next/cache";
import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { STATUS } from "@/lib/actions/route";
import { runAction, type ActionContext, type Translate } from "@/lib/actions/run";
import { getViewer } from "@/lib/auth/viewer";
import { createVisitRecord } from "@/lib/data/visits/records";
import { isSameOrigin } from "@/lib/http/same-origin";
import { createVisitRecordSchema } from "@/lib/validation/visit-records";

// Saving a visit record as JSON: the quick log and its offline queue (a queued record cannot replay
// a server action). The same pipeline as every action — same-origin check, session, zod, the data
// layer's scope checks, translated errors — answered with an HTTP status. A repeated clientId
// answers 200 with the record already made; a new record 201.

export const dynamic = "force-dynamic";

/** Three photos of at most 700 kB as base64, plus the text fields. */
const BODY_LIMIT = 3_200_000;

export async function POST(request: Request): Promise<Response> {
  const t = (await getTranslations()) as unknown as Translate;
  const fail = (code: keyof typeof STATUS, status = STATUS[code]) =>
    NextResponse.json({ ok: false, code, message: t(`errors.${code}`) }, { status, headers: NO_STORE });
  if (Number(request.headers.get("content-length") ?? 0) > BODY_LIMIT) return fail("TOO_LARGE");
  const text = await request.text();
  if (text.length > BODY_LIMIT) return fail("TOO_LARGE");
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("VALIDATION");
  }
  const context: ActionContext = {
    sameOrigin: async () => isSameOrigin(request.headers),
    viewer: getViewer,
    translator: async () => t,
  };
  const state = await runAction(context, createVisitRecordSchema, raw, ({ viewer, input }) =>
    createVisitRecord(viewer, input),
  );
  if (state.status === "error") {
    const { code, message, fieldErrors } = state;
    return NextResponse.json(
      { ok: false, code, message, fieldErrors },
      { status: STATUS[code], headers: NO_STORE },
    );
  }
  if (state.status !== "ok" || !state.data) return fail("UNEXPECTED");
  const { record, created } = state.data;
  if (created) {
    revalidatePath("/visits");
    revalidatePath("/");
  }
  return NextResponse.json(
    { ok: true, id: record.id, created },
    { status: created ? 201 : 200, headers: NO_STORE },
  );
}

const NO_STORE = { "Cache-Control": "no-store" };
