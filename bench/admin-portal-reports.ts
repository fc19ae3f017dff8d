// The admin portal in a real browser: time from a report's `201` to its row appearing in the open
// queue the moderator has on screen (pushed over Socket.IO, no reload), and the portal's built
// size. Needs the suite running (`npm start`) with the bench admin among ADMIN_EMAILS, e.g.
//   ADMIN_EMAILS=admin@bench.rendezvous.test npm start
// Usage: npm run bench:portal -- [reports=20]
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { percentile } from './support/percentile';
import { post, signUp } from './support/sign-up';

const REPORTS = Number(process.argv[2] ?? 20);
const GATEWAY = process.env['BENCH_GATEWAY_URL'] ?? 'http://127.0.0.1:3000';
const ADMIN_EMAIL = process.env['BENCH_ADMIN_EMAIL'] ?? 'admin@bench.rendezvous.test';
const PASSWORD = 'bench-password-1';
const ADMIN_PASSWORD = process.env['BENCH_ADMIN_PASSWORD'] ?? PASSWORD;
const PORTAL_DIR = 'dist/apps/admin-portal';

function builtSize(): { files: number; raw: number; gzip: number } {
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  })(PORTAL_DIR).filter((path) => !/\.(gz|br|map)$/.test(path));
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.length, raw, gzip };
}

async function main(): Promise<void> {
  await signUp(ADMIN_EMAIL, ADMIN_PASSWORD);
  const run = randomUUID().slice(0, 8);
  const subject = await signUp(`subject-${run}@bench.rendezvous.test`, PASSWORD);
  const reporters = await Promise.all(
    Array.from({ length: REPORTS }, (_, index) =>
      signUp(`reporter-${run}-${index}@bench.rendezvous.test`, PASSWORD),
    ),
  );

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${GATEWAY}/admin/`);
    await page.getByLabel('Email').fill(ADMIN_EMAIL);
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const filter = encodeURIComponent(
      JSON.stringify({ status: 'open', subjectUserId: subject.user.id }),
    );
    await page.goto(`${GATEWAY}/admin/#/reports?filter=${filter}&perPage=50`);
    await page.getByText('No Reports found').or(page.getByRole('table')).first().waitFor();

    const timings: number[] = [];
    for (const reporter of reporters) {
      const started = performance.now();
      const filed = await post<{ id: string }>(
        `${GATEWAY}/api/v1/reports`,
        { subjectUserId: subject.user.id, reason: 'spam', block: false },
        reporter.accessToken,
      );
      if (filed.status !== 201) throw new Error(`report answered ${filed.status}`);
      const accepted = performance.now();
      await page
        .getByRole('button', { name: `Decide report ${filed.body.id}` })
        .waitFor({ timeout: 10_000 });
      timings.push(performance.now() - accepted);
      if (accepted - started > 1000)
        console.log(`slow report: ${Math.round(accepted - started)} ms`);
    }
    timings.sort((a, b) => a - b);
    const size = builtSize();
    const ms = (value: number) => `${Math.round(value)} ms`;
    console.log(`report 201 -> row in the open queue, ${REPORTS} reports, one at a time:`);
    console.log(
      `  p50 ${ms(percentile(timings, 50))}  p95 ${ms(percentile(timings, 95))}  min ${ms(timings[0])}  max ${ms(timings[timings.length - 1])}`,
    );
    console.log(
      `admin portal build: ${size.files} files, ${(size.raw / 1024).toFixed(0)} KiB, gzip ${(size.gzip / 1024).toFixed(0)} KiB`,
    );
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
