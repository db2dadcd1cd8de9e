// `npm run icons`: draws every icon file in resources/ from resources/icon.svg. Each PNG
// is rendered from the vector at its own size (a 16 px icon downscaled from 1024 goes
// blurry), and the ICO and ICNS embed those same PNGs. Both libraries are WebAssembly or
// plain JS: no native build, and the same output on every machine. The results are
// committed, so packaging never needs this step; run it after editing the SVG.
import { Buffer } from 'node:buffer';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { IconIco, IconIcns } from '@shockpkg/icon-encoder';
import { ICNS_TYPES, ICO_SIZES, ICON_SIZES, iconPng, iconProblems } from './packaging-check.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const resources = join(root, 'resources');
const source = join(resources, 'icon.svg');

function fail(message) {
  console.error(`icons: ${message}`);
  process.exit(1);
}

if (!existsSync(source)) fail('resources/icon.svg is missing: it is the one source every icon is drawn from');

const require = createRequire(import.meta.url);
await initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
const svg = readFileSync(source, 'utf8');

const pngs = new Map();
for (const size of ICON_SIZES) {
  try {
    pngs.set(size, Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()));
  } catch (error) {
    fail(`resources/icon.svg could not be drawn at ${size}x${size} (${String(error?.message ?? error).split('\n')[0]})`);
  }
}
mkdirSync(join(resources, 'icons'), { recursive: true });
for (const [size, png] of pngs) writeFileSync(join(root, iconPng(size)), png);

// null lets the encoder pick per size (BMP for the small ones older Windows shells expect, PNG for 256); true keeps our PNG bytes.
const ico = new IconIco();
for (const size of [...ICO_SIZES].reverse()) await ico.addFromPng(pngs.get(size), null, true);
writeFileSync(join(resources, 'icon.ico'), ico.encode());

const icns = new IconIcns();
icns.toc = true;
for (const [type, size] of Object.entries(ICNS_TYPES)) await icns.addFromPng(pngs.get(size), [type], true);
writeFileSync(join(resources, 'icon.icns'), icns.encode());

const problems = iconProblems((path) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : null));
if (problems.length > 0) fail(problems[0]);
console.log(`icons: drew ${ICON_SIZES.join(', ')} px PNGs, icon.ico and icon.icns from resources/icon.svg`);
