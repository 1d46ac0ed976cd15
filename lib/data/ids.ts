import { randomBytes } from "node:crypto";

/** A unique id for a row written by hand-written SQL (the shape of Prisma's cuid ids: "c", time, randomness). */
export const newId = () => `c${Date.now().toString(36)}${randomBytes(9).toString("hex")}`;
