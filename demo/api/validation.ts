import type { Contact, ValidationDialect } from './state.ts';

/** One broken rule. `field` is absent for a rule about the whole contact (a form-level error). */
export interface RuleBreak {
  field?: 'name' | 'email' | 'phone';
  rule: 'name_required' | 'name_too_long' | 'not_a_string' | 'email_invalid' | 'phone_invalid' | 'contact_required';
}

export type ContactFields = Pick<Contact, 'name' | 'email' | 'phone'>;

const emailPattern = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const phonePattern = /^\+?[0-9 ()-]{6,20}$/;

/** Checks a whole contact (after a PATCH is merged in). */
export function validateContact(input: Record<string, unknown>): RuleBreak[] {
  const broken: RuleBreak[] = [];
  for (const field of ['name', 'email', 'phone'] as const) {
    if (input[field] !== undefined && typeof input[field] !== 'string') broken.push({ field, rule: 'not_a_string' });
  }
  if (broken.length > 0) return broken;
  const name = String(input['name'] ?? '').trim();
  const email = String(input['email'] ?? '').trim();
  const phone = String(input['phone'] ?? '').trim();
  if (name === '') broken.push({ field: 'name', rule: 'name_required' });
  else if (name.length > 60) broken.push({ field: 'name', rule: 'name_too_long' });
  if (email !== '' && !emailPattern.test(email)) broken.push({ field: 'email', rule: 'email_invalid' });
  if (phone !== '' && !phonePattern.test(phone)) broken.push({ field: 'phone', rule: 'phone_invalid' });
  if (email === '' && phone === '') broken.push({ rule: 'contact_required' });
  return broken;
}

/** The fields a contact write may set, trimmed. */
export function contactFields(input: Record<string, unknown>): ContactFields {
  return { name: String(input['name'] ?? '').trim(), email: String(input['email'] ?? '').trim(), phone: String(input['phone'] ?? '').trim() };
}

export interface ErrorResponse {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * The same broken rules in three real-world 422 formats. Each speaks its own words, as real APIs do;
 * the app renders all three with the same code (`fieldErrors`, `formErrors`).
 */
export function validationResponse(dialect: ValidationDialect, broken: RuleBreak[], instance: string): ErrorResponse {
  if (dialect === 'seed-001') return seed001(broken);
  if (dialect === 'laravel') return laravel(broken);
  return problemJson(broken, instance);
}

const problemMessages: Record<RuleBreak['rule'], string> = {
  name_required: 'Name is required',
  name_too_long: 'Name must be at most 60 characters',
  not_a_string: 'Must be text',
  email_invalid: 'Email must look like name@example.com',
  phone_invalid: 'Phone may only contain digits, spaces and + ( ) -',
  contact_required: 'Give at least an email or a phone number',
};

/** RFC 9457 problem details with its `errors` extension: `pointer` per field, none for the whole contact. */
function problemJson(broken: RuleBreak[], instance: string): ErrorResponse {
  return {
    status: 422,
    contentType: 'application/problem+json',
    body: {
      type: 'https://fetchwise.dev/demo/problems/validation',
      title: 'Your request is not valid',
      status: 422,
      detail: `${broken.length} ${broken.length === 1 ? 'rule is' : 'rules are'} broken`,
      instance,
      errors: broken.map((b) => ({ detail: problemMessages[b.rule], code: b.rule, ...(b.field ? { pointer: `#/${b.field}` } : {}) })),
    },
  };
}

/** Seed 001: `errors[]` with `errorCode`, `message` and `parameterName`. */
function seed001(broken: RuleBreak[]): ErrorResponse {
  const errors = broken.map((b) => {
    if (!b.field) return { errorCode: 'CNT-104', message: 'Contact must have an email or a phone number' };
    if (b.rule === 'name_required') return { errorCode: 'CMN-102', message: `Parameter [${b.field}] is required`, parameterName: b.field };
    return { errorCode: 'CMN-101', message: `Parameter [${b.field}] value is invalid`, parameterName: b.field };
  });
  return { status: 422, contentType: 'application/json', body: { errorCode: errors[0]?.errorCode, message: errors[0]?.message, errors } };
}

const laravelMessages: Record<RuleBreak['rule'], (field: string) => string> = {
  name_required: (f) => `The ${f} field is required.`,
  name_too_long: (f) => `The ${f} field must not be greater than 60 characters.`,
  not_a_string: (f) => `The ${f} field must be a string.`,
  email_invalid: (f) => `The ${f} field must be a valid email address.`,
  phone_invalid: (f) => `The ${f} field format is invalid.`,
  contact_required: () => '',
};

/** Laravel: `{message, errors: {field: [..]}}`. Its `required_without` rule puts "email or phone" on both fields. */
function laravel(broken: RuleBreak[]): ErrorResponse {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const b of broken) {
    if (b.field) add(b.field, laravelMessages[b.rule](b.field));
    else {
      add('email', 'The email field is required when phone is not present.');
      add('phone', 'The phone field is required when email is not present.');
    }
  }
  const messages = Object.values(errors).flat();
  const more = messages.length - 1;
  const message = `${messages[0]}${more > 0 ? ` (and ${more} more ${more === 1 ? 'error' : 'errors'})` : ''}`;
  return { status: 422, contentType: 'application/json', body: { message, errors } };
}
