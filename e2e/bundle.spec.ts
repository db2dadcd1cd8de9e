/**
 * The built bundles keep the security model: the renderer carries no AWS SDK
 * code and no Electron or Node imports; the sandboxed preload requires only
 * 'electron'; index.html ships the strict CSP.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const out = join(import.meta.dirname, '..', 'out');

test('the renderer bundle contains no AWS SDK code and no electron or node import', () => {
  const assets = join(out, 'renderer', 'assets');
  const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(0);
  for (const file of scripts) {
    const code = readFileSync(join(assets, file), 'utf8');
    for (const marker of ['@aws-sdk', 'AWS4-HMAC-SHA256', 'SignatureV4', 'fromIni', 'BedrockAgentCoreClient'])
      expect(code, `${file} contains ${marker}`).not.toContain(marker);
    // Real module loads only: library doc comments may mention `import … from 'node:process'`.
    expect(code).not.toMatch(/require\(\s*["'](electron|fs|child_process|node:[a-z_]+)["']\s*\)/);
    expect(code).not.toMatch(/(^|[;}\n])\s*import[^;\n]*from\s*["'](electron|node:[a-z_]+|fs|child_process)["']/);
    expect(code).not.toMatch(/\bimport\(\s*["'](electron|node:[a-z_]+)["']\s*\)/);
  }
});

test('the preload requires nothing but electron', () => {
  const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
  const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
  expect([...new Set(required)]).toEqual(['electron']);
  expect(preload).not.toContain('process.env');
});

test('index.html ships a strict content security policy', () => {
  const html = readFileSync(join(out, 'renderer', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).toContain("connect-src 'self'");
});
