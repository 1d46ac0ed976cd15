import { z } from "zod";

/**
 * What the import's confirm step receives besides the file: the SHA-256 digest of the file the
 * check (preview) read, and the batch token it handed out (18 random bytes, base64url).
 */
export const importConfirmationSchema = z.object({
  digest: z.string().regex(/^[0-9a-f]{64}$/),
  batch: z.string().regex(/^[A-Za-z0-9_-]{24}$/),
});

export type ImportConfirmation = z.infer<typeof importConfirmationSchema>;
