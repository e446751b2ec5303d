import { send, type ClientContext } from '../core/send.js';
import { validate } from '../core/schema.js';
import type { QueryClientLike } from '../query/types.js';
import { embedded, embeddedRels, link } from './links.js';
import { clientPath, linkUrl, resolveHref, resourceBase } from './resolve.js';
import type { FollowOptions, LinkOptions, SeedEmbeddedOptions } from './types.js';

/** R-HAL: `client.follow`. The same `send` as every request: auth, retries, If-Match, typed errors. */
export async function follow(ctx: ClientContext, resource: unknown, rel: string, options: FollowOptions = {}): Promise<unknown> {
  const { params, name, method = 'GET', ...request } = options;
  const url = linkUrl(ctx, resource, rel, { params, name });
  const result = await send(ctx, method, url, request);
  return result.data;
}

/** `client.linkPath`: the path to give `client.get` or `client.queryOptions` for a link. */
export function linkPath(ctx: ClientContext, resource: unknown, rel: string, options?: LinkOptions): string {
  return clientPath(ctx, linkUrl(ctx, resource, rel, options));
}

/**
 * `client.seedEmbedded`: puts each embedded resource that has a `self` link into the query cache under
 * the key `client.queryOptions(path)` derives for it (`[path]`), so opening it costs no request while
 * it is fresh (give the item query a `staleTime`). Resolves with the paths seeded.
 */
export async function seedEmbedded(
  ctx: ClientContext,
  queryClient: QueryClientLike,
  resource: unknown,
  options: SeedEmbeddedOptions = {},
  base: string | undefined = resourceBase(ctx, resource),
): Promise<string[]> {
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
      const path = clientPath(ctx, resolveHref(self.href, base));
      // The key `createQueryOptions` derives for a path without searchParams.
      queryClient.setQueryData([path], data);
      seeded.push(path);
    }
  }
  return seeded;
}
