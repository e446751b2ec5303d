import { createFormControl } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { setHookFormErrors } from '../../src/forms/index.js';
import { useTestServer } from '../helpers/server.js';
import { serverValidationError, type Contact } from './fixtures.js';

const server = useTestServer();

// React Hook Form's own core (`createFormControl`, what `useForm` is built on), in Node.
function contactForm() {
  const form = createFormControl<Contact>({ defaultValues: { name: '', email: '', address: { zip: '' } } });
  // The inputs the page renders: name, email and the zip code (no phone input).
  form.register('name');
  form.register('email');
  form.register('address.zip');
  return form;
}
const errors = (form: ReturnType<typeof contactForm>) => form.control._formState.errors;

describe('fetchwise/forms: React Hook Form', () => {
  it('R-422: each message lands under its field as a server error; form errors and unknown fields go to root.server', async () => {
    const form = contactForm();
    const result = setHookFormErrors(form, await serverValidationError(server));
    expect(errors(form).email).toMatchObject({ type: 'server', message: 'is already taken' });
    expect(errors(form).address?.zip).toMatchObject({ type: 'server', message: 'must be 5 digits' });
    expect(errors(form).name).toBeUndefined();
    expect(errors(form).root?.['server']).toMatchObject({
      type: 'server',
      message: 'A contact needs a name or an email\nphone: is not a phone number',
    });
    expect(result.form).toEqual(['A contact needs a name or an email', 'phone: is not a phone number']);
  });

  it('a field with a default value but no input is not a field: its error goes to root.server', async () => {
    const form = createFormControl<Contact>({ defaultValues: { name: '', email: '', address: { zip: '' } } });
    form.register('name');
    setHookFormErrors(form, await serverValidationError(server));
    expect(errors(form).email).toBeUndefined();
    expect(errors(form).root?.['server']?.message).toContain('email: is already taken');
  });

  it('an input that unmounted (kept registered by shouldUnregister: false) is not a field any more', async () => {
    const form = contactForm();
    const email = form.register('email');
    email.ref({ focus: () => {} }); // rendered
    email.ref(null); // and removed from the page
    setHookFormErrors(form, await serverValidationError(server));
    expect(errors(form).email).toBeUndefined();
    expect(errors(form).address?.zip?.message).toBe('must be 5 digits');
    expect(errors(form).root?.['server']?.message).toContain('email: is already taken');
  });

  it('`fields` lists the fields the form shows instead of the registered inputs', async () => {
    const form = createFormControl<Contact>();
    setHookFormErrors(form, await serverValidationError(server), { fields: ['email'] });
    expect(errors(form).email?.message).toBe('is already taken');
    expect(errors(form).root?.['server']?.message).toContain('address.zip: must be 5 digits');
  });

  it('shouldFocus focuses the first field with an error, and only that one', async () => {
    const form = contactForm();
    const focused: string[] = [];
    // What a rendered input gives register's ref: something with focus().
    for (const name of ['name', 'email', 'address.zip'] as const) {
      form.register(name).ref({ focus: () => focused.push(name) });
    }
    setHookFormErrors(form, await serverValidationError(server), { shouldFocus: true });
    expect(focused).toEqual(['email']);
  });

  it('an error without any message still says something in root.server (a 500 without a body)', async () => {
    server.route('PATCH', '/contacts/1', { status: 500, body: '' });
    const { createClient } = await import('../../src/index.js');
    const error = await createClient({ baseUrl: server.url, retry: false }).patch('/contacts/1', { json: {} }).catch((e: unknown) => e);
    const form = contactForm();
    setHookFormErrors(form, error);
    expect(errors(form).root?.['server']?.message).toBe('Internal Server Error');
  });
});
