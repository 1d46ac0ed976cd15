import { describe, expect, it } from "vitest";
import { readLauncherEnv, readServerEnv } from "@/lib/env";

describe("environment checks at start-up", () => {
  it("accepts an empty environment for npm start (embedded database, generated secret)", () => {
    expect(readLauncherEnv({})).toEqual({});
  });

  it("reads and converts what is set; empty counts as unset", () => {
    const env = readLauncherEnv({
      PORT: "8080",
      DATABASE_URL: "postgresql://u:p@db:5432/k",
      TRUSTED_PROXIES: "10.0.0.0/8, loopback",
      KEYSTONE_DB_PORT: "",
    });
    expect(env).toMatchObject({ PORT: 8080, DATABASE_URL: "postgresql://u:p@db:5432/k" });
    expect(env.KEYSTONE_DB_PORT).toBeUndefined();
  });

  it("names every wrong variable in one message, hiding secrets and URLs", () => {
    let message = "";
    try {
      readLauncherEnv({
        PORT: "0x50",
        DATABASE_URL: "mysql://root:hunter2@db/k",
        TRUSTED_PROXIES: "10.0.0.0/33",
        NEXTAUTH_SECRET: "short",
        KEYSTONE_SEED_DEMO: "yes",
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PORT must be a whole number from 1 to 65535 (it is "0x50")');
    expect(message).toContain("DATABASE_URL must be a PostgreSQL URL");
    expect(message).toContain('TRUSTED_PROXIES "10.0.0.0/33" is not an IP address');
    expect(message).toContain("NEXTAUTH_SECRET must be at least 16 characters");
    expect(message).toContain("KEYSTONE_SEED_DEMO");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("short");
  });

  it("the server needs a database and a secret by the time it starts", () => {
    expect(() => readServerEnv({})).toThrow(/DATABASE_URL .*not set[\s\S]*NEXTAUTH_SECRET/);
  });
});
