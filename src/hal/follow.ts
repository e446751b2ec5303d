import { coreOf } from '../core/core.js';
import { send } from '../core/pipeline.js';
import { validate, type InferOutput, type StandardSchemaV1 } from '../core/schema.js';
import type { PageLinks } from '../query/infinite-query-options.js';
import { linkHeaderPages } from '../query/infinite-query-options.js';
import type { QueryClientLike } from '../query/types.js';
import { embedded, embeddedRels, link } from './links.js';
import { clientPath, expandLink, linkUrl, resolveHref, resourceBase, selfBase, type ClientBase } from './resolve.js';
import type { FollowOptions, LinkOptions, LinkRel, SeedEmbeddedOptions } from './types.js';

/**
 * R-HAL: requests the target of `resource._links[rel]` through `client`: the same pipeline as every
 * request (auth, retries, If-Match, typed errors). Relative hrefs resolve against the resource's `self`
 * link, else the client's `baseUrl`. Rejects with a `TypeError` when the link is missing.
 */
export function follow<R, S extends StandardSchemaV1>(client: object, resource: R, rel: LinkRel<R>, options: FollowOptions & { schema: S }): Promise<InferOutput<S>>;
export function follow<T = unknown, R = unknown>(client: object, resource: R, rel: LinkRel<R>, options?: FollowOptions): Promise<T>;
export async function follow(client: object, resource: unknown, rel: string, options: FollowOptions = {}): Promise<unknown> {
  const core = coreOf(client);
  const { params, name, method = 'GET', ...request } = options;
  const url = linkUrl(core, resource, rel, { params, name });
  return (await send(core, method, url, request)).data;
}

/**
 * The client path of a link (relative to `baseUrl` when it lies under it, else absolute): the string to
 * give `client.get` or `client.queryOptions`, whose key then matches what `seedEmbedded` seeded.
 */
export function linkPath<R>(client: object, resource: R, rel: LinkRel<R>, options?: LinkOptions): string {
  const core = coreOf(client);
  return clientPath(core, linkUrl(core, resource, rel as string, options));
}

/**
 * Puts each embedded resource that has a `self` link into the query cache under the key
 * `client.queryOptions(path)` derives for it (`[path]`), so opening it costs no request while it is
 * fresh (give the item query a `staleTime`). Resolves with the paths seeded.
 */
export function seedEmbedded(client: object, queryClient: QueryClientLike, resource: unknown, options?: SeedEmbeddedOptions): Promise<string[]> {
  const core = coreOf(client);
  return seed(core, queryClient, resource, options, resourceBase(core, resource));
}

async function seed(core: ClientBase, queryClient: QueryClientLike, resource: unknown, options: SeedEmbeddedOptions = {}, base: string | undefined): Promise<string[]> {
  const rels = options.rel === undefined ? embeddedRels(resource) : typeof options.rel === 'string' ? [options.rel] : options.rel;
  const seeded: string[] = [];
  for (const rel of rels) {
    for (const item of embedded(resource, rel)) {
      const self = link(item, 'self');
      if (self === undefined || self.templated) continue;
      let data: unknown = item;
      if (options.schema) {
        const result = await validate(options.schema, item);
        if (!result.ok) continue;
        data = result.value;
      }
      const path = clientPath(core, resolveHref(self.href, base));
      // The key `queryOptions` derives for a path without searchParams.
      queryClient.setQueryData([path], data);
      seeded.push(path);
    }
  }
  return seeded;
}

/**
 * R-LINK-NEXT for HAL: `client.infiniteQueryOptions(path, { pages: halPages() })` pages through the
 * `Link` header, else `_links.next` / `_links.prev`, resolved against the page's `self` link; with
 * `seedEmbedded`, each page's embedded items are seeded into the query cache as well.
 */
export function halPages(options: { seedEmbedded?: SeedEmbeddedOptions } = {}): PageLinks {
  return async (page) => {
    const fromHeader = await linkHeaderPages(page);
    const base = selfBase(page.body, page.url);
    if (options.seedEmbedded) await seed(page, page.queryClient, page.body, options.seedEmbedded, base);
    return {
      next: fromHeader.next ?? halHref(page.body, 'next', base),
      prev: fromHeader.prev ?? halHref(page.body, 'prev', base) ?? halHref(page.body, 'previous', base),
    };
  };
}

function halHref(body: unknown, rel: string, base: string): string | undefined {
  const target = link(body, rel);
  if (target === undefined) return undefined;
  try {
    return resolveHref(expandLink(target, {}), base);
  } catch {
    return undefined;
  }
}
