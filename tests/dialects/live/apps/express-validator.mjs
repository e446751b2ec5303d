// Express 5 + express-validator 7, as its README shows: validation chains, then
// `res.status(422).json({ errors: result.array() })`. Malformed JSON reaches Express's default error handler.
import express from 'express';
import { body, validationResult } from 'express-validator';

const app = express();
app.use(express.json());
app.post(
  '/users',
  body('name').notEmpty(),
  body('email').isEmail(),
  body('address.city').notEmpty(),
  body('items.*.qty').optional().isInt({ min: 1 }),
  (req, res) => {
    const result = validationResult(req);
    if (!result.isEmpty()) return res.status(422).json({ errors: result.array() });
    res.status(201).json(req.body);
  },
);
app.get('/users/:id', (req, res) => res.status(404).json({ message: 'User not found' }));
app.listen(Number(process.env.PORT), '127.0.0.1');
