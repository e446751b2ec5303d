import { InfiniteQueryObserver, QueryClient } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { halPages } from '../../src/hal/index.js';
import { createClient, ResponseShapeError, ServiceUnavailableError } from '../../src/index.js';
import { useTestServer, type RecordedRequest } from '../helpers/server.js';

const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => queryClient.clear());

const hal = { 'content-type': 'application/hal+json' };
const client = () => createClient({ baseUrl: `${server.url}/v1`, retry: { delay: 1, jitter: false } });
const pageOf = (request: RecordedRequest) => Number(new URL(request.url, server.url).searchParams.get('page') ?? '1');
const Page = z.object({ _embedded: z.object({ orders: z.array(z.object({ id: z.string() })) }) });

/** Seed 004 style HAL pages: `_links.next` until the last page. */
const halPageRoute = (last: number) => (request: RecordedRequest) => {
  const page = pageOf(request);
  const next = page < last ? { next: { href: `/v1/orders?page=${page + 1}` } } : {};
  const prev = page > 1 ? { prev: { href: `/v1/orders?page=${page - 1}` } } : {};
  return {
    headers: hal,
    body: {
      _links: { self: { href: `/v1/orders?page=${page}` }, ...next, ...prev },
      _embedded: { orders: [{ id: `${page}a`, _links: { self: { href: `/v1/orders/${page}a` } } }, { id: `${page}b`, _links: { self: { href: `/v1/orders/${page}b` } } }] },
    },
  };
};

interface Pager {
  getCurrentResult(): { status: string; hasNextPage: boolean };
  fetchNextPage(): Promise<unknown>;
}

async function fetchAll(observer: Pager): Promise<void> {
  await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
  while (observer.getCurrentResult().hasNextPage) await observer.fetchNextPage();
}

