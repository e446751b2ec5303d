// The `fetchwise/auth` entry: the cross-tab session plugin.
export { createAuth, type AuthPlugin } from './auth-plugin.js';
export type { AuthApi, AuthOptions, RefreshContext, Session, SessionEvent, SessionStore } from './types.js';
