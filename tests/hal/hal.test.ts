import { QueryClient, QueryObserver } from '@tanstack/query-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createAuth } from '../../src/auth/index.js';
import { embedded, follow, link, linkPath, links, seedEmbedded, type HalResource } from '../../src/hal/index.js';
import { createClient, ServiceUnavailableError } from '../../src/index.js';
import { channelName } from '../auth/fixtures.js';
import { useTestServer } from '../helpers/server.js';

const server = useTestServer();
let queryClient: QueryClient;
beforeEach(() => {
  queryClient = new QueryClient();
});
afterEach(() => queryClient.clear());

const hal = { 'content-type': 'application/hal+json' };
const client = () => createClient({ baseUrl: `${server.url}/v1`, retry: { delay: 1, jitter: false } });
const Order = z.object({ id: z.string(), total: z.number(), status: z.string() });

// Seed 004: successful responses are application/hal+json with _links and _embedded.
const orderList: HalResource = {
  _links: {
    self: { href: '/v1/orders' },
    next: { href: '/v1/orders?page=2' },
    find: { href: '/v1/orders{?q}', templated: true },
    item: [
      { href: '/v1/orders/1', name: 'first' },
      { href: '/v1/orders/2', name: 'second' },
    ],
  },
  _embedded: {
    orders: [
      { id: '1', total: 30, status: 'shipped', _links: { self: { href: '/v1/orders/1' }, customer: { href: '../customers/7' } } },
      { id: '2', total: 20, status: 'processing', _links: { self: { href: '/v1/orders/2' } } },
      { id: '3', total: 10, _links: { self: { href: '/v1/orders/3' } } },
    ],
    owner: { id: 'u1', _links: { self: { href: '/v1/users/u1' } } },
  },
  count: 3,
};

describe('R-HAL: reading _links and _embedded', () => {
  it('R-HAL: links() gives every relation as an array; link() picks the first or the named one', () => {
    expect(links(orderList).item?.map((entry) => entry.href)).toEqual(['/v1/orders/1', '/v1/orders/2']);
    expect(links(orderList).next).toEqual([{ href: '/v1/orders?page=2' }]);
    expect(link(orderList, 'item')?.href).toBe('/v1/orders/1');
    expect(link(orderList, 'item', 'second')?.href).toBe('/v1/orders/2');
    expect(link(orderList, 'missing')).toBeUndefined();
    expect(links({ _links: { broken: { title: 'no href' }, bad: 'x' } })).toEqual({});
    expect(links('not a resource')).toEqual({});
  });

  it('R-HAL: embedded() gives arrays, a single embedded resource wrapped in one', () => {
    expect(embedded(orderList, 'orders').map((order) => order.id)).toEqual(['1', '2', '3']);
    expect(embedded(orderList, 'owner')).toEqual([{ id: 'u1', _links: { self: { href: '/v1/users/u1' } } }]);
    expect(embedded(orderList, 'nothing')).toEqual([]);
    expect(embedded(null, 'orders')).toEqual([]);
  });
});

