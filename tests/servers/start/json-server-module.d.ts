// json-server 0.17 ships no types; only what the matrix uses.
declare module 'json-server' {
  import type { Express, RequestHandler } from 'express';
  const jsonServer: {
    create(): Express;
    defaults(options?: { logger?: boolean; static?: string; noCors?: boolean; noGzip?: boolean }): RequestHandler[];
    router(database: object): RequestHandler;
  };
  export default jsonServer;
}
