// `web-ext lint` of the Firefox build (the checks addons.mozilla.org runs on a submission): exits 1
// on any error, prints every warning and notice, and says which warnings SECURITY.md explains.
// Run after `wxt build -b firefox`: node --import tsx scripts/lint-firefox.ts [build dir]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

interface LintMessage {
  _type: 'error' | 'warning' | 'notice';
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/**
 * Warnings known and explained in SECURITY.md ("web-ext lint"): Preact's own support for
 * `dangerouslySetInnerHTML`, which Dramatis never uses (an ESLint rule bans it).
 */
const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^(content-scripts\/content\.js|chunks\/popup-[\w-]+\.js)$/,
    why: 'Preact’s dangerouslySetInnerHTML branch, never used (SECURITY.md)',
  },
];

const dir = process.argv[2] ?? '.output/firefox-mv2';
if (!existsSync(`${dir}/manifest.json`)) {
  console.error(`No Firefox build in ${dir}: run "npx wxt build -b firefox" first.`);
  process.exit(1);
}

const run = spawnSync('npx', ['web-ext', 'lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report: LintReport;
try {
  report = JSON.parse(run.stdout) as LintReport;
} catch {
  console.error(`web-ext lint gave no JSON report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

const where = (m: LintMessage) => [m.file, m.line, m.column].filter((x) => x !== undefined).join(':');
const explained = (m: LintMessage) => EXPLAINED.find((e) => e.code === m.code && e.file.test(m.file ?? ''));

for (const m of report.errors) console.error(`error   ${m.code} ${where(m)}: ${m.message}`);
for (const m of [...report.warnings, ...report.notices]) {
  const known = explained(m);
  const note = known ? `known: ${known.why}` : 'NEW: fix it or explain it in SECURITY.md';
  console.warn(`${m._type.padEnd(7)} ${m.code} ${where(m)}: ${m.message} (${note})`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint ${dir}: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors > 0 ? 1 : 0);
