// `npm test`: everything a reviewer would run, in order, stopping at the first failing step.
// Ends with one line "N passed, N failed" over every Vitest test it ran.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Step {
  name: string;
  cmd: string[];
  report?: string;
}

const REPORTS = '.output/test-reports';
const steps: Step[] = [
  { name: 'type-check', cmd: ['npx', 'tsc', '--noEmit'] },
  { name: 'lint', cmd: ['npx', 'eslint', '.'] },
  { name: 'format', cmd: ['npx', 'prettier', '--check', '.'] },
  { name: 'unit and DOM tests', cmd: ['npx', 'vitest', 'run'], report: 'unit.json' },
  { name: 'build', cmd: ['npm', 'run', 'build'] },
  { name: 'web-ext lint (Firefox build)', cmd: ['node', '--import', 'tsx', 'scripts/lint-firefox.ts'] },
  { name: 'browsers', cmd: ['node', '--import', 'tsx', 'scripts/ensure-browsers.ts'] },
  { name: 'end-to-end tests', cmd: ['npx', 'vitest', 'run', '--config', 'vitest.e2e.config.ts'], report: 'e2e.json' },
];

function counts(report: string): { passed: number; failed: number; skipped: number } {
  try {
    const r = JSON.parse(readFileSync(`${REPORTS}/${report}`, 'utf8'));
    return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
  } catch {
    return { passed: 0, failed: 0, skipped: 0 };
  }
}

rmSync(REPORTS, { recursive: true, force: true });
const total = { passed: 0, failed: 0, skipped: 0 };
let failedStep: string | null = null;
for (const step of steps) {
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const args = step.report
    ? [...step.cmd.slice(1), '--reporter=default', '--reporter=json', `--outputFile.json=${REPORTS}/${step.report}`]
    : step.cmd.slice(1);
  mkdirSync(REPORTS, { recursive: true });
  const result = spawnSync(step.cmd[0]!, args, { stdio: 'inherit' });
  if (step.report) {
    const c = counts(step.report);
    total.passed += c.passed;
    total.failed += c.failed;
    total.skipped += c.skipped;
  }
  if (result.status !== 0) {
    failedStep = step.name;
    if (total.failed === 0) total.failed = 1;
    break;
  }
}
console.log(failedStep ? `\n✖ ${failedStep} failed` : '\n✔ all steps passed');
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
