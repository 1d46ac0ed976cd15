// Every environment variable Keystone reads, checked once when a process starts, with a message
// that names the variable and says what it should hold. .env.example documents the same list.
import { z } from "zod";
import { parseTrustedProxies } from "@/lib/http/client-address";

const postgresUrl = z
  .string()
  .trim()
  .refine((v) => /^postgres(ql)?:\/\/[^\s]+$/.test(v) && URL.canParse(v), {
    message: 'must be a PostgreSQL URL such as "postgresql://user:password@host:5432/keystone"',
  });

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,6}$/, { message: `must be a whole number from ${min} to ${max}` })
    .transform(Number)
    .refine((n) => n >= min && n <= max, { message: `must be a whole number from ${min} to ${max}` });

const httpUrl = z
  .string()
  .trim()
  .refine((v) => /^https?:\/\//.test(v) && URL.canParse(v), {
    message: 'must be the public address of the app, such as "https://crm.example.com"',
  });

const trustedProxies = z
  .string()
  .optional()
  .superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message.replace(/^TRUSTED_PROXIES: /, "") });
    }
  });

const common = {
  KEYSTONE_JOBS: z.enum(["on", "off"], { message: 'must be "on" (run scheduled jobs) or "off"' }).optional(),
  DATABASE_POOL_MAX: wholeNumber(1, 200).optional(),
  NEXTAUTH_URL: httpUrl.optional(),
  PORT: wholeNumber(1, 65535).optional(),
  // Optional e-mail for survey links: without it links are shared by copy and QR code only.
  SMTP_URL: z
    .string()
    .trim()
    .refine((v) => /^smtps?:\/\//.test(v) && URL.canParse(v), {
      message: 'must be an SMTP URL such as "smtps://user:password@smtp.example.com:465"',
    })
    .optional(),
  SMTP_FROM: z
    .string()
    .trim()
    .min(3, { message: 'must be a sender such as "Keystone <crm@example.com>"' })
    .optional(),
  TRUSTED_PROXIES: trustedProxies,
  WEB_CONCURRENCY: wholeNumber(1, 64).optional(),
};

/** `npm start`: the database may be embedded, the secret generated. */
export const launcherEnvSchema = z.object({
  ...common,
  DATABASE_URL: postgresUrl.optional(),
  NEXTAUTH_SECRET: z.string().min(16, { message: "must be at least 16 characters long" }).optional(),
  KEYSTONE_DATA_DIR: z.string().trim().min(1).optional(),
  KEYSTONE_DB_PORT: wholeNumber(1, 65535).optional(),
  KEYSTONE_SEED_DEMO: z
    .enum(["0", "1"], { message: 'must be "1" (seed demo data into an empty database) or "0"' })
    .optional(),
});

/** The app server: by now the launcher has settled the database and the secret. */
export const serverEnvSchema = z.object({
  ...common,
  DATABASE_URL: postgresUrl,
  NEXTAUTH_SECRET: z.string().min(16, { message: "must be at least 16 characters long" }),
});

export type LauncherEnv = z.output<typeof launcherEnvSchema>;
export type ServerEnv = z.output<typeof serverEnvSchema>;

/** "PORT must be a whole number from 1 to 65535 (it is "abc")." — one line per problem. */
export function describeEnvProblems(error: z.ZodError, source: Record<string, string | undefined>): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0]);
      const value = source[name];
      const shown =
        value === undefined
          ? "it is not set"
          : /SECRET|URL/.test(name)
            ? "its value is hidden"
            : `it is "${value}"`;
      return `  ${name} ${issue.message} (${shown}).`;
    })
    .join("\n");
}

function read<S extends z.ZodType>(schema: S, source: Record<string, string | undefined>): z.output<S> {
  // An empty variable means "not set" (as in `PORT= npm start`).
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new Error(
      `Keystone cannot start: fix these environment variables (see .env.example):\n${describeEnvProblems(parsed.error, source)}`,
    );
  }
  return parsed.data;
}

type Source = Record<string, string | undefined>;
export const readLauncherEnv = (source: Source = process.env) => read(launcherEnvSchema, source);
export const readServerEnv = (source: Source = process.env) => read(serverEnvSchema, source);
