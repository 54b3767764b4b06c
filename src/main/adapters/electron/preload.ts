// Sandboxed preload (bundled to CommonJS by scripts/build-electron.mjs): exposes `window.balie`
// with invoke(method, args), limited to the API contract's methods, and onProgress(listener).
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS } from '../../../shared/api/contract';
import { createBalieBridge } from './bridge';

const bridge = createBalieBridge(API_METHODS, (channel, args) => ipcRenderer.invoke(channel, args), {
  on: (channel, handler) => ipcRenderer.on(channel, handler),
  removeListener: (channel, handler) => ipcRenderer.removeListener(channel, handler),
});
contextBridge.exposeInMainWorld('balie', {
  invoke: (method: string, args: unknown) => bridge.invoke(method, args),
  onProgress: (listener: (progress: unknown) => void) => bridge.onProgress(listener),
});
