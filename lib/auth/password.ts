import { hash, verify } from "@node-rs/bcrypt";

// bcrypt cost 11 ≈ 100–200 ms per check on the 2-core server: slow for guessing, fine for people.
export const BCRYPT_COST = 11;

export function hashPassword(password: string): Promise<string> {
  return hash(password, BCRYPT_COST);
}

// A real hash of a random string: checking against it when the e-mail is unknown keeps the
// response time the same, so timing does not reveal which e-mails have accounts.
const DUMMY_HASH = "$2b$11$2fMQ.aCbE6JMTnrSfsfYKOXVy/UpPtGv465.1NN2m7rnD/ZFctlgq";

export async function verifyPassword(password: string, passwordHash: string | null): Promise<boolean> {
  try {
    return await verify(password, passwordHash ?? DUMMY_HASH);
  } catch {
    return false;
  }
}
