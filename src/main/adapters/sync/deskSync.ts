import type { KeyProtector } from '../../platform/keys/installationKey';
import type { PairingView } from '../../../shared/api/apiTypes';
import { deskCertificateDirFor, loadOrCreateDeskCertificate } from '../../platform/lan/deskCertificate';
import { openStore } from '../../store/openStore';
import { ownDesk } from '../../store/deskNames';
import type { StoreContext } from '../../store/storeContext';
import { listPeers } from '../../store/sync/pointPeers';
import { servePoint } from '../../useCases/point/servePoint';
import type { PointService } from '../../useCases/point/servePoint';

/** The point's sync port unless the machine policy sets another (docs/admin.md has the firewall rule). */
export const DEFAULT_DESK_SYNC_PORT = 47470;

/** A desk with at least one paired peer syncs from the start; a desk alone only once pairing begins. */
export function isPaired(ctx: StoreContext): boolean {
  return listPeers(ctx.db).some((p) => p.revokedAt === null);
}

/**
 * Starts this desk's sync service inside the shell (Electron main or the web server), on a
 * connection of its own: its writes (pulled events) must never land inside a claim that the
 * screen's connection holds open.
 */
export async function startDeskSync(
  ctx: StoreContext,
  listen: { host: string; port: number },
  keyProtector?: KeyProtector,
): Promise<{ service: PointService; close(): Promise<void> }> {
  const opened = openStore(ctx.dbPath);
  if (!opened.ok) throw new Error(`sync store: ${opened.error}`);
  const own: StoreContext = { ...ctx, db: opened.value };
  const name = ownDesk(own.db)?.name ?? 'Balie 1';
  const identity = await loadOrCreateDeskCertificate(deskCertificateDirFor(ctx.dbPath), name, ctx.clock);
  const service = await servePoint(own, { identity, listen, ...(keyProtector ? { keyProtector } : {}) });
  return {
    service,
    async close() {
      await service.stop();
      own.db.close();
    },
  };
}

/**
 * The shell's hold on its sync service: started at once on a paired desk, else on the first
 * pairing code asked for in Beheer (so a desk alone opens no port).
 */
export function deskSyncHolder(
  ctx: StoreContext,
  listen: { host: string; port: number },
  /** Seals a report key this desk receives in a handover as the screen's own key is sealed. */
  keyProtector?: KeyProtector,
) {
  let running: Promise<{ service: PointService; close(): Promise<void> }> | null = null;
  const ensure = () => (running ??= startDeskSync(ctx, listen, keyProtector));
  return {
    ensure,
    async pairing(): Promise<PairingView | null> {
      try {
        const { service } = await ensure();
        const code = service.newCode();
        return code === null ? null : { code, url: service.url, fingerprint: service.fingerprint };
      } catch {
        running = null;
        return null;
      }
    },
    async close(): Promise<void> {
      if (running) await (await running).close();
    },
    /** Stopped while the desk unpairs (its copy is wiped: the store must be free). */
    async pause(): Promise<void> {
      const was = running;
      running = null;
      if (was) await (await was.catch(() => null))?.close();
    },
    resume(): void {
      void ensure().catch(() => (running = null));
    },
  };
}

/** `HOST:PORT`, `[v6]:PORT`. */
export function parseListen(value: string): { host: string; port: number } | null {
  const match = /^(\[[^\]]+\]|[^:]+):(\d{1,5})$/.exec(value);
  const port = Number(match?.[2]);
  if (!match?.[1] || !Number.isInteger(port) || port > 65535) return null;
  return { host: match[1].replace(/^\[|\]$/g, ''), port };
}
