// celebrate 16 (Joi on Express) with its `errors()` handler, as its README shows.
import express from 'express';
import { celebrate, errors, Joi, Segments } from 'celebrate';

const app = express();
app.use(express.json());
app.post(
  '/users',
  celebrate({
    [Segments.BODY]: Joi.object({
      name: Joi.string().min(1).required(),
      email: Joi.string().email().required(),
      address: Joi.object({ city: Joi.string().min(1).required() }).required(),
      items: Joi.array().items(Joi.object({ qty: Joi.number().integer().min(1) })),
    }),
  }),
  (req, res) => res.status(201).json(req.body),
);
app.get('/users/:id', (req, res) => res.status(404).json({ message: 'User not found' }));
app.use(errors());
app.listen(Number(process.env.PORT), '127.0.0.1');
