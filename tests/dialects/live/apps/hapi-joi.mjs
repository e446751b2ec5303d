// hapi 21 with Joi route validation and hapi's default failAction (details are not sent).
import Hapi from '@hapi/hapi';
import Joi from 'joi';

const server = Hapi.server({ port: Number(process.env.PORT), host: '127.0.0.1' });
server.route({
  method: 'POST',
  path: '/users',
  options: {
    validate: {
      payload: Joi.object({
        name: Joi.string().min(1).required(),
        email: Joi.string().email().required(),
        address: Joi.object({ city: Joi.string().min(1).required() }).required(),
        items: Joi.array().items(Joi.object({ qty: Joi.number().integer().min(1) })),
      }),
    },
  },
  handler: (request, h) => h.response(request.payload).code(201),
});
await server.start();
