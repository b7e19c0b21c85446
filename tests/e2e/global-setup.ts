import { existsSync } from 'node:fs';
import { ensureBrowsers } from '../../scripts/lib/browsers.ts';
import { CHROME_DIR, FIREFOX_DIR } from './harness';

export default function setup() {
  for (const dir of [CHROME_DIR, FIREFOX_DIR]) {
    if (!existsSync(`${dir}/manifest.json`)) throw new Error(`No build in ${dir}: run "npm run build" first (npm test does).`);
  }
  ensureBrowsers();
}
