import type { AuthProvider } from 'react-admin';
import { can, canExport, isResource, mayChangeReferenceRow, type Action } from '@mynapoint/domain';
import { QUICK_ENTRY_PATH } from './assistance-records/quickEntry';
import { authHeader, clearSession, readSession, rememberMunicipalityCode, writeSession } from './session';

// react-admin's view of the server's auth: the same permissions table
// (libs/domain) decides what menus and buttons a role sees. The server enforces it
// regardless; this only hides what would be refused.
export const authProvider: AuthProvider = {
  async login({ username, password, municipalityCode }) {
    // Full-width digits typed with the IME count as the same code.
    const code = typeof municipalityCode === 'string' ? municipalityCode.normalize('NFKC').trim() : '';
    const res = await fetch('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(code ? { username, password, municipalityCode: code } : { username, password }),
    });
    const body = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(body.message ?? 'ra.auth.sign_in_error');
    writeSession(body.accessToken, body.user);
    rememberMunicipalityCode(code);
    // Counter staff start where they work: the quick-entry screen.
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
    const role = readSession()?.user.role;
    if (!role) return false;
    if (resource === 'dashboard') return true;
    // A list's CSV/Excel export, or a resource's own export (a municipality's data).
    if (action === 'export') return canExport(role, resource) || can(role, resource, 'export');
    if (!isResource(resource)) return false;
    // National reference rows are the operator's: no edit or delete buttons for others.
    if ((action === 'edit' || action === 'delete') && !mayChangeReferenceRow(role, record)) return false;
    return can(role, resource, action as Action);
  },
};