describe('R-HAL: following links through the client', () => {
  it('R-HAL: a templated link is expanded per RFC 6570, reserved characters percent-encoded', async () => {
    server.route('GET', '/v1/orders', { headers: hal, body: { _links: { self: { href: '/v1/orders' } }, count: 0 } });
    await follow(client(), orderList, 'find', { params: { q: 'a&b=c/d e+é?#' } });
    expect(server.requests[0]?.url).toBe('/v1/orders?q=a%26b%3Dc%2Fd%20e%2B%C3%A9%3F%23');
  });

  it('R-HAL: reserved expansion {+path}, path segments {/id} and exploded query maps {?filter*}', async () => {
    server.route('GET', '/v1/files/docs/2026/report;v=2/a%2Fb', { headers: hal, body: {} });
    server.route('GET', '/v1/search', { headers: hal, body: {} });
    const resource = {
      _links: {
        file: { href: '/v1/files/{+path}{/name}', templated: true },
        search: { href: '/v1/search{?filter*,page}', templated: true },
      },
    };
    const api = client();
    await follow(api, resource, 'file', { params: { path: 'docs/2026/report;v=2', name: 'a/b' } });
    await follow(api, resource, 'search', { params: { filter: { status: 'open & new', owner: 'me' }, page: 2 } });
    expect(server.requests.map((request) => request.url)).toEqual([
      '/v1/files/docs/2026/report;v=2/a%2Fb',
      '/v1/search?status=open%20%26%20new&owner=me&page=2',
    ]);
  });

  it('R-HAL: relative hrefs resolve against the self link, else against the client base (RFC 3986)', async () => {
    server.route('GET', '/v1/customers/7', { headers: hal, body: { id: '7' } });
    const api = client();
    const [order] = embedded(orderList, 'orders');
    await expect(follow(api, order, 'customer')).resolves.toEqual({ id: '7' });
    await follow(api, { _links: { customer: { href: 'customers/7' } } }, 'customer');
    await follow(api, { _links: { customer: { href: `${server.url}/v1/customers/7` } } }, 'customer');
    expect(server.requests.map((request) => request.path)).toEqual(['/v1/customers/7', '/v1/customers/7', '/v1/customers/7']);
    expect(linkPath(api, order, 'customer')).toBe('/customers/7');
    expect(linkPath(api, { _links: { elsewhere: { href: 'https://other.example/x' } } }, 'elsewhere')).toBe('https://other.example/x');
  });

  it('R-HAL: following goes through the same client: auth, retries, schema, If-Match on writes', async () => {
    const api = createClient({ baseUrl: `${server.url}/v1`, retry: { delay: 1, jitter: false }, auth: createAuth({ refresh: () => Promise.reject(new Error('unused')), channel: channelName() }) });
    await api.auth.setSession({ accessToken: 'at-1' });
    server.route('GET', '/v1/orders/1', [{ status: 503 }, { headers: { ...hal, etag: '"v1"' }, body: { id: '1', total: 30, status: 'shipped' } }]);
    server.route('PUT', '/v1/orders/1', { headers: hal, body: { id: '1', total: 30, status: 'cancelled' } });
    const order = await follow(api, orderList, 'item', { schema: Order });
    expect(order).toEqual({ id: '1', total: 30, status: 'shipped' });
    await follow(api, orderList, 'item', { method: 'PUT', json: { ...order, status: 'cancelled' } });
    expect(server.requests.map((request) => [request.method, request.headers.authorization, request.headers['if-match']])).toEqual([
      ['GET', 'Bearer at-1', undefined],
      ['GET', 'Bearer at-1', undefined],
      ['PUT', 'Bearer at-1', '"v1"'],
    ]);
    server.route('GET', '/v1/orders/2', { status: 503 });
    await expect(follow(api, orderList, 'item', { name: 'second' })).rejects.toBeInstanceOf(ServiceUnavailableError);
    await api.auth.dispose();
  });

  it('R-HAL: a missing link rejects with a TypeError naming the relation', async () => {
    await expect(follow(client(), orderList, 'cancel')).rejects.toThrow(/no "cancel" link/);
    await expect(follow(client(), orderList, 'item', { name: 'third' })).rejects.toThrow(/named "third"/);
  });
});

describe('R-HAL: embedded resources seed the query cache', () => {
  it('R-HAL: after the list, opening an embedded item costs no request', async () => {
    server.route('GET', '/v1/orders', { headers: hal, body: orderList });
    server.route('GET', '/v1/orders/1', { headers: hal, body: { id: '1', total: 30, status: 'shipped' } });
    const api = client();
    const list = await queryClient.fetchQuery(api.queryOptions('/orders'));
    const seeded = await seedEmbedded(api, queryClient, list, { rel: 'orders' });
    expect(seeded).toEqual(['/orders/1', '/orders/2', '/orders/3']);

    // The item's own query: the key `queryOptions` derives finds the seeded data.
    const detail = api.queryOptions('/orders/1', { schema: Order });
    expect(queryClient.getQueryData(detail.queryKey)).toMatchObject({ id: '1', total: 30 });
    const observer = new QueryObserver(queryClient, { ...detail, staleTime: 60_000 });
    const unsubscribe = observer.subscribe(() => undefined);
    expect(observer.getCurrentResult().data).toMatchObject({ id: '1', status: 'shipped' });
    await queryClient.ensureQueryData(api.queryOptions('/orders/2'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(server.count()).toBe(1);
    unsubscribe();
  });

  it('R-HAL: with a schema, items that do not fit (partial representations) are not seeded', async () => {
    const api = client();
    const seeded = await seedEmbedded(api, queryClient, orderList, { rel: 'orders', schema: Order });
    expect(seeded).toEqual(['/orders/1', '/orders/2']);
    expect(queryClient.getQueryData(['/orders/1'])).toEqual({ id: '1', total: 30, status: 'shipped' });
    expect(queryClient.getQueryData(['/orders/3'])).toBeUndefined();
  });

  it('R-HAL: without a rel, every embedded relation is seeded', async () => {
    const seeded = await seedEmbedded(client(), queryClient, orderList);
    expect(seeded).toEqual(['/orders/1', '/orders/2', '/orders/3', '/users/u1']);
  });
});
