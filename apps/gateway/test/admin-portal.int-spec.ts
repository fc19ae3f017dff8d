import type { IncomingHttpHeaders } from 'node:http';
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '@rendezvous/platform';
import { AppModule } from '../src/app.module';
import { configureGateway } from '../src/gateway-http';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

const PORTAL_CSP =
  "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;" +
  "font-src 'self' data:;connect-src 'self';frame-ancestors 'none';base-uri 'self';" +
  "form-action 'self';object-src 'none'";
const PAGE = '<!doctype html><script type="module" src="/admin/assets/index-3fa9c2.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(2048))});`;

function send(port: number, method: string, path: string, headers: Record<string, string> = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, method, path, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

const problemOf = (answer: Answer) =>
  JSON.parse(answer.body.toString('utf8')) as { status: number; code: string; detail: string };

async function startGateway(env: Record<string, string>) {
  const saved = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: 'silent', ...env });
  try {
    const app = await createApp(AppModule, { ownOpenApi: false, configure: configureGateway });
    await app.listen({ port: 0, host: '127.0.0.1' });
    return { app, port: (app.getHttpServer().address() as AddressInfo).port };
  } finally {
    process.env = saved;
  }
}

/** The admin portal's build, served by the gateway at /admin/ (API.md, Admin portal). */
describe('the gateway serving the admin portal', () => {
  const folder = mkdtempSync(join(tmpdir(), 'rendezvous-portal-'));
  const build = join(folder, 'admin-portal');
  let app: NestFastifyApplication;
  let port: number;
  const get = (path: string, headers?: Record<string, string>) => send(port, 'GET', path, headers);

  beforeAll(async () => {
    mkdirSync(join(build, 'assets'), { recursive: true });
    writeFileSync(join(build, 'index.html'), PAGE);
    writeFileSync(join(build, 'assets', 'index-3fa9c2.js'), SCRIPT);
    writeFileSync(join(build, 'assets', 'index-3fa9c2.js.gz'), gzipSync(SCRIPT));
    writeFileSync(join(build, 'assets', 'index-ab12.css'), 'body{margin:0}');
    writeFileSync(join(build, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(build, '.env'), 'SECRET=1');
    // Beside the build, where a path that escaped it would land.
    writeFileSync(join(folder, 'secret.txt'), 'outside the portal');
    ({ app, port } = await startGateway({ ADMIN_PORTAL_DIR: build }));
  });

  afterAll(async () => {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('redirects /admin to /admin/, keeping the query', async () => {
    const answer = await get('/admin?next=members');
    expect(answer.status).toBe(301);
    expect(answer.headers.location).toBe('/admin/?next=members');
    expect((await get('/admin')).headers.location).toBe('/admin/');
  });

  it('serves the page at /admin/ with no-cache and the portal policy, without a token', async () => {
    const answer = await get('/admin/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.headers['content-security-policy']).toBe(PORTAL_CSP);
    // helmet's other headers stay.
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(answer.headers['x-frame-options']).toBe('DENY');
    expect(answer.body.toString()).toBe(PAGE);
    expect((await get('/admin/index.html')).body.toString()).toBe(PAGE);

    const revalidated = await get('/admin/', { 'if-none-match': String(answer.headers.etag) });
    expect(revalidated.status).toBe(304);
  });

  it("serves the page for the application's own routes (SPA fallback)", async () => {
    for (const path of [
      '/admin/members',
      '/admin/members/4b8c',
      '/admin/reports/',
      '/admin/assets',
    ]) {
      const answer = await get(path);
      expect({ path, status: answer.status, body: answer.body.toString() }).toEqual({
        path,
        status: 200,
        body: PAGE,
      });
      expect(answer.headers['cache-control']).toBe('no-cache');
      expect(answer.headers['content-security-policy']).toBe(PORTAL_CSP);
    }
  });

  it('serves hashed files as immutable and other files for a short time, typed', async () => {
    const script = await get('/admin/assets/index-3fa9c2.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body.toString()).toBe(SCRIPT);

    const style = await get('/admin/assets/index-ab12.css');
    expect(style.headers['content-type']).toMatch(/^text\/css/);
    expect(style.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const icon = await get('/admin/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('sends the precompressed file to a client that accepts gzip', async () => {
    const answer = await get('/admin/assets/index-3fa9c2.js', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers['content-type']).toMatch(/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.body).toEqual(gzipSync(SCRIPT));
  });

  it('answers HEAD like GET without a body', async () => {
    const page = await send(port, 'HEAD', '/admin/');
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-length']).toBe(String(Buffer.byteLength(PAGE)));
    expect(page.body.length).toBe(0);
    const script = await send(port, 'HEAD', '/admin/assets/index-3fa9c2.js');
    expect(script.status).toBe(200);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body.length).toBe(0);
  });

  it('answers a missing file with 404 problem details, like any unknown path', async () => {
    for (const path of ['/admin/assets/index-0000.js', '/admin/robots.txt', '/admin/.env']) {
      const answer = await get(path);
      expect({ path, status: answer.status, type: answer.headers['content-type'] }).toEqual({
        path,
        status: 404,
        type: expect.stringMatching(/^application\/problem\+json/) as unknown as string,
      });
      expect(problemOf(answer)).toMatchObject({ status: 404, code: 'COMMON.ROUTE_NOT_FOUND' });
      expect(answer.headers['cache-control']).toBeUndefined();
    }
    const posted = await send(port, 'POST', '/admin/');
    expect(posted.status).toBe(404);
    expect(posted.headers['content-type']).toMatch(/^application\/problem\+json/);
    const unknown = await get('/nowhere');
    expect(unknown.status).toBe(404);
    expect(problemOf(unknown).code).toBe('COMMON.ROUTE_NOT_FOUND');
  });

  it('never leaves the build folder, whatever the spelling', async () => {
    for (const path of [
      '/admin/../secret.txt',
      '/admin/%2e%2e/secret.txt',
      '/admin/assets/%2e%2e/%2e%2e/secret.txt',
      '/admin/..%2fsecret.txt',
      '/admin/assets%2f..%2f..%2fsecret.txt',
      '/admin/%2e%2e%5csecret.txt',
      '/admin/..%5c..%5csecret.txt',
    ]) {
      const answer = await get(path);
      const status = [400, 404].includes(answer.status) ? 'refused' : answer.status;
      expect({ path, status }).toEqual({ path, status: 'refused' });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.body.toString()).not.toContain('outside the portal');
    }
    // The URL normaliser's answer for `..` and an encoded `/` (API.md, Conventions).
    expect((await get('/admin/%2e%2e/secret.txt')).status).toBe(400);
    expect((await get('/admin/assets%2f..%2fsecret.txt')).status).toBe(400);
  });

  it('keeps Swagger UI on its own policy and the admin API on admission', async () => {
    const docs = await get('/docs');
    expect(docs.headers['content-security-policy']).toBeDefined();
    expect(docs.headers['content-security-policy']).not.toBe(PORTAL_CSP);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");

    const api = await get('/api/v1/admin/stats');
    expect(api.status).toBe(401);
    expect(api.headers['content-security-policy']).not.toBe(PORTAL_CSP);
    expect((await get('/api/v1/admin/portal')).status).toBe(404);
  });
});

describe('the gateway without an admin portal build', () => {
  let app: NestFastifyApplication;
  let port: number;
  const warnings = jest.spyOn(Logger.prototype, 'warn');

  beforeAll(async () => {
    ({ app, port } = await startGateway({
      ADMIN_PORTAL_DIR: join(tmpdir(), 'rendezvous-no-portal-here'),
      SECURITY_HEADERS: 'false',
    }));
  });

  afterAll(async () => {
    warnings.mockRestore();
    await app?.close();
  });

  it('starts with one warning naming the setting', () => {
    const portalWarnings = warnings.mock.calls.filter(([message]) =>
      String(message).includes('ADMIN_PORTAL_DIR'),
    );
    expect(portalWarnings).toHaveLength(1);
  });

  it('starts, and says at /admin/ that the portal is not built', async () => {
    expect((await send(port, 'GET', '/health/live')).status).toBe(200);
    for (const path of ['/admin/', '/admin/members', '/admin/assets/index-3fa9c2.js']) {
      const answer = await send(port, 'GET', path);
      expect({ path, status: answer.status }).toEqual({ path, status: 404 });
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    expect(problemOf(await send(port, 'GET', '/admin/')).detail).toBe(
      'The admin portal is not built on this server',
    );
  });

  it('sends no security headers when they are turned off', async () => {
    const answer = await send(port, 'GET', '/admin/');
    expect(answer.headers['content-security-policy']).toBeUndefined();
    expect(answer.headers['x-content-type-options']).toBeUndefined();
  });
});