describe('R-LINK-NEXT: infinite queries driven by next links', () => {
  it('R-LINK-NEXT: pages through HAL _links.next (halPages) until there is none', async () => {
    server.route('GET', '/v1/orders', halPageRoute(3));
    const options = client().infiniteQueryOptions('/orders', { schema: Page, pages: halPages() });
    expect(options.initialPageParam).toBe(`${server.url}/v1/orders`);
    const observer = new InfiniteQueryObserver(queryClient, options);
    const unsubscribe = observer.subscribe(() => undefined);
    await fetchAll(observer);
    const result = observer.getCurrentResult();
    expect(result.hasNextPage).toBe(false);
    expect(result.data?.pages.flatMap((page) => page.data._embedded.orders.map((order) => order.id))).toEqual(['1a', '1b', '2a', '2b', '3a', '3b']);
    expect(result.data?.pageParams).toEqual([`${server.url}/v1/orders`, `${server.url}/v1/orders?page=2`, `${server.url}/v1/orders?page=3`]);
    // The schema dropped `_links`; the links were read from the raw page.
    expect(result.data?.pages[0]?.data).not.toHaveProperty('_links');
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/orders', '/v1/orders?page=2', '/v1/orders?page=3']);
    unsubscribe();
  });

  it('R-LINK-NEXT: pages through an RFC 8288 Link header until there is none', async () => {
    server.route('GET', '/v1/events', (request) => {
      const page = pageOf(request);
      const link = [
        page < 3 ? `<${server.url}/v1/events?page=${page + 1}&per_page=2>; rel="next"; title="Next, then; more"` : '',
        `</v1/events?page=3&per_page=2>; rel="last"`,
        page > 1 ? `<?page=${page - 1}&per_page=2>; rel="prev previous"` : '',
      ].filter(Boolean).join(', ');
      return { headers: { link }, body: [{ n: page * 2 - 1 }, { n: page * 2 }] };
    });
    const observer = new InfiniteQueryObserver(queryClient, client().infiniteQueryOptions('/events', { searchParams: { per_page: 2 }, schema: z.array(z.object({ n: z.number() })) }));
    const unsubscribe = observer.subscribe(() => undefined);
    await fetchAll(observer);
    const { data } = observer.getCurrentResult();
    expect(data?.pages.flatMap((page) => page.data.map((item) => item.n))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(data?.pages[2]?.next).toBeUndefined();
    expect(data?.pages[2]?.prev).toBe(`${server.url}/v1/events?page=2&per_page=2`);
    expect(server.requests.map((request) => request.url)).toEqual(['/v1/events?per_page=2', '/v1/events?page=2&per_page=2', '/v1/events?page=3&per_page=2']);
    unsubscribe();
  });

  it('R-LINK-NEXT: prev links give previous pages when starting in the middle', async () => {
    server.route('GET', '/v1/orders', halPageRoute(3));
    const observer = new InfiniteQueryObserver(queryClient, client().infiniteQueryOptions('/orders', { searchParams: { page: 2 }, pages: halPages() }));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    expect(observer.getCurrentResult().hasPreviousPage).toBe(true);
    await observer.fetchPreviousPage();
    expect(observer.getCurrentResult().data?.pages.map((page) => page.url)).toEqual([`${server.url}/v1/orders?page=1`, `${server.url}/v1/orders?page=2`]);
    expect(observer.getCurrentResult().hasPreviousPage).toBe(false);
    unsubscribe();
  });

  it('R-LINK-NEXT: by default only the Link header pages; HAL _links.next needs pages: halPages()', async () => {
    server.route('GET', '/v1/orders', halPageRoute(3));
    const observer = new InfiniteQueryObserver(queryClient, client().infiniteQueryOptions('/orders'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    expect(observer.getCurrentResult().hasNextPage).toBe(false);
    expect(observer.getCurrentResult().data?.pages[0]?.next).toBeUndefined();
    expect(server.count()).toBe(1);
    unsubscribe();
  });

  it('R-ONE-RETRIER: a page that always answers 503 costs 1 + 3 requests, not 16', async () => {
    server.route('GET', '/v1/orders', { status: 503 });
    const options = client().infiniteQueryOptions('/orders');
    expect(options.retry).toBeTypeOf('function'); // fetchwise's policy, run by TanStack's retryer
    await expect(queryClient.fetchInfiniteQuery(options)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(server.count()).toBe(4);
  });

  it("R-ABORT: the query's signal cancels the page request", async () => {
    server.route('GET', '/v1/orders', { delay: 2000, headers: hal, body: {} });
    const options = client().infiniteQueryOptions('/orders');
    const observer = new InfiniteQueryObserver(queryClient, options);
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(server.count()).toBe(1));
    await queryClient.cancelQueries({ queryKey: options.queryKey });
    await vi.waitFor(() => expect(server.requests[0]?.aborted).toBe(true));
    unsubscribe();
  });

  it('R-LINK-NEXT: a page that fails the schema fails the query with a ResponseShapeError', async () => {
    server.route('GET', '/v1/orders', { headers: hal, body: { _embedded: { orders: 'nope' } } });
    await expect(queryClient.fetchInfiniteQuery(client().infiniteQueryOptions('/orders', { schema: Page }))).rejects.toBeInstanceOf(ResponseShapeError);
  });

  it('R-HAL: seedEmbedded seeds every page’s items, so opening one costs no request', async () => {
    server.route('GET', '/v1/orders', halPageRoute(2));
    const api = client();
    const observer = new InfiniteQueryObserver(queryClient, api.infiniteQueryOptions('/orders', { pages: halPages({ seedEmbedded: { rel: 'orders' } }) }));
    const unsubscribe = observer.subscribe(() => undefined);
    await fetchAll(observer);
    expect(server.count()).toBe(2);
    await expect(queryClient.ensureQueryData(api.queryOptions('/orders/2b'))).resolves.toMatchObject({ id: '2b' });
    expect(server.count()).toBe(2);
    unsubscribe();
  });

  it('R-INVALIDATE: a POST to the collection refetches the pages (meta url is the collection)', async () => {
    server.route('GET', '/v1/orders', halPageRoute(1));
    server.route('POST', '/v1/orders', { status: 201, headers: { location: '/v1/orders/9' } });
    const api = createClient({ baseUrl: `${server.url}/v1`, queryClient });
    const observer = new InfiniteQueryObserver(queryClient, api.infiniteQueryOptions('/orders'));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(observer.getCurrentResult().status).toBe('success'));
    await api.post('/orders', { json: { id: '9' } });
    await vi.waitFor(() => expect(server.count('GET', '/v1/orders')).toBe(2));
    unsubscribe();
  });
});
