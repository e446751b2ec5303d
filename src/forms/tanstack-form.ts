import { joinMessages, splitServerErrors } from './server-errors.js';

/**
 * The part of a TanStack Form `FormApi` (React, Vue, Solid, Svelte, Angular: all share form-core) the
 * adapter uses. Structural: nothing of TanStack Form is imported. `TName` is the form's `DeepKeys<T>`.
 */
export interface TanStackFormLike<TName extends string> {
  /** The form's fields; a field is shown while its `instance` (the mounted `FieldApi`) is set. */
  fieldInfo: { [K in TName]?: { instance: unknown } | undefined };
}

/** What a TanStack Form validator returns to set form-level and field errors at once. */
export interface TanStackFormErrors<TName extends string> {
  form?: string;
  fields: { [K in TName]?: string };
}

/**
 * A server error in the `{ form, fields }` shape TanStack Form's form validators return: return it
 * from `onSubmitAsync` and each message lands under its field, the rest in `form.state.errors`
 * (errors that belong to no field, and those for fields the form does not render). `undefined` when
 * `error` is `undefined` or `null` (the form is valid).
 *
 * @example
 * validators: { onSubmitAsync: ({ value, formApi }) => save.mutateAsync(value).then(() => undefined, (e) => tanstackFormErrors(formApi, e)) }
 */
export function tanstackFormErrors<TName extends string>(form: TanStackFormLike<TName>, error: unknown): TanStackFormErrors<TName> | undefined {
  if (error == null) return undefined;
  const info = form.fieldInfo as Partial<Record<string, { instance: unknown } | undefined>>;
  const split = splitServerErrors<TName>(error, (path) => info[path]?.instance != null);
  const fields: { [K in TName]?: string } = {};
  for (const [name, messages] of Object.entries(split.fields) as [TName, string[]][]) fields[name] = joinMessages(messages);
  return split.form.length > 0 ? { form: joinMessages(split.form), fields } : { fields };
}
