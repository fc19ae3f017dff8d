// Writes a .br and a .gz beside each text file of a static build, once at build time, so the
// gateway sends them (`preCompressed`) instead of compressing on every request. Source maps are
// left alone: browsers fetch them only with developer tools open.
//   node tools/deploy/precompress.mjs <dir>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = new Set(['.html', '.js', '.mjs', '.css', '.svg', '.json', '.txt', '.webmanifest']);
// Below this, the headers cost more than compression saves.
const MIN_BYTES = 1024;

const [dir] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: precompress.mjs <dir>\n');
  process.exit(2);
}

for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !TEXT.has(extname(entry.name))) continue;
  const path = join(entry.parentPath, entry.name);
  const content = readFileSync(path);
  if (content.length < MIN_BYTES) continue;
  writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  writeFileSync(
    `${path}.br`,
    brotliCompressSync(content, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
      },
    }),
  );
}
