/**
 * The desktop entry: one hardened window on the built renderer, the contract
 * over IPC. Only this file and host/ipc wiring touch Electron; services run in
 * plain Node so the web host and the tests share them.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { parseHostArgs } from './app/cli-args';
import { startConsoleServices, type ConsoleServices } from './app/console-services';
import { PRODUCT_NAME } from './app/data-dir';
import { registerIpc } from './host/ipc';
import { describeNativeModuleError } from './services/store/native-module';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererIndex = join(here, '..', 'renderer', 'index.html');
const devServerUrl = process.env.ELECTRON_RENDERER_URL;

app.setName(PRODUCT_NAME);
app.enableSandbox();

const isTrustedUrl = (url: string): boolean =>
  devServerUrl ? url.startsWith(devServerUrl) : url === pathToFileURL(rendererIndex).href || url.startsWith(pathToFileURL(rendererIndex).href + '#');

async function openExternalAfterConfirm(window: BrowserWindow, url: string): Promise<void> {
  if (!/^https:\/\//i.test(url)) return;
  const { response } = await dialog.showMessageBox(window, {
    type: 'question',
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your browser?',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

function createWindow(services: ConsoleServices): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: PRODUCT_NAME,
    // out/main/../../resources in dev and inside app.asar alike; packaged, resources/ is unpacked (asarUnpack) and the
    // window reads the real file beside app.asar. macOS and Windows show the bundle's icns/ico instead; Linux shows this.
    icon: join(here, '..', '..', 'resources', 'icons', '512x512.png').replace(/app\.asar(?=[\\/])/, 'app.asar.unpacked'),
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
      // A middle click would otherwise open a link in a new window past the will-navigate guard.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app and no new windows: links go to the system browser after a confirmation.
  window.webContents.on('will-navigate', (event, url) => {
    if (!isTrustedUrl(url)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    void openExternalAfterConfirm(window, url);
    return { action: 'deny' };
  });
  const unregister = registerIpc(ipcMain, services, window.webContents, isTrustedUrl);
  window.on('closed', unregister);
  if (devServerUrl) void window.loadURL(devServerUrl);
  else void window.loadFile(rendererIndex);
  return window;
}

/**
 * Whether the app may quit now the last window closed: at once without a share; with one, viewers keep
 * watching until it is stopped or expires, and then only if no window came back meanwhile (its own
 * closing decides again).
 */
async function readyToQuit(services: ConsoleServices): Promise<boolean> {
  const status = await services.dispatch({ connection: 'ipc:main', role: 'owner' }, 'share.status', {});
  if (!status.ok || !(status.result as { active: boolean }).active) return true;
  return new Promise<boolean>((resolve) => {
    const stop = services.events.subscribe((event, payload) => {
      if (event !== 'share.changed' || (payload as { active: boolean }).active) return;
      stop();
      resolve(BrowserWindow.getAllWindows().length === 0);
    });
  });
}

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(app.isPackaged ? 1 : 2));
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const services = await startConsoleServices({
    dataDir: args.dataDir ?? process.env.AGENTCORE_OPS_DATA_DIR ?? app.getPath('userData'),
    host: 'electron',
    version: app.getVersion(),
    demo: args.demo,
    ...(args.agents ? { agents: args.agents } : {}),
    // The person asked to sign in, so the IAM Identity Center page opens without a confirm dialog (main checks it is https).
    openExternal: (url) => shell.openExternal(url),
    // npm start builds better-sqlite3 for Electron's ABI once and says where (node_modules keeps Node's build).
    ...(process.env.AGENTCORE_OPS_SQLITE_BINDING ? { sqliteBinding: process.env.AGENTCORE_OPS_SQLITE_BINDING } : {}),
    // OAuth agents' bearer tokens are stored only as OS-keychain ciphertext (memory only where unavailable).
    secretCipher: safeStorage,
  });
  createWindow(services);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(services);
  });
  app.on('window-all-closed', () => {
    void readyToQuit(services).then((quit) => {
      if (quit) void services.close().finally(() => app.quit());
    });
  });
}

main().catch((error: unknown) => {
  const message = describeNativeModuleError(error).message;
  dialog.showErrorBox(`${PRODUCT_NAME} could not start`, message);
  process.stderr.write(`agentcore-ops: ${message}\n`);
  app.exit(1);
});
