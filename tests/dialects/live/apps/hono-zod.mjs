// Hono + @hono/zod-validator with its default hook (answers `result` with 400 on failure).
// Run from tests/dialects/live for zod 4, from tests/dialects/live/zod3 for zod 3 (same code, resolved there).
import { serve } from '@hono/node-server';
import { zValidator } from '@hono/zod-validator';
import { Hono } from 'hono';
import { z } from 'zod';

const User = z.object({
  name: z.string().min(1),
  email: z.string().email(),
  address: z.object({ city: z.string().min(1) }),
  items: z.array(z.object({ qty: z.number().int().min(1) })).optional(),
});

const app = new Hono();
app.post('/users', zValidator('json', User), (c) => c.json(c.req.valid('json'), 201));
app.get('/users/:id', (c) => c.json({ message: 'User not found' }, 404));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
