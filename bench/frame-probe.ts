/** Records every frame interval in a page (requestAnimationFrame) between start() and stop(); the console's CSP refuses injected script, so pages using it open with bypassCSP. */
export const FRAME_PROBE = `(() => {
  const probe = { frames: [], running: false };
  probe.start = () => { probe.frames = []; probe.running = true; let last = performance.now();
    const loop = (t) => { if (!probe.running) return; probe.frames.push(t - last); last = t; requestAnimationFrame(loop); };
    requestAnimationFrame(loop); };
  probe.stop = () => { probe.running = false; return probe.frames; };
  window.__frameProbe = probe;
})();`;
