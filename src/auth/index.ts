// The `fetchwise/auth` entry: the cross-tab session plugin.
export { createAuth, type AuthPlugin } from './create-auth.js';
export type { AuthApi, AuthOptions, RefreshContext, Session, SessionEvent, SessionStore } from './types.js';
