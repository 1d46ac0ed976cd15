import "server-only";
import { headers } from "next/headers";
import { clientAddressFrom } from "./client-address";
import { isSameOrigin } from "./same-origin";

/** Did this request come from one of our own pages? (See lib/http/same-origin.ts.) */
export async function requestIsSameOrigin(): Promise<boolean> {
  return isSameOrigin(await headers());
}

/** The client's address as the server resolved it (scripts/server.ts), or "unknown". */
export async function requestClientAddress(): Promise<string> {
  return clientAddressFrom(await headers()) ?? "unknown";
}

export async function requestUserAgent(): Promise<string | null> {
  return (await headers()).get("user-agent");
}
