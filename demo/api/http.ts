import type { MiddlewareHandler } from 'hono';
import type { DemoState } from './state.ts';
import type { ErrorResponse } from './validation.ts';

/** An RFC 9457 problem details response. */
export function problem(status: number, title: string, detail?: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...headers },
  });
}

export function errorResponse({ status, contentType, body }: ErrorResponse): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
}

/** The `Authorization: Bearer …` token, if any. */
export function bearer(header: string | undefined): string | undefined {
  return /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
}

/**
 * Contacts need a valid access token. A missing or expired one answers 401 with `WWW-Authenticate`
 * (RFC 6750) and the seed 001 body for an expired token.
 */
export function requireToken(state: DemoState): MiddlewareHandler {
  return async (c, next) => {
    if (state.tokens.verify(bearer(c.req.header('authorization'))) === undefined) {
      return new Response(JSON.stringify({ errorCode: 'OAU-128', message: 'Access token expired.' }), {
        status: 401,
        headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer error="invalid_token"' },
      });
    }
    await next();
  };
}

/** Counts requests and statuses per `METHOD /path`, for the specs (`GET /api/__control`). */
export function recordStats(state: DemoState): MiddlewareHandler {
  return async (c, next) => {
    const key = `${c.req.method} ${c.req.path}`;
    state.stats.requests[key] = (state.stats.requests[key] ?? 0) + 1;
    await next();
    (state.stats.statuses[key] ??= []).push(c.res.status);
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
