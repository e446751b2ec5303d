import { useForm as useTanStackForm } from '@tanstack/react-form';
import { createForm } from '@tanstack/svelte-form';
import { useForm as useHookForm } from 'react-hook-form';
import { useForm as useVeeForm } from 'vee-validate';
import { describe, expectTypeOf, it } from 'vitest';
import { setHookFormErrors, setVeeValidateErrors, tanstackFormErrors, type ServerErrors } from '../../src/forms/index.js';

interface Contact {
  name: string;
  email: string;
  address: { zip: string };
  tags: { label: string }[];
}
declare const error: unknown;

describe('fetchwise/forms: each adapter takes the typed form itself, no cast', () => {
  it("React Hook Form: useForm<T>() as it is; `fields` is checked against the form's FieldPath<T>", () => {
    const run = () => {
      const form = useHookForm<Contact>();
      expectTypeOf(setHookFormErrors(form, error)).toExtend<ServerErrors>();
      setHookFormErrors(form, error, { shouldFocus: true, fields: ['name', 'address.zip', 'tags.0.label'] });
      // @ts-expect-error 'phone' is not a field of Contact
      setHookFormErrors(form, error, { fields: ['phone'] });
      // @ts-expect-error a VeeValidate form is not a React Hook Form form
      setHookFormErrors(useVeeForm<Contact>(), error);
      // @ts-expect-error the error comes second
      setHookFormErrors(error, form);
    };
    void run;
  });

  it('TanStack Form (React): the result is what onSubmitAsync returns, keyed by DeepKeys<T>', () => {
    const run = () => {
      const defaultValues: Contact = { name: '', email: '', address: { zip: '' }, tags: [] };
      const form = useTanStackForm({
        defaultValues,
        validators: { onSubmitAsync: ({ formApi }) => tanstackFormErrors(formApi, error) },
      });
      const result = tanstackFormErrors(form, error);
      expectTypeOf(result?.form).toEqualTypeOf<string | undefined>();
      expectTypeOf(result?.fields['address.zip']).toEqualTypeOf<string | undefined>();
      // @ts-expect-error 'phone' is not a field of Contact
      void result?.fields.phone;
      // @ts-expect-error a React Hook Form form is not a TanStack form
      tanstackFormErrors(useHookForm<Contact>(), error);
    };
    void run;
  });

  it('TanStack Form (Svelte): createForm works with the same adapter', () => {
    const run = () => {
      const defaultValues: Contact = { name: '', email: '', address: { zip: '' }, tags: [] };
      const form = createForm(() => ({
        defaultValues,
        validators: { onSubmitAsync: ({ formApi }) => tanstackFormErrors(formApi, error) },
      }));
      expectTypeOf(tanstackFormErrors(form, error)?.fields.email).toEqualTypeOf<string | undefined>();
    };
    void run;
  });

  it("VeeValidate: useForm<T>() as it is; results are keyed by the form's Path<T>", () => {
    const run = () => {
      const form = useVeeForm<Contact>();
      const result = setVeeValidateErrors(form, error);
      expectTypeOf(result.fields['address.zip']).toEqualTypeOf<string[] | undefined>();
      // @ts-expect-error 'phone' is not a field of Contact
      void result.fields.phone;
      form.handleSubmit((_values, actions) => setVeeValidateErrors(actions, error));
      // @ts-expect-error a React Hook Form form is not a VeeValidate form
      setVeeValidateErrors(useHookForm<Contact>(), error);
    };
    void run;
  });
});
