import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm run lint`: no source file of the product (lib/, components/, entrypoints/) over 400 lines, tests and data
 * tables aside. A file that grows past it has more than one job: split it by job (ARCHITECTURE.md).
 */
const LIMIT = 400;
const ROOTS = ['lib', 'components', 'entrypoints'];
/** Data, not logic: a table may be as long as its data. */
const DATA_TABLES = new Set(['lib/model/countries.ts']);

const root = path.resolve(import.meta.dirname, '../..');
const tooLong: string[] = [];
const walk = (dir: string) => {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) walk(rel);
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !DATA_TABLES.has(rel)) {
      const lines = fs.readFileSync(path.join(root, rel), 'utf8').split('\n').length;
      if (lines > LIMIT) tooLong.push(`${rel}: ${lines} lines`);
    }
  }
};
for (const dir of ROOTS) walk(dir);
if (tooLong.length) {
  console.error(`Source files over ${LIMIT} lines (split them by job):\n  ${tooLong.join('\n  ')}`);
  process.exit(1);
}
console.log(`No source file over ${LIMIT} lines.`);
