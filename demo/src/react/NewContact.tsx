import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { contactFieldNames, describeError } from '../shared/error-view.ts';
import { contactHref } from '../shared/route.ts';
import { Contact, type ContactInput } from '../shared/schemas.ts';
import { ContactForm } from './ContactForm.tsx';
import { api } from './demo.ts';

/** POST answers 201 + Location and no body; `followLocation` fetches the new contact from there. */
export function NewContact() {
  const [value, setValue] = useState<ContactInput>({ name: '', email: '', phone: '' });
  const create = useMutation({
    ...api.mutationOptions<typeof Contact, ContactInput>('POST', '/contacts', { schema: Contact, followLocation: true, idempotencyKey: true }),
    onSuccess: (contact) => {
      location.hash = contactHref(contact.id);
    },
  });
  const error = describeError(create.error, contactFieldNames);
  return (
    <section className="editor">
      <a href="#/">← Contacts</a>
      <h2>New contact</h2>
      <ContactForm
        value={value}
        onChange={setValue}
        onSubmit={() => create.mutate(value)}
        error={error}
        status={create.isPending ? 'saving' : error ? 'invalid' : 'ready'}
        busy={create.isPending}
        submitLabel="Create"
      />
    </section>
  );
}
