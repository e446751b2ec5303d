import { QueryClient, QueryObserver, MutationObserver } from '@tanstack/query-core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useQuery as useVueQuery } from '@tanstack/vue-query';
import { createQuery } from '@tanstack/svelte-query';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createClient, type FetchwiseQueryError } from '../src/index.js';

const api = createClient({ baseUrl: 'https://api.example.com' });
const Contact = z.object({ id: z.string(), name: z.string() });
type Contact = z.infer<typeof Contact>;
const queryClient = new QueryClient();

describe('R-QUERY-OPTIONS: types', () => {
  it('tags the query key with the schema type (DataTag) and our error union', () => {
    const options = api.queryOptions('/contacts/1', { schema: Contact });
    expectTypeOf(queryClient.getQueryData(options.queryKey)).toEqualTypeOf<Contact | undefined>();
    expectTypeOf(queryClient.getQueryState(options.queryKey)?.error).toEqualTypeOf<FetchwiseQueryError | null | undefined>();
  });

  it('QueryObserver infers data from the options', () => {
    const observer = new QueryObserver(queryClient, api.queryOptions('/contacts', { schema: z.array(Contact) }));
    expectTypeOf(observer.getCurrentResult().data).toEqualTypeOf<Contact[] | undefined>();
  });

  it("React's useQuery takes the options unchanged and infers data", () => {
    const run = () => useQuery(api.queryOptions('/contacts/1', { schema: Contact }));
    expectTypeOf<ReturnType<typeof run>['data']>().toEqualTypeOf<Contact | undefined>();
  });

  it("Vue's useQuery takes the options unchanged", () => {
    const run = () => useVueQuery(api.queryOptions('/contacts/1', { schema: Contact }));
    expectTypeOf<ReturnType<typeof run>['data']['value']>().toEqualTypeOf<Contact | undefined>();
  });

  it("Svelte's createQuery takes the options unchanged", () => {
    const run = () => createQuery(() => api.queryOptions('/contacts/1', { schema: Contact }));
    expectTypeOf<ReturnType<typeof run>['data']>().toEqualTypeOf<Contact | undefined>();
  });

  it('mutation options infer data from the schema and variables from a path function', () => {
    const options = api.mutationOptions('PATCH', (input: { id: string; name: string }) => `/contacts/${input.id}`, { schema: Contact });
    const observer = new MutationObserver(queryClient, options);
    expectTypeOf(observer.mutate).parameter(0).toEqualTypeOf<{ id: string; name: string }>();
    const run = () => useMutation(options);
    expectTypeOf<Awaited<ReturnType<ReturnType<typeof run>['mutateAsync']>>>().toEqualTypeOf<Contact>();
  });
});
