/**
 * What a form should show for each captured answer, written by hand from the body (not from our output):
 * `fields` are the messages under each input (dotted paths), `form` the messages above the form.
 * Rules applied: a field is mapped only when the body names it in a structure (a key, a path, a pointer);
 * a message that names a field only inside its sentence (Fastify, NestJS, Gin) is a form message;
 * with no field errors, the most specific human message is the form message; HTML and stack traces are
 * no message (the form falls back to the title). `null`: not an error (json-server validates nothing).
 */
export interface Expected {
  fields: Record<string, string[]>;
  form: string[];
}

const none = (form: string[] = []): Expected => ({ fields: {}, form });
const field = (path: string, ...messages: string[]): Expected => ({ fields: { [path]: messages }, form: [] });

export const expected: Record<string, Expected | null> = {
  'celebrate/missing-field': field('name', '"name" is required'),
  'celebrate/invalid-value': field('email', '"email" must be a valid email'),
  'celebrate/nested-field': field('address.city', '"address.city" is required'),
  'celebrate/array-field': field('items.1.qty', '"items[1].qty" must be greater than or equal to 1'),
  'celebrate/malformed-json': none(),
  'celebrate/not-found': none(['User not found']),

  'drf/missing-field': field('name', 'This field is required.'),
  'drf/invalid-value': field('email', 'Enter a valid email address.'),
  'drf/nested-field': field('address.city', 'This field is required.'),
  'drf/array-field': field('items.1.qty', 'Ensure this value is greater than or equal to 1.'),
  'drf/malformed-json': none(['JSON parse error - Expecting property name enclosed in double quotes: line 1 column 16 (char 15)']),
  'drf/not-found': none(['Not found.']),

  'express-openapi-validator/missing-field': field('name', "must have required property 'name'"),
  'express-openapi-validator/invalid-value': field('email', 'must match format "email"'),
  'express-openapi-validator/nested-field': field('address.city', "must have required property 'city'"),
  'express-openapi-validator/array-field': field('items.1.qty', 'must be >= 1'),
  'express-openapi-validator/malformed-json': none(['Expected double-quoted property name in JSON at position 15']),
  'express-openapi-validator/not-found': none(['User not found']),

  'express-validator/missing-field': field('name', 'Invalid value'),
  'express-validator/invalid-value': field('email', 'Invalid value'),
  'express-validator/nested-field': field('address.city', 'Invalid value'),
  'express-validator/array-field': field('items.1.qty', 'Invalid value'),
  'express-validator/malformed-json': none(),
  'express-validator/not-found': none(['User not found']),

  'fastapi/missing-field': field('name', 'field required'),
  'fastapi/invalid-value': field('email', 'string does not match regex "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"'),
  'fastapi/nested-field': field('address.city', 'field required'),
  'fastapi/array-field': field('items.1.qty', 'ensure this value is greater than or equal to 1'),
  // loc ["body", 15]: 15 is a position in the text, not a field.
  'fastapi/malformed-json': none(['Expecting property name enclosed in double quotes: line 1 column 16 (char 15)']),
  'fastapi/not-found': none(['User not found']),

  'fastify/missing-field': none(["body must have required property 'name'"]),
  'fastify/invalid-value': none(['body/email must match format "email"']),
  'fastify/nested-field': none(["body/address must have required property 'city'"]),
  'fastify/array-field': none(['body/items/1/qty must be >= 1']),
  'fastify/malformed-json': none(["Body is not valid JSON but content-type is set to 'application/json'"]),
  'fastify/not-found': none(['Route GET:/users/999 not found']),

  'fastify-typebox/missing-field': none(['body must have required properties name']),
  'fastify-typebox/invalid-value': none(['body/email must match format "email"']),
  'fastify-typebox/nested-field': none(['body/address must have required properties city']),
  'fastify-typebox/array-field': none(['body/items/1/qty must be >= 1']),
  'fastify-typebox/malformed-json': none(["Body is not valid JSON but content-type is set to 'application/json'"]),
  'fastify-typebox/not-found': none(['Route GET:/users/999 not found']),

  'flask-webargs/missing-field': field('name', 'Missing data for required field.'),
  'flask-webargs/invalid-value': field('email', 'Not a valid email address.'),
  'flask-webargs/nested-field': field('address.city', 'Missing data for required field.'),
  'flask-webargs/array-field': field('items.1.qty', 'Must be greater than or equal to 1.'),
  // `{"errors": {"json": [...]}}`: `json` is the request part, so the message belongs to the whole form.
  'flask-webargs/malformed-json': none(['Invalid JSON body.']),
  'flask-webargs/not-found': none(),

  'gin/missing-field': none(["Key: 'User.Name' Error:Field validation for 'Name' failed on the 'required' tag"]),
  'gin/invalid-value': none(["Key: 'User.Email' Error:Field validation for 'Email' failed on the 'email' tag"]),
  'gin/nested-field': none(["Key: 'User.Address.City' Error:Field validation for 'City' failed on the 'required' tag"]),
  'gin/array-field': none(["Key: 'User.Items[1].Qty' Error:Field validation for 'Qty' failed on the 'min' tag"]),
  'gin/malformed-json': none(['unexpected EOF']),
  'gin/not-found': none(['user not found']),

  'hapi-joi/missing-field': none(['Invalid request payload input']),
  'hapi-joi/invalid-value': none(['Invalid request payload input']),
  'hapi-joi/nested-field': none(['Invalid request payload input']),
  'hapi-joi/array-field': none(['Invalid request payload input']),
  'hapi-joi/malformed-json': none(['Invalid request payload JSON format']),
  'hapi-joi/not-found': none(['Not Found']),

  'hono-zod3/missing-field': field('name', 'Required'),
  'hono-zod3/invalid-value': field('email', 'Invalid email'),
  'hono-zod3/nested-field': field('address.city', 'Required'),
  'hono-zod3/array-field': field('items.1.qty', 'Number must be greater than or equal to 1'),
  'hono-zod3/malformed-json': none(['Malformed JSON in request body']),
  'hono-zod3/not-found': none(['User not found']),

  'hono-zod4/missing-field': field('name', 'Invalid input: expected string, received undefined'),
  'hono-zod4/invalid-value': field('email', 'Invalid email address'),
  'hono-zod4/nested-field': field('address.city', 'Invalid input: expected string, received undefined'),
  'hono-zod4/array-field': field('items.1.qty', 'Too small: expected number to be >=1'),
  'hono-zod4/malformed-json': none(['Malformed JSON in request body']),
  'hono-zod4/not-found': none(['User not found']),

  'json-server/missing-field': null,
  'json-server/invalid-value': null,
  'json-server/nested-field': null,
  'json-server/array-field': null,
  // A stack trace sent as text/html: no message for a form.
  'json-server/malformed-json': none(),
  'json-server/not-found': none(),

  'nestjs/missing-field': none(['name should not be empty', 'name must be a string']),
  'nestjs/invalid-value': none(['email must be an email']),
  'nestjs/nested-field': none(['address.city should not be empty', 'address.city must be a string']),
  'nestjs/array-field': none(['items.1.qty must not be less than 1']),
  'nestjs/malformed-json': none(['Expected double-quoted property name in JSON at position 15']),
  'nestjs/not-found': none(['Cannot GET /users/999']),

  'symfony/missing-field': field('name', 'This value should not be blank.'),
  'symfony/invalid-value': field('email', 'This value is not a valid email address.'),
  'symfony/nested-field': field('address.city', 'This value should not be blank.'),
  'symfony/array-field': field('items.1.qty', 'This value should be greater than or equal to 1.'),
  'symfony/malformed-json': none(['Bad Request']),
  'symfony/not-found': none(['Not Found']),

  'vinejs/missing-field': field('name', 'The name field must be defined'),
  'vinejs/invalid-value': field('email', 'The email field must be a valid email address'),
  'vinejs/nested-field': field('address.city', 'The city field must be defined'),
  'vinejs/array-field': field('items.1.qty', 'The qty field must be at least 1'),
  'vinejs/malformed-json': none(),
  'vinejs/not-found': none(['User not found']),

  // Copied from the frameworks' own repositories (see each fixture's `cite`).
  'aspnet-core/validation-problem': { fields: { key0: ['error0'], key1: ['error1', 'error2'] }, form: [] },
  'laravel/missing-field': field('name', 'The name field is required.'),
  'laravel/array-field': field('items.1.qty', 'The items.1.qty field must be at least 1.'),
  'rails/missing-field': field('name', 'cannot be blank'),
  'spring-boot/invalid-value': none(['Invalid request content.']),
};
