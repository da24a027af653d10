import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** An inline script's text and the CSP source that allows exactly that text to run. */
export interface InlineScript {
  readonly source: string;
  readonly cspHash: string;
}

export function inlineScript(source: string): InlineScript {
  return { source, cspHash: `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'` };
}

let standaloneBuild: InlineScript | undefined;

/**
 * lightweight-charts' standalone build (it defines window.LightweightCharts), inlined so the page needs
 * no CDN and works opened from a file. It is 200 kB, so it is read once per process. The package's
 * "exports" do not list dist/ files, so the file is found next to its package.json.
 */
export function lightweightChartsStandalone(): InlineScript {
  if (standaloneBuild === undefined) {
    const packageJson = createRequire(import.meta.url).resolve('lightweight-charts/package.json');
    const file = join(dirname(packageJson), 'dist', 'lightweight-charts.standalone.production.js');
    const source = readFileSync(file, 'utf8');
    // Inside <script> the HTML parser would end the script at this text; the build has none today.
    if (/<\/script|<!--/i.test(source)) throw new Error(`${file} cannot be inlined in a <script> element`);
    standaloneBuild = inlineScript(source);
  }
  return standaloneBuild;
}
