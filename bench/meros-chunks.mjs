// meros fed as 0.1 fed it (the fetch body stream, 64 KB chunks) and as 0.2 feeds it (one chunk).
//   node bench/meros-chunks.mjs [MB...]
import { meros } from 'meros/browser';

const boundary = 'b0undary';
const part = (body) => `--${boundary}\r\nContent-Type: application/json\r\n\r\n${body}\r\n`;
async function parse(bytes, chunk) {
  const body = new ReadableStream({
    start(controller) {
      for (let at = 0; at < bytes.byteLength; at += chunk) controller.enqueue(bytes.subarray(at, Math.min(bytes.byteLength, at + chunk)));
      controller.close();
    },
  });
  const started = performance.now();
  const parts = await meros({ ok: true, body, bodyUsed: false, headers: new Headers({ 'content-type': `multipart/mixed; boundary=${boundary}` }) });
  let count = 0;
  for await (const _ of parts) count++;
  return { ms: Math.round(performance.now() - started), count };
}
for (const mb of (process.argv.slice(2).length ? process.argv.slice(2) : ['8', '32']).map(Number)) {
  const text = part('{"response":[{"status":200}]}') + part(JSON.stringify({ blob: 'x'.repeat(mb * 1024 * 1024) })) + `--${boundary}--\r\n`;
  const bytes = new TextEncoder().encode(text);
  const one = await parse(bytes, bytes.byteLength);
  const chunked = await parse(bytes, 65_536);
  console.log(`${mb} MB part: 64 KB chunks (0.1) ${chunked.ms} ms, one chunk (now) ${one.ms} ms, parts ${chunked.count}/${one.count}`);
}
