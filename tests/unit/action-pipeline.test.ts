// The server-action pipeline on its own: origin → session → validation → handler → error mapping.
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { runAction, type ActionContext } from "@/lib/actions/run";
import type { Viewer } from "@/lib/domain/access";
import type { GateRefusal } from "@/lib/domain/pipeline";
import { AppError } from "@/lib/errors";
import { requiredText } from "@/lib/validation/primitives";

const viewer: Viewer = {
  id: "u1",
  name: "王伟",
  email: "w@x.cn",
  role: "KAM",
  teamId: "t1",
  visibleTeamIds: ["t1"],
  locale: "zh-CN",
};
const t = (key: string, values?: Record<string, string | number>) =>
  values ? `${key}|${JSON.stringify(values)}` : key;

function context(overrides: Partial<ActionContext> = {}): ActionContext {
  return {
    sameOrigin: async () => true,
    viewer: async () => viewer,
    translator: async () => t,
    log: vi.fn(),
    ...overrides,
  };
}

const schema = z.object({ name: requiredText(10), password: z.string().optional() });
const input = { name: "华东精工", password: "secret-1" };

describe("runAction", () => {
  it("runs the handler with the viewer and the parsed input", async () => {
    const handler = vi.fn(async ({ input }: { input: { name: string } }) => ({ id: "a1", name: input.name }));
    const state = await runAction(
      context(),
      schema,
      { ...input, name: "  华东精工\u200b " },
      handler,
      (tt, data) => tt("saved", { name: data.name }),
    );
    expect(handler).toHaveBeenCalledWith({ viewer, input: { name: "华东精工", password: "secret-1" } });
    expect(state).toMatchObject({ status: "ok", data: { id: "a1" }, message: 'saved|{"name":"华东精工"}' });
  });

  it("refuses another origin before reading the session or the input", async () => {
    const ctx = context({ sameOrigin: async () => false, viewer: vi.fn() });
    const handler = vi.fn();
    const state = await runAction(ctx, schema, input, handler);
    expect(state).toMatchObject({
      status: "error",
      code: "INVALID_ORIGIN",
      message: "errors.INVALID_ORIGIN",
    });
    expect(ctx.viewer).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers UNAUTHENTICATED without a session, keeping what was typed but never the password", async () => {
    const handler = vi.fn();
    const state = await runAction(context({ viewer: async () => null }), schema, input, handler);
    expect(state).toMatchObject({ status: "error", code: "UNAUTHENTICATED", values: { name: "华东精工" } });
    expect(state.status === "error" && state.values).not.toHaveProperty("password");
    expect(handler).not.toHaveBeenCalled();
  });

  it("turns every invalid field into a translated message, and does not run the handler", async () => {
    const handler = vi.fn();
    const state = await runAction(context(), schema, { name: "\u200b\u200b" }, handler);
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { name: ["validation.invisibleOnly"] },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes an expected error through with its translated field errors", async () => {
    const state = await runAction(context(), schema, input, async () => {
      throw new AppError("CONFLICT", "stale", { _form: ["errors.CONFLICT"] });
    });
    expect(state).toMatchObject({
      status: "error",
      code: "CONFLICT",
      fieldErrors: { _form: ["errors.CONFLICT"] },
    });
  });

  it("passes a gate refusal's unmet items to the screen as data (ids, not words)", async () => {
    const refusal: GateRefusal = { code: "GATE_UNMET", unmet: ["insideContact", "needsClear"] };
    const state = await runAction(context(), schema, input, async () => {
      throw new AppError("VALIDATION", "gateUnmet", { _form: ["gate.errors.gateUnmet"] }, { gate: refusal });
    });
    expect(state).toMatchObject({ status: "error", code: "VALIDATION", gate: refusal });
    const stale = await runAction(context(), schema, input, async () => {
      throw new AppError("CONFLICT");
    });
    expect(stale).not.toHaveProperty("gate");
  });

  it("turns a unique-index race into the field error a person can act on", async () => {
    // The shape Prisma 6 throws through the pg driver adapter.
    const race = Object.assign(new Error("Unique constraint failed"), {
      code: "P2002",
      meta: {
        driverAdapterError: {
          cause: {
            originalCode: "23505",
            originalMessage: 'duplicate key value violates unique constraint "Account_creditCode_key"',
          },
        },
      },
    });
    const state = await runAction(context(), schema, input, async () => {
      throw race;
    });
    expect(state).toMatchObject({
      status: "error",
      code: "DUPLICATE",
      fieldErrors: { creditCode: ["validation.creditCodeTaken"] },
    });
  });

  it("turns text the database cannot store into a field error, not 'something went wrong'", async () => {
    const nul = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
      name: "DriverAdapterError",
    });
    const state = await runAction(context(), schema, input, async () => {
      throw nul;
    });
    expect(state).toMatchObject({
      status: "error",
      code: "VALIDATION",
      fieldErrors: { _form: ["validation.unstorable"] },
    });
  });

  it("says the database is unavailable when it is, and logs nothing as a bug", async () => {
    const ctx = context();
    const state = await runAction(ctx, schema, input, async () => {
      throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    });
    expect(state).toMatchObject({ status: "error", code: "DB_UNAVAILABLE" });
    expect(ctx.log).not.toHaveBeenCalled();
  });

  it("logs anything else and answers with the generic message", async () => {
    const ctx = context();
    const state = await runAction(ctx, schema, input, async () => {
      throw new TypeError("undefined is not a function");
    });
    expect(state).toMatchObject({ status: "error", code: "UNEXPECTED", message: "errors.UNEXPECTED" });
    expect(ctx.log).toHaveBeenCalledOnce();
  });
});
