// json-server 0.17 (the stable line) on a db with a `users` collection; it validates nothing.
import jsonServer from 'json-server';

const server = jsonServer.create();
server.use(jsonServer.defaults({ logger: false }));
server.use(jsonServer.router({ users: [] }));
server.listen(Number(process.env.PORT), '127.0.0.1');
