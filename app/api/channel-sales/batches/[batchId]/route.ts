import { NextResponse } from "next/server";
import { routeFailure, routeHandler } from "@/lib/actions/route";
import { batchProgress } from "@/lib/data/channel-sales/batches";
import { hasCapability } from "@/lib/domain/access";
import { forbidden } from "@/lib/errors";
import { batchIdSchema } from "@/lib/validation/channel-sales";

/**
 * How far the viewer's own sales-report import is ({ status, processed, total }), polled by the
 * import page's progress bar. Another person's batch answers 404.
 */
export const GET = routeHandler(async (request, { viewer, t }) => {
  if (!hasCapability(viewer, "channel.write")) throw forbidden();
  const id = batchIdSchema.safeParse(new URL(request.url).pathname.split("/").pop());
  if (!id.success) return routeFailure(t, "NOT_FOUND");
  return NextResponse.json(await batchProgress(viewer, id.data), {
    headers: { "Cache-Control": "no-store" },
  });
});
