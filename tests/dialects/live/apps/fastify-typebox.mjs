// Fastify 5 + TypeBox (@fastify/type-provider-typebox), the schema style Fastify's docs recommend.
import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';

const User = Type.Object({
  name: Type.String({ minLength: 1 }),
  email: Type.String({ format: 'email' }),
  address: Type.Object({ city: Type.String({ minLength: 1 }) }),
  items: Type.Optional(Type.Array(Type.Object({ qty: Type.Integer({ minimum: 1 }) }))),
});

const app = Fastify().setValidatorCompiler(TypeBoxValidatorCompiler);
app.post('/users', { schema: { body: User } }, async (req, reply) => reply.code(201).send(req.body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
