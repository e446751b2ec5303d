import { parseTemplate } from 'url-template';
import { isAbsoluteUrl, pageHref } from '../core/url.js';
import { link } from './links.js';
import type { HalLink, LinkOptions } from './types.js';

/** What link resolution needs of a client. */
export interface ClientBase {
  baseUrl: string | undefined;
}

/** What relative hrefs resolve against when a resource has no `self` link: the client's base as a directory. */
function clientRoot(ctx: ClientBase): string | undefined {
  return ctx.baseUrl === undefined ? pageHref() : `${ctx.baseUrl}/`;
}

/** A link's href, its template expanded per RFC 6570 when it is `templated`. */
export function expandLink(target: HalLink, params: LinkOptions['params']): string {
  return target.templated ? parseTemplate(target.href).expand(params ?? {}) : target.href;
}

/** Resolves a URI reference against `base` (RFC 3986); an absolute one needs no base. */
export function resolveHref(href: string, base: string | undefined): string {
  if (isAbsoluteUrl(href)) return href;
  if (base === undefined) throw new TypeError(`fetchwise: cannot resolve the relative link "${href}" (no self link and no baseUrl)`);
  return new URL(href, base).href;
}

/** The base for a resource's relative links: its `self` link, else the client's base. */
export function resourceBase(ctx: ClientBase, resource: unknown): string | undefined {
  return selfBase(resource, clientRoot(ctx));
}

/** A resource's non-templated `self` link resolved against `fallback`, else `fallback`. */
export function selfBase<T extends string | undefined>(resource: unknown, fallback: T): string | T {
  const self = link(resource, 'self');
  if (self === undefined || self.templated) return fallback;
  try {
    return resolveHref(self.href, fallback);
  } catch {
    return fallback;
  }
}

/** The absolute URL of `resource._links[rel]`; a `TypeError` when the resource has no such link. */
export function linkUrl(ctx: ClientBase, resource: unknown, rel: string, options: LinkOptions = {}): string {
  const target = link(resource, rel, options.name);
  if (target === undefined) {
    throw new TypeError(`fetchwise: the resource has no "${rel}" link${options.name === undefined ? '' : ` named "${options.name}"`}`);
  }
  return resolveHref(expandLink(target, options.params), resourceBase(ctx, resource));
}

/**
 * The path `client.get` / `client.queryOptions` would be given for `url`: relative to `baseUrl` when
 * the URL lies under it (or to the page's origin without a base), else the absolute URL itself.
 */
export function clientPath(ctx: ClientBase, url: string): string {
  const { baseUrl } = ctx;
  if (baseUrl !== undefined) {
    const rest = url.slice(baseUrl.length);
    return url.startsWith(baseUrl) && (rest === '' || rest.startsWith('/')) ? rest : url;
  }
  const page = pageHref();
  if (page === undefined) return url;
  const target = new URL(url);
  return target.origin === new URL(page).origin ? target.pathname + target.search + target.hash : url;
}
