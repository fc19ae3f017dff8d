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
import type { BenchRow } from './support/bench-row';
import { latencyFigures } from './support/bench-row';
import type { BenchContext } from './support/benchmark';
import { numberArg, runFromCli } from './support/cli';
import { percentile } from './support/percentile';
import { post, signUp } from './support/sign-up';

export interface AdminPortalReportsOptions {
  reports: number;
}

const PASSWORD = 'bench-password-1';
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

export async function adminPortalReports(
  { reports }: AdminPortalReportsOptions,
  { gatewayUrl: gateway, admin, log }: BenchContext,
): Promise<BenchRow[]> {
  await signUp(admin.email, admin.password);
  const run = randomUUID().slice(0, 8);
  const subject = await signUp(`subject-${run}@bench.rendezvous.test`, PASSWORD);
  const reporters = await Promise.all(
    Array.from({ length: reports }, (_, index) =>
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
    await page.goto(`${gateway}/admin/`);
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Today' }).waitFor();
    const filter = encodeURIComponent(
      JSON.stringify({ status: 'open', subjectUserId: subject.user.id }),
    );
    await page.goto(`${gateway}/admin/#/reports?filter=${filter}&perPage=50`);
    await page.getByText('No Reports found').or(page.getByRole('table')).first().waitFor();

    const timings: number[] = [];
    for (const reporter of reporters) {
      const started = performance.now();
      const filed = await post<{ id: string }>(
        `${gateway}/api/v1/reports`,
        { subjectUserId: subject.user.id, reason: 'spam', block: false },
        reporter.accessToken,
      );
      if (filed.status !== 201) throw new Error(`report answered ${filed.status}`);
      const accepted = performance.now();
      await page
        .getByRole('button', { name: `Decide report ${filed.body.id}` })
        .waitFor({ timeout: 10_000 });
      timings.push(performance.now() - accepted);
      if (accepted - started > 1000) log(`slow report: ${Math.round(accepted - started)} ms`);
    }
    timings.sort((a, b) => a - b);
    const size = builtSize();
    const ms = (value: number) => `${Math.round(value)} ms`;
    log(`report 201 -> row in the open queue, ${reports} reports, one at a time:`);
    log(
      `  p50 ${ms(percentile(timings, 50))}  p95 ${ms(percentile(timings, 95))}  min ${ms(timings[0])}  max ${ms(timings[timings.length - 1])}`,
    );
    const kib = (bytes: number) => (bytes / 1024).toFixed(0);
    log(
      `admin portal build: ${size.files} files, ${kib(size.raw)} KiB, gzip ${kib(size.gzip)} KiB`,
    );
    return [
      {
        path: "report 201 -> row in the portal's open queue",
        load: `${reports} reports, one at a time, in Chromium`,
        ...latencyFigures(timings),
        throughput: null,
        unit: 'reports/s',
        errors: 0,
        note: `build ${kib(size.raw)} KiB, gzip ${kib(size.gzip)} KiB`,
      },
    ];
  } finally {
    await browser.close();
  }
}

if (require.main === module) {
  runFromCli((context) => adminPortalReports({ reports: numberArg(0, 20) }, context));
}
