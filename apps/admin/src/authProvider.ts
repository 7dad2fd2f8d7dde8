import type { AuthProvider } from 'react-admin';
import { can, canExport, isResource, mayChangeReferenceRow, type Action } from '@mynapoint/domain';
import { QUICK_ENTRY_PATH } from './assistance-records/quickEntry';
import { authHeader, clearSession, readSession, rememberMunicipalityCode, writeSession } from './session';

export const SECURITY_PATH = '/security';

/** The password was right; the login page now asks for the code (POST /api/auth/login/totp). */
export class SecondFactorRequired extends Error {
  constructor(readonly mfaToken: string) {
    super('app.login.code_required');
  }
}

// react-admin's view of the server's auth: the same permissions table
// (libs/domain) decides what menus and buttons a role sees. The server enforces it
// regardless; this only hides what would be refused.
export const authProvider: AuthProvider = {
  // Two steps when the user has a second factor: { username, password, municipalityCode? },
  // then { mfaToken, code }.
  async login(params: { username?: string; password?: string; municipalityCode?: string; mfaToken?: string; code?: string }) {
    const second = params.mfaToken !== undefined;
    // Full-width digits typed with the IME count as the same municipality code.
    const municipalityCode = typeof params.municipalityCode === 'string' ? params.municipalityCode.normalize('NFKC').trim() : '';
    const first = { username: params.username, password: params.password, ...(municipalityCode ? { municipalityCode } : {}) };
    const res = await fetch(second ? '/api/auth/login/totp' : '/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(second ? { mfaToken: params.mfaToken, code: params.code } : first),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message ?? 'ra.auth.sign_in_error');
    if (!second) rememberMunicipalityCode(municipalityCode);
    if (body.mfaRequired) throw new SecondFactorRequired(body.mfaToken);
    writeSession(body.accessToken, body.user, Boolean(body.totpSetupRequired));
    // A role that must use a second factor sets it up first; counter staff start where
    // they work: the quick-entry screen.
    if (body.totpSetupRequired) return { redirectTo: SECURITY_PATH };
    if (body.user?.role === 'counter') return { redirectTo: QUICK_ENTRY_PATH };
  },

  async logout() {
    if (readSession()) {
      await fetch('/api/auth/logout', { method: 'POST', headers: authHeader() }).catch(() => undefined);
    }
    clearSession();
  },

  async checkAuth() {
    if (!readSession()) throw new Error('app.auth.sign_in_first');
  },

  async checkError(error) {
    if (error?.status === 401) {
      clearSession();
      throw new Error('app.auth.session_expired');
    }
  },

  async getIdentity() {
    const s = readSession();
    if (!s) throw new Error('not signed in');
    return { id: s.user.id, fullName: s.user.displayName, role: s.user.role, username: s.user.username };
  },

  async getPermissions() {
    return readSession()?.user.role;
  },

  async canAccess({ resource, action, record }) {
    const session = readSession();
    const role = session?.user.role;
    if (!role) return false;
    // Until the required second factor is set up, the security page is all there is.
    if (resource === 'security') return true;
    if (session.setupRequired) return false;
    if (resource === 'dashboard') return true;
    // A list's CSV/Excel export, or a resource's own export (a municipality's data).
    if (action === 'export') return canExport(role, resource) || can(role, resource, 'export');
    if (!isResource(resource)) return false;
    // National reference rows are the operator's: no edit or delete buttons for others.
    if ((action === 'edit' || action === 'delete') && !mayChangeReferenceRow(role, record)) return false;
    return can(role, resource, action as Action);
  },
};
