import { describe, expect, it } from "vitest";
import { GateRefusedError, withGateRefusal } from "@/lib/data/deals/gate-refusal";
import { AppError } from "@/lib/errors";

// The action pipeline answers an error with its code, message and translated field errors; this
// stands in for it (catch → error answer) to check what withGateRefusal puts on that answer.
type Answer = { status: "ok"; data: string } | { status: "error"; code: string };
const action =
  (work: () => Promise<string>) =>
  async (capture: <T>(p: Promise<T>) => Promise<T>): Promise<Answer> => {
    try {
      return { status: "ok", data: await capture(work()) };
    } catch (error) {
      return { status: "error", code: (error as AppError).code };
    }
  };

describe("a gate refusal on an action's answer", () => {
  it("carries the unmet items by id when the handler was refused at a gate", async () => {
    const refused = new GateRefusedError(
      "gateUnmet",
      { _form: ["gate.errors.gateUnmet"] },
      { code: "GATE_UNMET", unmet: ["insideContact", "needsClear"] },
    );
    const answer = await withGateRefusal(action(() => Promise.reject(refused)));
    expect(answer).toEqual({
      status: "error",
      code: "VALIDATION",
      gate: { code: "GATE_UNMET", unmet: ["insideContact", "needsClear"] },
    });
  });

  it("adds nothing to other refusals or to a success", async () => {
    const stale = await withGateRefusal(action(() => Promise.reject(new AppError("CONFLICT"))));
    expect(stale).toEqual({ status: "error", code: "CONFLICT" });
    expect(await withGateRefusal(action(() => Promise.resolve("moved")))).toEqual({
      status: "ok",
      data: "moved",
    });
  });
});
