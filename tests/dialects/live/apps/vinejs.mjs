// VineJS 4 (AdonisJS's validator) with its SimpleErrorReporter. The response is what AdonisJS's
// exception handler sends for E_VALIDATION_ERROR to a JSON client: 422 `{ errors: error.messages }`
// (AdonisJS itself is not run here: this is VineJS, live, behind that one line of AdonisJS's envelope).
import express from 'express';
import vine, { errors } from '@vinejs/vine';

const validator = vine.compile(
  vine.object({
    name: vine.string().minLength(1),
    email: vine.string().email(),
    address: vine.object({ city: vine.string().minLength(1) }),
    items: vine.array(vine.object({ qty: vine.number().withoutDecimals().min(1) })).optional(),
  }),
);

const app = express();
app.use(express.json());
app.post('/users', async (req, res) => {
  try {
    res.status(201).json(await validator.validate(req.body));
  } catch (error) {
    if (error instanceof errors.E_VALIDATION_ERROR) return res.status(422).json({ errors: error.messages });
    throw error;
  }
});
app.get('/users/:id', (req, res) => res.status(404).json({ message: 'User not found' }));
app.listen(Number(process.env.PORT), '127.0.0.1');
