// The electron-builder config, checked without Electron's binary: installers cannot be built on
// these machines, so a config that would ship an app with no main, no native module or no icon
// has to be caught here. Each broken case must fail with its own message, not just "some problem".
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import viteConfig from '../../electron.vite.config';
// @ts-expect-error plain ESM script without types
import { ICON_SIZES, iconPng, iconProblems, packagingProblems, pngSize, WINDOW_ICON } from '../../scripts/packaging-check.mjs';
import { PRODUCT_NAME } from '../../src/main/app/data-dir';

type Reader = (path: string) => Buffer | null;
type Pkg = { main: string; productName?: string; build: Record<string, unknown> };

const root = join(import.meta.dirname, '..', '..');
const readReal: Reader = (path) => (existsSync(join(root, path)) ? readFileSync(join(root, path)) : null);
const realPkg = (): Pkg => JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Where electron-vite writes the main entry: its outDir plus the `index` input, as .js under "type": "module".
const mainBuild = viteConfig.main?.build;
const mainInput = mainBuild?.rollupOptions?.input as Record<string, string> | undefined;
const mainEntry = `${mainBuild?.outDir}/index.js`;

const check = (pkg: Pkg, readFile: Reader = readReal): string[] => packagingProblems({ pkg, mainEntry, productName: PRODUCT_NAME, readFile });
function broken(edit: (build: Record<string, unknown>, pkg: Pkg) => void, readFile?: Reader): string[] {
  const pkg = realPkg();
  edit(pkg.build, pkg);
  return check(pkg, readFile);
}
const without =
  (missing: string, replacement: Buffer | null = null): Reader =>
  (path) =>
    path === missing ? replacement : readReal(path);

describe('packaging configuration', () => {
  it('passes every check as committed', () => {
    expect(check(realPkg())).toEqual([]);
  });

  it('points package.json "main" at the main entry electron-vite emits', () => {
    expect(mainInput && 'index' in mainInput).toBe(true);
    expect(realPkg().main).toBe(mainEntry);
    expect(broken((_b, pkg) => (pkg.main = 'src/main/index.ts'))).toEqual([expect.stringContaining(`electron-vite emits the main process at ${mainEntry}`)]);
  });

  it('packages the built output and the window icon, not the sources', () => {
    expect(broken((b) => (b.files = ['resources/**', 'package.json']))).toContain(`build.files does not include the built ${mainEntry}`);
    expect(broken((b) => (b.files = ['out/**', 'package.json']))).toEqual([expect.stringContaining(`build.files does not include ${WINDOW_ICON}`)]);
    expect(broken((b) => (b.files = ['**/*']))).toEqual([expect.stringContaining('build.files includes src/')]);
    expect(broken((b) => (b.files = ['out/**', 'resources/**', '!out/preload/**']))).toEqual(['build.files does not include the built out/preload/index.cjs']);
  });

  it("unpacks better-sqlite3's native module and the icon from app.asar, and rebuilds the module for Electron", () => {
    expect(broken((b) => delete b.asarUnpack)).toEqual([
      expect.stringMatching(/^build\.asarUnpack does not cover node_modules\/better-sqlite3\/build\/Release\/better_sqlite3\.node/),
      expect.stringMatching(/^build\.asarUnpack does not cover resources\/icons\/512x512\.png/),
    ]);
    expect(broken((b) => (b.asarUnpack = ['resources/**']))).toEqual([expect.stringContaining('does not cover node_modules/better-sqlite3')]);
    expect(broken((b) => (b.npmRebuild = false))).toEqual([expect.stringContaining("better-sqlite3 would ship built for Node's ABI")]);
  });

  it('configures a dmg for macOS, nsis for Windows, and AppImage + deb for Linux', () => {
    expect(broken((b) => delete b.mac)).toEqual(expect.arrayContaining(['build.mac.target has no dmg', expect.stringContaining('build.mac.icon is missing')]));
    expect(broken((b) => ((b.win as { target: unknown }).target = [{ target: 'portable' }]))).toEqual(['build.win.target has no nsis']);
    expect(broken((b) => ((b.linux as { target: unknown }).target = 'AppImage'))).toEqual(['build.linux.target has no deb']);
    expect(broken((b) => delete (b.linux as { maintainer?: string }).maintainer)).toEqual([expect.stringContaining('build.linux.maintainer is missing')]);
    expect(broken((b) => (b.directories = {}))).toEqual([expect.stringContaining('build.directories.output must be "dist"')]);
  });

  it('names the installers as the app names itself', () => {
    expect(broken((_b, pkg) => (pkg.productName = 'agentcore'))).toEqual([expect.stringContaining(`not "${PRODUCT_NAME}"`)]);
  });

  it('has every icon size on disk at its pixel size', () => {
    for (const size of ICON_SIZES) expect(pngSize(readReal(iconPng(size))), iconPng(size)).toEqual({ width: size, height: size });
    expect(iconProblems(readReal)).toEqual([]);
  });

  it('reports a missing or wrong-sized icon by name', () => {
    expect(broken(() => {}, without('resources/icons/48x48.png'))).toEqual([expect.stringMatching(/^resources\/icons\/48x48\.png is missing/)]);
    expect(broken(() => {}, without(WINDOW_ICON, readReal(iconPng(256))))).toEqual(['resources/icons/512x512.png is 256x256, not 512x512']);
    expect(broken(() => {}, without('resources/icon.icns'))).toEqual(['resources/icon.icns is missing or not an ICNS file']);
    expect(broken((b) => ((b.linux as { icon: string }).icon = 'build/icons'))).toContain(
      'build/icons/1024x1024.png is missing or not a PNG (npm run icons draws it from resources/icon.svg)',
    );
    // An ICO whose only image is 16x16: the other sizes Windows asks for are named.
    const tinyIco = Buffer.concat([Buffer.from([0, 0, 1, 0, 1, 0]), Buffer.from([16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0])]);
    expect(broken(() => {}, without('resources/icon.ico', tinyIco))).toEqual([32, 48, 64, 128, 256].map((n) => `resources/icon.ico has no ${n}x${n} image`));
  });

  it('gives the window the 512 PNG that is packaged and unpacked', () => {
    const main = readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8');
    expect(main).toMatch(/icon: join\(here, '\.\.', '\.\.', 'resources', 'icons', '512x512\.png'\)/);
    expect(existsSync(join(root, WINDOW_ICON))).toBe(true);
  });
});
