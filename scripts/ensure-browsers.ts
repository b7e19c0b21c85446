// Installs Chromium and Firefox ESR from Debian's packages when missing (tests and demo need them).
import { ensureBrowsers, type BrowserName } from './lib/browsers.ts';

try {
  const names = process.argv.slice(2) as BrowserName[];
  ensureBrowsers(names.length ? names : undefined);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
