import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

describe('invalid client options fail at createClient', () => {
  it('rejects a baseUrl that is not a URL', () => {
    expect(() => createClient({ baseUrl: 'not a url' })).toThrow(/baseUrl "not a url" is not a valid URL/);
  });
  it('rejects a baseUrl with another scheme', () => {
    expect(() => createClient({ baseUrl: 'ftp://example.com' })).toThrow(/must use http or https/);
  });
  it('rejects a baseUrl with a query', () => {
    expect(() => createClient({ baseUrl: 'https://example.com/api?key=1' })).toThrow(/must not have a query/);
  });
  it('rejects a negative retry limit', () => {
    expect(() => createClient({ retry: -1 })).toThrow(/retry.limit must be a non-negative integer/);
    expect(() => createClient({ retry: { limit: 1.5 } })).toThrow(RangeError);
  });
  it('rejects unknown retry options', () => {
    expect(() => createClient({ retry: { limt: 2 } as never })).toThrow(/unknown retry option "limt"/);
  });
  it('rejects a bad timeout', () => {
    expect(() => createClient({ timeout: 0 })).toThrow(/timeout must be false or a number/);
    expect(() => createClient({ timeout: Number.NaN })).toThrow(RangeError);
  });
  it('rejects unknown options and suggests the right name', () => {
    expect(() => createClient({ baseURL: 'https://example.com' } as never)).toThrow(/unknown option "baseURL" \(did you mean "baseUrl"\?\)/);
  });
  it('rejects invalid headers', () => {
    expect(() => createClient({ headers: { 'bad header': 'x' } })).toThrow(/headers are invalid/);
  });
  it('rejects malformed dialects', () => {
    expect(() => createClient({ dialects: [{ name: 'x' } as never] })).toThrow(/dialects must be an array/);
  });
  it('a relative path without baseUrl outside a browser is a clear error', async () => {
    await expect(createClient().get('/contacts')).rejects.toThrow(/relative path and the client has no baseUrl/);
  });
  it('accepts a valid configuration', () => {
    expect(() => createClient({ baseUrl: 'https://api.example.com/v1/', retry: { limit: 0 }, timeout: false })).not.toThrow();
  });
});
