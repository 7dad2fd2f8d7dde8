import bcrypt from 'bcryptjs';

// bcrypt (pure JavaScript, cost 11). argon2's prebuilt binary crashes the process on
// this machine class (see docs/decisions.md), and a native build step is what npm
// start must not depend on.
const COST = 11;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await bcrypt.compare(password, hash);
  } catch {
    return false;
  }
}

// Verified against when the username is unknown, so both failures take as long.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password-' + Math.random());
  return dummy;
}
