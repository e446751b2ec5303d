// Fastify 5 with a JSON Schema on the route: its default validation (ajv) and default error handler.
import Fastify from 'fastify';
import { userSchema } from './user-schema.mjs';

const app = Fastify();
app.post('/users', { schema: { body: userSchema } }, async (req, reply) => reply.code(201).send(req.body));
// The not-found case uses Fastify's own 404 for an unknown route.
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
