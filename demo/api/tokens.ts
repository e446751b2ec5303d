import { randomBytes } from 'node:crypto';

/**
 * The identity provider's bookkeeping: short-lived access tokens, and refresh tokens that rotate on
 * every use. A refresh token presented twice is reuse (a stolen copy, or two tabs racing): after a
 * short grace period the whole session (its "family") is revoked, as Auth0, Okta and others do.
 */
interface Family {
  user: string;
  revoked: boolean;
}

interface RefreshRecord {
  family: string;
  usedAt?: number;
  /** The pair issued when this token was used, handed out again to a reuse within the grace period. */
  successor?: IssuedTokens;
}

export interface IssuedTokens {
  access_token: string;
  token_type: 'Bearer';
  /** Seconds. */
  expires_in: number;
  refresh_token: string;
}

export type RefreshOutcome =
  | { ok: true; tokens: IssuedTokens; graceReuse: boolean }
  | { ok: false; reason: 'unknown' | 'revoked' | 'reused' };

const random = (prefix: string) => `${prefix}_${randomBytes(15).toString('base64url')}`;

export class TokenBook {
  readonly #families = new Map<string, Family>();
  readonly #refresh = new Map<string, RefreshRecord>();
  readonly #access = new Map<string, { family: string; expiresAt: number }>();

  /** Signs a user in: a new session family with its first token pair. */
  signIn(user: string, ttlSeconds: number): IssuedTokens {
    const family = random('fam');
    this.#families.set(family, { user, revoked: false });
    return this.#issue(family, ttlSeconds);
  }

  refresh(presented: string, ttlSeconds: number, graceMs: number): RefreshOutcome {
    const record = this.#refresh.get(presented);
    if (!record) return { ok: false, reason: 'unknown' };
    const family = this.#families.get(record.family);
    if (!family || family.revoked) return { ok: false, reason: 'revoked' };
    if (record.usedAt !== undefined) {
      if (Date.now() - record.usedAt <= graceMs && record.successor) return { ok: true, tokens: record.successor, graceReuse: true };
      family.revoked = true;
      return { ok: false, reason: 'reused' };
    }
    record.usedAt = Date.now();
    record.successor = this.#issue(record.family, ttlSeconds);
    return { ok: true, tokens: record.successor, graceReuse: false };
  }

  /** The user behind a valid, unexpired access token, or `undefined`. */
  verify(accessToken: string | undefined): string | undefined {
    const entry = accessToken === undefined ? undefined : this.#access.get(accessToken);
    if (!entry || Date.now() >= entry.expiresAt) return undefined;
    const family = this.#families.get(entry.family);
    return family && !family.revoked ? family.user : undefined;
  }

  /** Sign-out: the session of this access token ends (its refresh tokens stop working). */
  revokeByAccessToken(accessToken: string): void {
    const entry = this.#access.get(accessToken);
    const family = entry && this.#families.get(entry.family);
    if (family) family.revoked = true;
  }

  /** "Expire session now": every access token issued so far stops working; refresh tokens still do. */
  expireAccessTokens(): void {
    for (const entry of this.#access.values()) entry.expiresAt = 0;
  }

  #issue(family: string, ttlSeconds: number): IssuedTokens {
    const tokens: IssuedTokens = { access_token: random('at'), token_type: 'Bearer', expires_in: ttlSeconds, refresh_token: random('rt') };
    this.#access.set(tokens.access_token, { family, expiresAt: Date.now() + ttlSeconds * 1000 });
    this.#refresh.set(tokens.refresh_token, { family });
    return tokens;
  }
}
