// express-openapi-validator 5 with the error handler its README shows:
// `res.status(err.status || 500).json({ message: err.message, errors: err.errors })`.
import express from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { userSchema } from './user-schema.mjs';

const apiSpec = {
  openapi: '3.0.3',
  info: { title: 'users', version: '1.0.0' },
  paths: {
    '/users': {
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: userSchema } } },
        responses: { 201: { description: 'created' } },
      },
    },
    '/users/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { 200: { description: 'a user' }, 404: { description: 'none' } },
      },
    },
  },
};

const app = express();
app.use(express.json());
app.use(OpenApiValidator.middleware({ apiSpec, validateRequests: true }));
app.post('/users', (req, res) => res.status(201).json(req.body));
app.get('/users/:id', (req, res) => res.status(404).json({ message: 'User not found' }));
app.use((err, req, res, next) => {
  res.status(err.status || 500).json({ message: err.message, errors: err.errors });
});
app.listen(Number(process.env.PORT), '127.0.0.1');
