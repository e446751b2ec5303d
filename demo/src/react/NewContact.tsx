import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { setHookFormErrors } from '../../../src/forms/index.ts';
import { contactFieldNames, describeError } from '../shared/error-view.ts';
import { contactHref } from '../shared/route.ts';
import { Contact, ContactInput } from '../shared/schemas.ts';
import { ContactForm } from './ContactForm.tsx';
import { api } from './demo.ts';

/** POST answers 201 + Location and no body; `followLocation` fetches the new contact from there. */
export function NewContact() {
  const form = useForm<ContactInput>({ defaultValues: { name: '', email: '', phone: '' } });
  const create = useMutation({
    ...api.mutationOptions('POST', '/contacts', { schema: Contact, variables: ContactInput, followLocation: true, idempotencyKey: true }),
    onSuccess: (contact) => {
      location.hash = contactHref(contact.id);
    },
    onError: (error) => setHookFormErrors(form, error, { shouldFocus: true }),
  });
  const error = describeError(create.error, contactFieldNames);
  return (
    <section className="editor">
      <a href="#/">← Contacts</a>
      <h2>New contact</h2>
      <ContactForm
        form={form}
        onSubmit={(values) => create.mutate(values)}
        error={error}
        status={create.isPending ? 'saving' : error ? 'invalid' : 'ready'}
        busy={create.isPending}
        submitLabel="Create"
      />
    </section>
  );
}
