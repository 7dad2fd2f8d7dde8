import type { Role } from '@mynapoint/domain';

// The signed-in user and bearer token, kept in localStorage for this browser.
export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
}

const KEY = 'mynapoint.session';

export interface Session {
  token: string;
  user: SessionUser;
  /** The municipality requires a second factor of this role and the user has none yet: set-up only. */
  setupRequired?: boolean;
}

export function readSession(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function writeSession(token: string, user: SessionUser, setupRequired = false): void {
  localStorage.setItem(KEY, JSON.stringify({ token, user, ...(setupRequired ? { setupRequired } : {}) }));
}

/** The second factor is on: the same session may now work everywhere. */
export function markSetupDone(): void {
  const s = readSession();
  if (s) writeSession(s.token, s.user);
}

export function clearSession(): void {
  localStorage.removeItem(KEY);
}

export function authHeader(): Record<string, string> {
  const s = readSession();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

// The 団体コード last used to sign in on this browser, offered at the next visit.
const CODE_KEY = 'mynapoint.municipalityCode';

export function rememberedMunicipalityCode(): string {
  try {
    return localStorage.getItem(CODE_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberMunicipalityCode(code: string | undefined): void {
  if (code) localStorage.setItem(CODE_KEY, code);
  else localStorage.removeItem(CODE_KEY);
}
