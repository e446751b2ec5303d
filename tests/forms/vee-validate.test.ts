import { useForm } from 'vee-validate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick } from 'vue';
import { setVeeValidateErrors } from '../../src/forms/index.js';
import { useTestServer } from '../helpers/server.js';
import { serverValidationError, type Contact } from './fixtures.js';

const server = useTestServer();

// VeeValidate's useForm in a Vue effect scope (no component): it warns that there is no component to
// provide to and to mount with, which these tests do not need.
beforeEach(() => void vi.spyOn(console, 'warn').mockImplementation(() => {}));
afterEach(() => vi.restoreAllMocks());

function contactForm(defined: readonly ('name' | 'email' | 'address.zip')[] = ['name', 'email', 'address.zip']) {
  const scope = effectScope();
  const form = scope.run(() => {
    const form = useForm<Contact>({ initialValues: { name: '', email: '', address: { zip: '' } } });
    for (const path of defined) form.defineField(path);
    return form;
  })!;
  return { form, stop: () => scope.stop() };
}

describe('fetchwise/forms: VeeValidate', () => {
  it('R-422: setErrors puts each message under its field; form errors and unknown fields under the form-level key ""', async () => {
    const { form, stop } = contactForm();
    const result = setVeeValidateErrors(form, await serverValidationError(server));
    await nextTick();
    expect(form.errors.value.email).toBe('is already taken');
    expect(form.errors.value['address.zip']).toBe('must be 5 digits');
    expect(form.errors.value.name).toBeUndefined();
    expect(form.errorBag.value['']).toEqual(['A contact needs a name or an email', 'phone: is not a phone number']);
    expect(form.errors.value['']).toBe('A contact needs a name or an email');
    expect(result.fields).toEqual({ email: ['is already taken'], 'address.zip': ['must be 5 digits'] });
    stop();
  });

  it('a path with a value but no defined field is not a field', async () => {
    const { form, stop } = contactForm(['name']);
    setVeeValidateErrors(form, await serverValidationError(server));
    await nextTick();
    expect(form.errors.value.email).toBeUndefined();
    expect(form.errorBag.value['']).toContain('email: is already taken');
    stop();
  });

  it("a later answer replaces the earlier one: fields it does not name and '' are cleared; null clears all", async () => {
    const { form, stop } = contactForm();
    setVeeValidateErrors(form, await serverValidationError(server));
    server.route('PATCH', '/contacts/1', { status: 422, body: { errors: { name: ['is required'] } } });
    const { createClient } = await import('../../src/index.js');
    const second = await createClient({ baseUrl: server.url }).patch('/contacts/1', { json: {} }).catch((e: unknown) => e);
    setVeeValidateErrors(form, second);
    await nextTick();
    expect(form.errors.value).toEqual({ name: 'is required' });
    setVeeValidateErrors(form, null);
    await nextTick();
    expect(form.errors.value).toEqual({});
    stop();
  });
});

describe('fetchwise/forms: VeeValidate handleSubmit actions', () => {
  it('R-422: the actions of handleSubmit (plain controlledValues) work the same', async () => {
    const error = await serverValidationError(server);
    const { form, stop } = contactForm();
    const submit = form.handleSubmit((_values, actions) => void setVeeValidateErrors(actions, error));
    await submit();
    await nextTick();
    expect(form.errors.value.email).toBe('is already taken');
    expect(form.errorBag.value['']).toEqual(['A contact needs a name or an email', 'phone: is not a phone number']);
    stop();
  });
});
