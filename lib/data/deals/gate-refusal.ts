import "server-only";
import type { GateRefusal } from "@/lib/domain/pipeline";
import { AppError } from "@/lib/errors";

/**
 * A move refused at a gate: a VALIDATION error like the others (its field errors say why, and the
 * action pipeline translates them) that also carries the unmet gate items as ids. The pipeline
 * passes them to the screen as `gate` (AppErrorDetails), which words them in the person's language.
 */
export class GateRefusedError extends AppError {
  constructor(
    message: string,
    fieldErrors: Record<string, string[]>,
    readonly refusal: GateRefusal,
  ) {
    super("VALIDATION", message, fieldErrors, { gate: refusal });
  }
}
