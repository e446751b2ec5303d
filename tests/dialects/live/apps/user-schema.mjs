// The one JSON Schema the JSON-Schema-based apps share (Fastify, express-openapi-validator).
export const userSchema = {
  type: 'object',
  required: ['name', 'email', 'address'],
  properties: {
    name: { type: 'string', minLength: 1 },
    email: { type: 'string', format: 'email' },
    address: { type: 'object', required: ['city'], properties: { city: { type: 'string', minLength: 1 } } },
    items: { type: 'array', items: { type: 'object', properties: { qty: { type: 'integer', minimum: 1 } } } },
  },
};
