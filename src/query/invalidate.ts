import type { ValidatorStore } from '../conditional/validator-store.js';
import type { StandardSchemaV1 } from '../core/schema.js';
import type { FetchResult } from '../core/types.js';
import { trimTrailingSlashes } from '../core/url.js';
import { isHttpError } from '../errors/guards.js';
import { resourceUrl } from './keys.js';
import { dataForQuery } from './query-schema.js';
import type { QueryClientLike, QueryLike } from './types.js';

/** A finished PUT, PATCH, POST or DELETE, as the query cache needs to hear of it. */
export interface WriteOutcome {
  method: string;
  url: string;
  result?: FetchResult<unknown>;
  error?: unknown;
  /** The write's own schema: its output is not validated again by a query with the same schema (R-WRITE-SCHEMA). */
  schema?: StandardSchemaV1 | undefined;
  /** Pairs a query's validated copy of the write's body with the body's validators (R-WRITE-SCHEMA). */
  store?: ValidatorStore | undefined;
}

/** The resource URL a query was made for (see `FetchwiseQueryOptions.meta`). */
export function queryUrl(query: QueryLike): string | undefined {
  const meta = query.meta?.fetchwise as { url?: unknown } | undefined;
  return typeof meta?.url === 'string' ? meta.url : undefined;
}

function parentOf(url: string): string | undefined {
  const { origin, pathname } = new URL(url);
  const trimmed = trimTrailingSlashes(pathname); // R-LINEAR
  const slash = trimmed.lastIndexOf('/');
  return slash <= 0 ? undefined : origin + trimmed.slice(0, slash);
}

/**
 * R-INVALIDATE, R-WRITE-ETAG, R-412: after a write, update or invalidate the queries of the resource it
 * touched and of its collection, found by URL, with no query keys listed by hand. Never rejects.
 */
export async function applyWrite(queryClient: QueryClientLike, { method, url, result, error, schema, store }: WriteOutcome): Promise<void> {
  const resource = resourceUrl(url);
  const ofResource = (query: QueryLike) => queryUrl(query) === resource;
  if (error !== undefined) {
    if (isHttpError(error) && error.status === 412) void queryClient.invalidateQueries({ predicate: ofResource });
    return;
  }
  if (!result) return;
  if (method === 'DELETE') {
    queryClient.removeQueries({ predicate: ofResource, type: 'inactive' });
    void queryClient.invalidateQueries({ predicate: ofResource, refetchType: 'none' });
  } else if ((method === 'PUT' || method === 'PATCH') && result.data !== undefined && result.headers.has('etag')) {
    // The response is the new version of exactly this URL: show it without a refetch there, once it
    // passed that query's schema (R-WRITE-SCHEMA); other representations of the resource (other query
    // strings, pages) and queries whose schema rejects it are refetched.
    for (const query of queryClient.getQueryCache().findAll({ predicate: ofResource })) {
      const href = (query.meta?.fetchwise as { href?: unknown } | undefined)?.href;
      const accepted = href === url ? await dataForQuery(query, result.data, schema) : undefined;
      if (accepted === undefined) {
        void queryClient.invalidateQueries({ predicate: (other) => other === query });
        continue;
      }
      // The query's copy carries the validators of the body it came from (R-WRITE-ETAG, R-304).
      store?.link(result.data, accepted.data);
      try {
        queryClient.setQueryData(query.queryKey, accepted.data);
      } catch {
        // e.g. a custom structuralSharing that throws: the write succeeded, so refetch rather than reject
        void queryClient.invalidateQueries({ predicate: (other) => other === query });
      }
    }
  } else {
    void queryClient.invalidateQueries({ predicate: ofResource });
  }
  const collection = method === 'POST' ? undefined : parentOf(resource);
  if (collection !== undefined) void queryClient.invalidateQueries({ predicate: (query) => queryUrl(query) === collection });
}
