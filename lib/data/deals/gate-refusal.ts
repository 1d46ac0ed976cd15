import "server-only";
import type { GateRefusal } from "@/lib/domain/pipeline";
import { AppError } from "@/lib/errors";

/**
 * A move refused at a gate: a VALIDATION error like the others (its field errors say why, and the
 * action pipeline translates them), which also carries the unmet gate items as ids (GateRefusal).
 */
export class GateRefusedError extends AppError {
  constructor(
    message: string,
    fieldErrors: Record<string, string[]>,
    readonly refusal: GateRefusal,
  ) {
    super("VALIDATION", message, fieldErrors);
  }
}

/** An action's answer with the gate refusal its handler met, if any. */
export type WithGateRefusal<S> = S & { gate?: GateRefusal };

/**
 * Runs a server action whose handler may be refused at a gate and puts the refusal on its error
 * answer as `gate`. The action pipeline (lib/actions) answers with translated field errors only,
 * so the handler wraps its data call in `capture`, which notes the refusal on its way out.
 */
export async function withGateRefusal<S extends { status: string }>(
  run: (capture: <T>(work: Promise<T>) => Promise<T>) => Promise<S>,
): Promise<WithGateRefusal<S>> {
  let gate: GateRefusal | undefined;
  const capture = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      if (error instanceof GateRefusedError) gate = error.refusal;
      throw error;
    });
  const answer = await run(capture);
  return gate && answer.status === "error" ? { ...answer, gate } : answer;
}
