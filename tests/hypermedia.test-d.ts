import { InfiniteQueryObserver, QueryClient, QueryObserver, type InfiniteData } from '@tanstack/query-core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { batch, type BatchEntry } from '../src/batch/index.js';
import { embedded, follow, link, type HalLink } from '../src/hal/index.js';
import { createClient, type FetchResult, type HttpError, type InfinitePage, type ResponseShapeError } from '../src/index.js';
import { poll, pollQueryOptions, type PollSnapshot } from '../src/poll/index.js';

const client = createClient({ baseUrl: 'https://api.example.com' });
const queryClient = new QueryClient();
const Extension = z.object({ id: z.number(), name: z.string() });
type Extension = z.infer<typeof Extension>;

describe('R-207: batch entry narrowing', () => {
  it('narrows on ok: data on success, a typed error on failure', async () => {
    const entries = await batch(client, '/extension/1,2,3', { schema: Extension });
    expectTypeOf(entries).toEqualTypeOf<BatchEntry<Extension>[]>();
    const entry = entries[0]!;
    if (entry.ok) {
      expectTypeOf(entry.data).toEqualTypeOf<Extension>();
      // @ts-expect-error no error on a success
      void entry.error;
    } else {
      expectTypeOf(entry.error).toEqualTypeOf<HttpError | ResponseShapeError>();
      expectTypeOf(entry.status).toBeNumber();
      // @ts-expect-error no data on a failure
      void entry.data;
    }
  });

  it('is unknown without a schema, or the type named', () => {
    expectTypeOf(batch(client, '/x')).resolves.toEqualTypeOf<BatchEntry<unknown>[]>();
    expectTypeOf(batch<Extension>(client, '/x')).resolves.toEqualTypeOf<BatchEntry<Extension>[]>();
  });
});

describe('R-LINK-NEXT: infinite query page typing', () => {
  const Page = z.object({ items: z.array(Extension) });
  const options = client.infiniteQueryOptions('/extensions', { schema: Page });

  it('types each page from the schema, with URLs as page params', () => {
    expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<InfiniteData<InfinitePage<{ items: Extension[] }>, string> | undefined>();
    const observer = new InfiniteQueryObserver(queryClient, options);
    const data = observer.getCurrentResult().data;
    expectTypeOf(data?.pages[0]?.data.items).toEqualTypeOf<Extension[] | undefined>();
  });

  it("React's useInfiniteQuery takes the options unchanged", () => {
    const run = () => useInfiniteQuery(options);
    expectTypeOf<NonNullable<ReturnType<typeof run>['data']>['pages'][number]['data']>().toEqualTypeOf<{ items: Extension[] }>();
  });
});

describe('R-HAL: typed helpers', () => {
  interface OrderList {
    count: number;
    _links: { self: HalLink; next?: HalLink };
    _embedded: { orders: { id: string; _links: { self: HalLink } }[] };
  }
  const list = {} as OrderList;

  it('relations are checked against the resource type, embedded items typed', () => {
    expectTypeOf(link(list, 'next')).toEqualTypeOf<HalLink | undefined>();
    // @ts-expect-error not a relation of OrderList
    link(list, 'prev');
    expectTypeOf(embedded(list, 'orders')).toEqualTypeOf<{ id: string; _links: { self: HalLink } }[]>();
    // @ts-expect-error not an embedded relation of OrderList
    embedded(list, 'customers');
  });

  it('any string goes for resources without declared links', () => {
    expectTypeOf(link({} as unknown, 'whatever')).toEqualTypeOf<HalLink | undefined>();
  });

  it('follow infers the result from the schema', () => {
    expectTypeOf(follow(client, list, 'next', { schema: Extension })).resolves.toEqualTypeOf<Extension>();
    expectTypeOf(follow(client, list, 'self')).resolves.toBeUnknown();
    // @ts-expect-error not a relation of OrderList
    void follow(client, list, 'bogus');
  });
});

describe('R-202: poll typing', () => {
  it('poll resolves with a FetchResult of the schema output', () => {
    expectTypeOf(poll(client, '/jobs/1', { schema: Extension })).resolves.toEqualTypeOf<FetchResult<Extension>>();
  });

  it('a poll query holds a snapshot narrowed by done', () => {
    const observer = new QueryObserver(queryClient, pollQueryOptions(client, '/jobs/1', { schema: Extension }));
    const snapshot = observer.getCurrentResult().data;
    expectTypeOf(snapshot).toEqualTypeOf<PollSnapshot<Extension> | undefined>();
    if (snapshot?.done) expectTypeOf(snapshot.data).toEqualTypeOf<Extension>();
    else if (snapshot) expectTypeOf(snapshot.data).toBeUnknown();
  });
});
