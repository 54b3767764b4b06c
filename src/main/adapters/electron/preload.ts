// Sandboxed preload (bundled to CommonJS by scripts/build-electron.mjs): exposes `window.balie`
// with one function, invoke(method, args), limited to the API contract's methods.
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../../shared/api/contract';
import { createBalieBridge } from './bridge';

const bridge = createBalieBridge(API_METHODS, (channel, args) => ipcRenderer.invoke(channel, args));
contextBridge.exposeInMainWorld('balie', {
  invoke: (method: string, args: unknown) => bridge.invoke(method, args),
});
