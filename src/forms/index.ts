// fetchwise/forms: server errors (any fetchwise error, through fieldErrors/formErrors) into form libraries.
// Each adapter is typed with the form's own field paths and imports nothing from its library.
export { setHookFormErrors, type HookFormErrorOptions, type HookFormLike } from './react-hook-form.js';
export { tanstackFormErrors, type TanStackFormErrors, type TanStackFormLike } from './tanstack-form.js';
export { setVeeValidateErrors, type VeeValidateFormLike } from './vee-validate.js';
export { splitServerErrors, type ServerErrors } from './server-errors.js';
