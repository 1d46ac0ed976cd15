import { previewChannelImport } from "@/lib/data/channel-sales/preview";
import { MAX_REPORTED_ROWS } from "@/lib/data/channel-sales/walk";
import { channelUpload, fileProblemMessage, rowReport } from "../upload";

/** Checks an uploaded sales report row by row and detects its conflicts. Writes nothing. */
export const POST = channelUpload(async ({ viewer, bytes, kind, t }) => {
  const preview = await previewChannelImport(viewer, { kind, bytes });
  if (!preview.ok) return fileProblemMessage(preview, t);
  return {
    ...preview,
    problems: rowReport(preview.problems, t),
    problemsShown: Math.min(preview.rejected, MAX_REPORTED_ROWS),
    detections: preview.detections.map((d) => ({
      ...d,
      kindLabel: t(`channelSales.conflictKinds.${d.kind}`),
    })),
    sample: preview.sample.map((s) => ({
      ...s,
      flags: s.flags.map((k) => t(`channelSales.conflictKinds.${k}`)),
    })),
  };
});
