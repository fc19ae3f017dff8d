import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export interface TestCertificates {
  /** The CA's certificate (PEM file). */
  ca: string;
  /** A server certificate for 127.0.0.1 and localhost the CA signed, and its key. */
  cert: string;
  key: string;
}

/** A CA and a server certificate it signs, made with openssl in `dir`; `name` keeps sets apart. */
export function testCertificates(dir: string, name: string): TestCertificates {
  const file = (suffix: string) => join(dir, `${name}-${suffix}`);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1'],
    ...['-subj', `/CN=${name}-ca`, '-keyout', file('ca.key'), '-out', file('ca.pem')],
  );
  openssl(
    ...['req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1'],
    ...['-keyout', file('server.key'), '-out', file('server.csr')],
  );
  writeFileSync(file('san.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  openssl(
    ...['x509', '-req', '-days', '1', '-in', file('server.csr'), '-CA', file('ca.pem')],
    ...['-CAkey', file('ca.key'), '-CAcreateserial', '-extfile', file('san.ext')],
    ...['-out', file('server.pem')],
  );
  return { ca: file('ca.pem'), cert: file('server.pem'), key: file('server.key') };
}

/** A TCP port nothing listens on right now. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
