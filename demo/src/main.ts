import * as z from 'zod';
import { createClient, fieldErrors, formErrors } from '../../src/index.ts';

const Contact = z.object({ id: z.string(), name: z.string(), email: z.string() });
const client = createClient({ baseUrl: '/api' });
const list = document.querySelector<HTMLUListElement>('#contacts')!;
const form = document.querySelector<HTMLFormElement>('#create')!;

async function load() {
  const contacts = await client.get('/contacts', { schema: z.array(Contact) });
  list.replaceChildren(...contacts.map((c) => Object.assign(document.createElement('li'), { textContent: `${c.name} <${c.email}>` })));
  list.dataset.status = 'ready';
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  for (const slot of form.querySelectorAll<HTMLElement>('[data-field], [data-form-errors]')) slot.textContent = '';
  try {
    await client.post('/contacts', { json: data });
    form.reset();
    await load();
  } catch (error) {
    const fields = fieldErrors(error);
    for (const slot of form.querySelectorAll<HTMLElement>('[data-field]')) slot.textContent = fields[slot.dataset.field!]?.join(' ') ?? '';
    form.querySelector<HTMLElement>('[data-form-errors]')!.textContent = formErrors(error).join(' ');
  }
});

void load();
