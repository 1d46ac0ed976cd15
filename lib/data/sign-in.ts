import "server-only";
import { db } from "@/lib/db";
import {
  registerFailure,
  secondsBlocked,
  type ThrottleKind,
  type ThrottleState,
} from "@/lib/domain/sign-in-throttle";
import { verifyPassword } from "@/lib/auth/password";
import { writeAudit } from "./audit";
import { expiredSessionsBefore, newSessionId } from "./session";

export type SignInResult =
  | {
      ok: true;
      user: {
        id: string;
        name: string;
        email: string;
        role: string;
        teamId: string | null;
        tokenVersion: number;
      };
      /** The UserSession row this sign-in opened; the session cookie names it. */
      sessionId: string;
    }
  | { ok: false; reason: "invalid" | "inactive" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

const keyFor = (kind: ThrottleKind, value: string) => `${kind === "account" ? "email" : "ip"}:${value}`;

async function blockedFor(keys: string[], now: Date): Promise<number> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys } } });
  return Math.max(0, ...rows.map((r) => secondsBlocked(r as ThrottleState, now)));
}

async function recordFailure(kind: ThrottleKind, key: string, now: Date): Promise<ThrottleState> {
  return db.$transaction(async (tx) => {
    // Make sure the counter row exists, then lock it, so concurrent failures are all counted.
    await tx.$executeRaw`
      INSERT INTO "SignInThrottle" (key, failures, "lastFailedAt") VALUES (${key}, 0, ${now})
      ON CONFLICT (key) DO NOTHING`;
    const rows = await tx.$queryRaw<ThrottleState[]>`
      SELECT failures, "lastFailedAt", "blockedUntil" FROM "SignInThrottle" WHERE key = ${key} FOR UPDATE`;
    const next = registerFailure(rows[0] ?? null, kind, now);
    await tx.signInThrottle.upsert({ where: { key }, create: { key, ...next }, update: next });
    return next;
  });
}

/**
 * Checks an e-mail and password, applying the per-account and per-IP throttles. Inactive users
 * are refused, but only after a correct password, so the refusal reveals nothing to a guesser.
 */
export async function signInWithPassword(
  input: { email: string; password: string; ip: string; userAgent?: string | null },
  now = new Date(),
): Promise<SignInResult> {
  const email = input.email.trim().toLowerCase();
  const accountKey = keyFor("account", email);
  const ipKey = keyFor("ip", input.ip);
  const wait = await blockedFor([accountKey, ipKey], now);
  if (wait > 0) return { ok: false, reason: "throttled", retryAfterSeconds: wait };

  const user = await db.user.findUnique({ where: { email } });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !valid) {
    const [account, ip] = await Promise.all([
      recordFailure("account", accountKey, now),
      recordFailure("ip", ipKey, now),
    ]);
    await db.$transaction((tx) =>
      writeAudit(tx, user?.id ?? null, {
        action: "auth.signInFailed",
        entity: "User",
        entityId: user?.id ?? email,
        after: { ip: input.ip, failures: account.failures },
      }),
    );
    const retry = Math.max(secondsBlocked(account, now), secondsBlocked(ip, now));
    return retry > 0
      ? { ok: false, reason: "throttled", retryAfterSeconds: retry }
      : { ok: false, reason: "invalid" };
  }
  if (!user.active) return { ok: false, reason: "inactive" };

  const sessionId = newSessionId();
  await db.$transaction(async (tx) => {
    await tx.signInThrottle.deleteMany({ where: { key: accountKey } });
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now } });
    // Sessions past their 12 hours can no longer be used: keep the table small as people sign in.
    await tx.userSession.deleteMany({
      where: { userId: user.id, createdAt: { lt: expiredSessionsBefore(now) } },
    });
    await tx.userSession.create({
      data: {
        id: sessionId,
        userId: user.id,
        createdAt: now,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 300) || null,
      },
    });
    await writeAudit(tx, user.id, {
      action: "auth.signIn",
      entity: "User",
      entityId: user.id,
      after: { ip: input.ip, sessionId },
    });
  });
  return {
    ok: true,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      teamId: user.teamId,
      tokenVersion: user.tokenVersion,
    },
    sessionId,
  };
}
