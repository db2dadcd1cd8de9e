/**
 * The Artillery hand-off for real: the exported script runs under `artillery
 * run` (found on PATH or installed into a cache on demand) against the
 * emulator with a handful of virtual users, its processor signing every
 * InvokeAgentRuntime with SigV4 (the emulator checks signatures), and the
 * `--output` report imported back gives the same per-row pass/fail table a
 * console run would.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOffScenario } from '../fixtures/loadtest/hand-off-scenario';
import { ensureArtillery, runArtilleryScript } from '../helpers/artillery';
import { startLoadTestModuleRig, type LoadTestModuleRig } from './helpers/loadtest-module-rig';

let rig: LoadTestModuleRig;
let bin: string;
let dir: string;

beforeAll(async () => {
  [rig, { bin }] = await Promise.all([startLoadTestModuleRig({ fast: true, seed: 11 }), ensureArtillery()]);
  dir = mkdtempSync(join(tmpdir(), 'loadtest-artillery-'));
}, 20 * 60_000);
afterAll(async () => {
  await rig?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an exported Artillery script', () => {
  it('runs against the emulator, and its report imports into the same pass/fail table', async () => {
    rig.emu.setFaults({ rules: [{ operation: 'InvokeAgentRuntime', latencyMs: 50 }] });
    const scenario = handOffScenario(rig.agentKey('release_notes_writer'), ['Summarise release 4.2', 'Quote "this" line\nand the next']);
    const files = await rig.call('loadtest.artilleryExport', { scenario });
    for (const f of files) writeFileSync(join(dir, f.fileName), f.content);
    const script = files.find((f) => f.fileName.endsWith('.artillery.yml'))!.fileName;
    const report = join(dir, 'report.json');
    const result = await runArtilleryScript({ bin, dir, script, report, endpoint: rig.emu.url });
    expect(result.exitCode).toBe(1);
    // ensure failed the second row, so Artillery exits 1 and says which condition failed.
    expect(result.stdout).toMatch(/fail: agentcore\.stage_1\.within_limit/);
    expect(result.stdout).toMatch(/ok: agentcore\.stage_0\.within_limit/);

    const summary = await rig.call('loadtest.artilleryImport', { scenario, report: readFileSync(report, 'utf8') });
    expect(summary).toMatchObject({ source: 'artillery', status: 'completed', verdict: 'fail', failed: 0 });
    const imported = await rig.call('loadtest.run', { runId: summary.id });
    expect(imported.acceptance.map((a) => [a.row.users, a.pass])).toEqual([
      [2, true],
      [3, false],
    ]);
    expect(imported.acceptance[0]!.measuredPct).toBe(100);
    expect(imported.acceptance[1]!.measuredPct).toBe(0);
    expect(imported.acceptance[1]!.measuredLatencyMs).toBeGreaterThanOrEqual(50);
    expect(imported.stages.map((s) => s.users)).toEqual([2, 3]);
    expect(imported.stages.every((s) => s.requests > 0 && s.coldStarts === s.users)).toBe(true);
    expect(imported.ticks.length).toBeGreaterThan(0);
  }, 240_000);
});
