// The packaging rules electron-builder does not enforce itself, or enforces only after
// minutes of downloads. A broken rule here means an installer that cannot start (no main,
// no native module) or an app without its icon. Pure: callers pass package.json, the
// entry electron-vite emits, and a reader that returns a file's bytes or null, so
// `npm run package` checks the real tree and the tests feed it broken ones.

/** Every PNG size resources/icons holds: Linux takes the whole folder, the window the 512. */
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];
/** Windows picks among these for the taskbar, Explorer and the installer; electron-builder requires the 256. */
export const ICO_SIZES = [16, 32, 48, 64, 128, 256];
/** iconutil's current set: each type and the pixel size it holds (the @2x types hold double). */
export const ICNS_TYPES = { ic04: 16, ic05: 32, ic11: 32, ic12: 64, ic07: 128, ic13: 256, ic08: 256, ic14: 512, ic09: 512, ic10: 1024 };
export const iconPng = (size) => `resources/icons/${size}x${size}.png`;

/** What src/main/index.ts loads as the window icon; it must be packaged and unpacked beside app.asar. */
export const WINDOW_ICON = iconPng(512);
const NATIVE_MODULE = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
const BUILT = ['out/preload/index.cjs', 'out/renderer/index.html'];
const TARGETS = { mac: ['dmg'], win: ['nsis'], linux: ['AppImage', 'deb'] };

/** electron-builder's glob dialect, as far as this config uses it: `**`, `*`, `?`. */
export function globToRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i];
    if (glob.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (glob.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Patterns apply in order and a `!pattern` takes back what earlier ones matched, as in electron-builder's `files`. */
export function matchesPatterns(patterns, path) {
  let included = false;
  for (const pattern of patterns) {
    const negated = pattern.startsWith('!');
    if (globToRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

const targetNames = (platform) => [platform?.target ?? []].flat().map((t) => (typeof t === 'string' ? t : t?.target));

export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (!bytes || bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function icoSizes(bytes) {
  if (!bytes || bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return null;
  const count = bytes.readUInt16LE(4);
  if (bytes.length < 6 + 16 * count) return null;
  // A width byte of 0 means 256: the field is one byte wide.
  return Array.from({ length: count }, (_, i) => bytes[6 + 16 * i] || 256);
}

export function icnsTypes(bytes) {
  if (!bytes || bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) return null;
  const types = {};
  for (let offset = 8; offset + 8 <= bytes.length;) {
    const length = bytes.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > bytes.length) return null;
    const data = bytes.subarray(offset + 8, offset + length);
    types[bytes.toString('latin1', offset, offset + 4)] = pngSize(data)?.width ?? 'argb';
    offset += length;
  }
  return types;
}

/** The committed icons: every PNG size at its pixel size, and the ICO and ICNS holding theirs. */
export function iconProblems(readFile, { png = ICON_SIZES.map(iconPng), ico = 'resources/icon.ico', icns = 'resources/icon.icns' } = {}) {
  const problems = [];
  for (const path of png) {
    const expected = Number(/(\d+)x\d+\.png$/.exec(path)?.[1]);
    const size = pngSize(readFile(path));
    if (!size) problems.push(`${path} is missing or not a PNG (npm run icons draws it from resources/icon.svg)`);
    else if (size.width !== expected || size.height !== expected) problems.push(`${path} is ${size.width}x${size.height}, not ${expected}x${expected}`);
  }
  const icoHas = icoSizes(readFile(ico));
  if (!icoHas) problems.push(`${ico} is missing or not an ICO file`);
  else for (const size of ICO_SIZES.filter((s) => !icoHas.includes(s))) problems.push(`${ico} has no ${size}x${size} image`);
  const icnsHas = icnsTypes(readFile(icns));
  if (!icnsHas) problems.push(`${icns} is missing or not an ICNS file`);
  else
    for (const [type, size] of Object.entries(ICNS_TYPES)) {
      if (!(type in icnsHas)) problems.push(`${icns} has no ${type} (${size}x${size}) image`);
      else if (icnsHas[type] !== 'argb' && icnsHas[type] !== size) problems.push(`${icns} ${type} is ${icnsHas[type]} px wide, not ${size}`);
    }
  return problems;
}

/** Every reason the electron-builder config in package.json would make an installer that is broken or iconless; [] when none. */
export function packagingProblems({ pkg, mainEntry, productName, readFile }) {
  const build = pkg?.build;
  if (!build || typeof build !== 'object') return ['package.json has no "build" key: electron-builder has nothing to package'];
  const problems = [];
  if (pkg.main !== mainEntry) problems.push(`package.json "main" is ${JSON.stringify(pkg.main)}, but electron-vite emits the main process at ${mainEntry}`);
  if (!build.appId) problems.push('build.appId is missing: macOS and Windows identify the app (and its updates and notifications) by it');
  // electron-builder names the app, its installers and its menu entries from build.productName, else the top-level one.
  const packagedName = build.productName ?? pkg.productName;
  if (packagedName !== productName)
    problems.push(`the packaged productName is ${JSON.stringify(packagedName)}, not ${JSON.stringify(productName)}, the name the app gives itself`);
  if (build.directories?.output !== 'dist') problems.push('build.directories.output must be "dist": git ignores it and the release workflow uploads from it');

  const files = build.files;
  if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) problems.push('build.files must list glob strings');
  else {
    for (const path of [mainEntry, ...BUILT]) if (!matchesPatterns(files, path)) problems.push(`build.files does not include the built ${path}`);
    if (!matchesPatterns(files, WINDOW_ICON)) problems.push(`build.files does not include ${WINDOW_ICON}, the window icon`);
    if (matchesPatterns(files, 'src/main/index.ts')) problems.push('build.files includes src/: the installer needs only the built out/');
  }

  const unpack = [build.asarUnpack ?? []].flat();
  if (build.asar === false) problems.push('build.asar is false: the app would ship as thousands of loose files');
  if (!matchesPatterns(unpack, NATIVE_MODULE))
    problems.push(`build.asarUnpack does not cover ${NATIVE_MODULE}: a native module cannot load from inside app.asar`);
  if (!matchesPatterns(unpack, WINDOW_ICON)) problems.push(`build.asarUnpack does not cover ${WINDOW_ICON}, which the window loads from beside app.asar`);
  if (build.npmRebuild === false) problems.push("build.npmRebuild is false: better-sqlite3 would ship built for Node's ABI, which Electron refuses to load");

  for (const [platform, wanted] of Object.entries(TARGETS)) {
    const have = targetNames(build[platform]);
    for (const target of wanted.filter((t) => !have.includes(t))) problems.push(`build.${platform}.target has no ${target}`);
  }
  if (!build.linux?.maintainer) problems.push("build.linux.maintainer is missing: the deb needs one, and package.json has no author's email to fall back on");
  if (!build.linux?.category) problems.push('build.linux.category is missing: desktop menus file the app under it');

  const icons = { mac: build.mac?.icon, win: build.win?.icon, linux: build.linux?.icon };
  for (const [platform, icon] of Object.entries(icons))
    if (!icon) problems.push(`build.${platform}.icon is missing: the installer would carry Electron's icon`);
  // Linux takes a folder of <n>x<n>.png files; each size it names must be there.
  const linuxPngs = icons.linux ? ICON_SIZES.map((n) => `${icons.linux.replace(/\/$/, '')}/${n}x${n}.png`) : [];
  problems.push(...iconProblems(readFile, { png: [...new Set([...ICON_SIZES.map(iconPng), ...linuxPngs])], ico: icons.win, icns: icons.mac }));
  return [...new Set(problems)];
}
