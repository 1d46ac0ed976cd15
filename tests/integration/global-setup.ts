import type { TestProject } from "vitest/node";
import { createDb } from "@/lib/db";
import { seedDemo } from "@/prisma/seed";
import { createTestDatabase } from "../support/test-database";
import { INTEGRATION_SECRET } from "../support/test-secret";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "postgres" | "embedded";
  }
}

/** One fresh database for the integration run, migrated from prisma/migrations and seeded with the demo organisation. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase("it");
  process.env.NEXTAUTH_SECRET ??= INTEGRATION_SECRET;
  const db = createDb(database.url, 2);
  await seedDemo(db);
  await db.$disconnect();
  project.provide("databaseUrl", database.url);
  project.provide("databaseKind", database.kind);
  return async () => {
    await database.drop();
  };
}
