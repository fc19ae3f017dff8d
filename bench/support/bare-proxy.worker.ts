// The least a Node reverse proxy does, as a floor for the gateway's figures: parse the request,
// forward it over a kept-alive pool, stream the answer back. No checks, logs or headers of its own.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'undici';

const HOP_BY_HOP = ['connection', 'keep-alive', 'transfer-encoding'];
const pool = new Pool(String(workerData), { connections: 64 });

const server = createServer((request, response) => {
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  pool
    .request({
      path: request.url ?? '/',
      method: request.method as 'GET',
      headers: request.headers,
      body: hasBody ? request : null,
    })
    .then((upstream) => {
      const headers = { ...upstream.headers };
      for (const name of HOP_BY_HOP) delete headers[name];
      response.writeHead(upstream.statusCode, headers);
      upstream.body.pipe(response);
    })
    .catch(() => {
      response.statusCode = 502;
      response.end();
    });
});

server.listen(0, '127.0.0.1', () => {
  parentPort?.postMessage((server.address() as AddressInfo).port);
});
parentPort?.on('message', () => {
  server.close();
  server.closeAllConnections();
  void pool.close().then(() => process.exit(0));
});
