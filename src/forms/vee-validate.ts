import { splitServerErrors, type ServerErrors } from './server-errors.js';

/**
 * The part of VeeValidate's `useForm()` result (or a submission context's actions) the adapter uses.
 * Structural: nothing of vee-validate is imported. `TName` is the form's `Path<T>`, read from its `setErrors`.
 */
export interface VeeValidateFormLike<TName extends string> {
  setErrors: (fields: { [K in TName]?: string | string[] | undefined }) => void;
  /**
   * The values of the fields defined on the form (`defineField`, `useField`, `<Field>`), which tell
   * which fields it has: a Vue ref on `useForm()`'s result, a plain object on `handleSubmit`'s actions.
   */
  controlledValues?: unknown;
}

/**
 * Puts a server error into a VeeValidate form with its `setErrors`: each field's messages (all of
 * them: `errorBag`) under its field; errors that belong to no field, and those for fields the form
 * does not define, under `''`, the key VeeValidate itself uses for form-level errors
 * (`form.errors.value['']`). The server's answer replaces its previous one: the form's other fields and
 * `''` are cleared (VeeValidate's own validation, which passed before the request, does not clear
 * errors it did not set), so `setVeeValidateErrors(form, null)` clears them all. Returns what was set.
 *
 * @example
 * const form = useForm<Contact>();
 * const onSubmit = form.handleSubmit((values) => save.mutateAsync(values).catch((error) => setVeeValidateErrors(form, error)));
 */
export function setVeeValidateErrors<TName extends string>(form: VeeValidateFormLike<TName>, error: unknown): ServerErrors<TName> {
  const defined = unref(form.controlledValues);
  const split = splitServerErrors<TName>(error, (path) => hasPath(defined, path));
  // '' is not one of the form's paths in VeeValidate's types, but it is the key of its own form-level errors.
  const setErrors = form.setErrors as (fields: Record<string, string[] | undefined>) => void;
  const cleared = Object.fromEntries(leafPaths(defined).map((path) => [path, undefined]));
  setErrors({ ...cleared, ...split.fields, '': split.form.length > 0 ? split.form : undefined });
  return split;
}

/** A Vue ref's value (refs carry `__v_isRef`; vue itself is not imported), anything else as it is. */
function unref(value: unknown): unknown {
  return typeof value === 'object' && value !== null && (value as { __v_isRef?: unknown }).__v_isRef === true
    ? (value as { value: unknown }).value
    : value;
}

/** Whether a dotted path (`items.0.name`) exists as a key in `value`. */
function hasPath(value: unknown, path: string): boolean {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
}

/** The dotted paths of the leaves of the form's values (`address.zip`, `items.0.name`). */
function leafPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || value instanceof Date || value instanceof Blob) return prefix === '' ? [] : [prefix];
  const paths: string[] = [];
  for (const [key, child] of Object.entries(value)) paths.push(...leafPaths(child, prefix === '' ? key : `${prefix}.${key}`));
  return paths;
}
