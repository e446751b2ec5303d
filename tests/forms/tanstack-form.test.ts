import { FieldApi, FormApi } from '@tanstack/form-core';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';
import { tanstackFormErrors } from '../../src/forms/index.js';
import { useTestServer } from '../helpers/server.js';
import { serverValidationError, type Contact } from './fixtures.js';

const server = useTestServer();

// TanStack Form's core (what @tanstack/react-form and @tanstack/svelte-form wrap), in Node: the form
// saves in its onSubmitAsync validator and returns the adapter's { form, fields }.
function contactForm(save: () => Promise<unknown>) {
  const defaultValues: Contact = { name: '', email: '', address: { zip: '' } };
  const form = new FormApi({
    defaultValues,
    validators: {
      onSubmitAsync: async ({ formApi }) => save().then(() => undefined, (error: unknown) => tanstackFormErrors(formApi, error)),
    },
  });
  form.mount();
  // The fields the page renders: name, email and the zip code (no phone field).
  const fields = (['name', 'email', 'address.zip'] as const).map((name) => {
    const field = new FieldApi({ form, name });
    field.mount();
    return field;
  });
  return { form, fields };
}

describe('fetchwise/forms: TanStack Form', () => {
  it('R-422: onSubmitAsync returns { form, fields }: messages under their fields, the rest in form.state.errors', async () => {
    const error = await serverValidationError(server);
    const { form, fields } = contactForm(() => Promise.reject(error));
    await form.handleSubmit();
    const [name, email, zip] = fields;
    expect(email!.state.meta.errors).toEqual(['is already taken']);
    expect(zip!.state.meta.errors).toEqual(['must be 5 digits']);
    expect(name!.state.meta.errors).toEqual([]);
    expect(form.state.errors).toEqual(['A contact needs a name or an email\nphone: is not a phone number']);
    expect(form.state.isSubmitSuccessful).toBe(false);
  });

  it('a successful save submits: the adapter is not involved and the form has no errors', async () => {
    server.route('PATCH', '/contacts/1', { body: {} });
    const api = createClient({ baseUrl: server.url });
    const { form } = contactForm(() => api.patch('/contacts/1', { json: {} }));
    await form.handleSubmit();
    expect(form.state.errors).toEqual([]);
    expect(form.state.isSubmitSuccessful).toBe(true);
  });

  it('a field that is not mounted is not a field; undefined and null are no error', async () => {
    const error = await serverValidationError(server);
    const { form, fields } = contactForm(() => Promise.reject(error));
    fields[1]!.getInfo().instance = null; // what FieldApi's unmount does: the email field is gone
    expect(tanstackFormErrors(form, error)).toEqual({
      form: 'A contact needs a name or an email\nemail: is already taken\nphone: is not a phone number',
      fields: { 'address.zip': 'must be 5 digits' },
    });
    expect(tanstackFormErrors(form, undefined)).toBeUndefined();
    expect(tanstackFormErrors(form, null)).toBeUndefined();
  });

  it('an error with no message (a network failure) still fails the submit with a form error', async () => {
    server.route('PATCH', '/contacts/1', { destroy: true });
    const api = createClient({ baseUrl: server.url, retry: false });
    const { form } = contactForm(() => api.patch('/contacts/1', { json: {} }));
    await form.handleSubmit();
    expect(form.state.isSubmitSuccessful).toBe(false);
    expect(String(form.state.errors[0])).toMatch(/network error/);
  });
});
