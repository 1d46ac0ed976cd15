import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/**
 * Awaits a page's data; a FORBIDDEN or NOT_FOUND answer from lib/data becomes Next's 404 page, so
 * a non-administrator cannot tell an admin page from one that does not exist.
 */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (isAppError(error) && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
}
