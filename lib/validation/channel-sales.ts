import { z } from "zod";
import { queryDate, queryId, queryInt, queryText } from "./primitives";

// The sales-report pages' state from the URL (a bad value falls back, never fails), and the
// kind of an upload.

export const CHANNEL_IMPORT_KINDS = ["SELL_IN", "SELL_OUT"] as const;
export const channelImportKindSchema = z.enum(CHANNEL_IMPORT_KINDS);

export const channelLinesQuerySchema = z.object({
  kind: z.enum(CHANNEL_IMPORT_KINDS).catch("SELL_OUT").default("SELL_OUT"),
  distributorId: queryId,
  productId: queryId,
  from: queryDate,
  to: queryDate,
  q: queryText(100),
  flagged: z.enum(["1"]).optional().catch(undefined),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
  page: queryInt(1, 100_000, 1),
  pageSize: queryInt(10, 100, 25),
});
export type ChannelLinesQuery = z.output<typeof channelLinesQuerySchema>;

export const inventoryQuerySchema = z.object({
  over: z.enum(["1"]).optional().catch(undefined),
  page: queryInt(1, 100_000, 1),
});

/** A batch id as the preview hands it out (a UUID). */
export const batchIdSchema = z.string().uuid();
