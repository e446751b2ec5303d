import { MutationObserver, QueryClient } from '@tanstack/query-core';
import { useMutation } from '@tanstack/react-query';
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createClient } from '../src/index.js';

const api = createClient({ baseUrl: 'https://api.example.com' });
const queryClient = new QueryClient();
const Contact = z.object({ id: z.string(), name: z.string(), email: z.string() });
type Contact = z.infer<typeof Contact>;
const ContactPatch = z.object({ name: z.string().trim().optional(), email: z.email().optional() });
// A schema whose input and output differ: the input is what mutate() takes.
const Birthday = z.object({ born: z.string().transform((value) => new Date(value)) });

describe('typed mutations: the `variables` schema types mutate(variables)', () => {
  it('with a string path, mutate takes the schema input and resolves with the response schema output', () => {
    const save = api.mutationOptions('PATCH', '/contacts/1', { schema: Contact, variables: ContactPatch });
    const observer = new MutationObserver(queryClient, save);
    expectTypeOf(observer.mutate).parameter(0).toEqualTypeOf<{ name?: string | undefined; email?: string | undefined }>();
    void observer.mutate({ name: 'Ada' });
    // @ts-expect-error 42 is not a ContactPatch
    void observer.mutate(42);
    // @ts-expect-error name is a string
    void observer.mutate({ name: 1 });
    const run = () => useMutation(save);
    expectTypeOf<Awaited<ReturnType<ReturnType<typeof run>['mutateAsync']>>>().toEqualTypeOf<Contact>();
  });

  it('useMutation rejects a wrong variable type', () => {
    const run = () => {
      const save = useMutation(api.mutationOptions('POST', '/contacts', { variables: ContactPatch }));
      save.mutate({ email: 'ada@example.com' });
      // @ts-expect-error 42 is not a ContactPatch
      save.mutate(42);
    };
    void run;
  });

  it('the input type, not the output, is what mutate takes (a transforming schema)', () => {
    const save = api.mutationOptions('PUT', '/me/birthday', { variables: Birthday });
    expectTypeOf(new MutationObserver(queryClient, save).mutate).parameter(0).toEqualTypeOf<{ born: string }>();
  });

  it('a path function gets the same typed variables', () => {
    const rename = api.mutationOptions('PATCH', (input) => `/contacts/${input.id}`, {
      variables: z.object({ id: z.string(), name: z.string() }),
      schema: Contact,
    });
    expectTypeOf(new MutationObserver(queryClient, rename).mutate).parameter(0).toEqualTypeOf<{ id: string; name: string }>();
  });

  it('without a variables schema, variables stay unknown (or what the type argument says)', () => {
    expectTypeOf(new MutationObserver(queryClient, api.mutationOptions('DELETE', '/contacts/1')).mutate).parameter(0).toEqualTypeOf<unknown>();
    const typed = api.mutationOptions<Contact, { name: string }>('PATCH', '/contacts/1');
    // @ts-expect-error the type argument says { name: string }
    void new MutationObserver(queryClient, typed).mutate(42);
  });

  it('`variables` must be a schema', () => {
    // @ts-expect-error a plain object is not a Standard Schema
    api.mutationOptions('PATCH', '/contacts/1', { variables: { name: 'string' } });
  });
});
