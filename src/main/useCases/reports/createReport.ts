import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fail, ok } from '../../../shared/result';
import type { Failure, Result } from '../../../shared/result';
import { appendAudit } from '../../store/audit/auditLog';
import {
  installationKeyNumber,
  keyDirFor,
  loadOrCreateInstallationKey,
  plainFileProtector,
} from '../../platform/keys/installationKey';
import type { KeyProtector, KeyUnreadable } from '../../platform/keys/installationKey';
import { hostNameIfNotHost } from '../point/pointRole';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { buildReport } from './buildReport';
import { signReportParts } from './signReport';

export interface ReportCreated {
  file: string;
  reportId: string;
  sequence: number;
  keyId: string;
  fileSha256: string;
  cards: number;
  collected: number;
  /** A new installation key was made for this report: enrol its public key with the issuer. */
  newKey: boolean;
}

export type ReportFailure =
  | KeyUnreadable
  | Failure<'not_initialized'>
  /** The point sends one report chain, made on the host over all desks' events. */
  | Failure<'not_host', { host: string }>
  | Failure<'no_batches'>
  | Failure<'write_failed', { file: string; detail: string }>;

/**
 * Signs a cumulative report and writes it to `outFile`. The file is written inside the same
 * transaction that records its sequence, so a failed write leaves no gap in the chain.
 */
export function createReport(
  ctx: StoreContext,
  options: { outFile: string; keyDir?: string; protector?: KeyProtector },
): Result<ReportCreated, ReportFailure> {
  const { db, clock } = ctx;
  if (getSetting(db, 'point_id') === null) return fail('not_initialized');
  const host = hostNameIfNotHost(db);
  if (host !== null) return fail('not_host', { host });
  if ((db.prepare('SELECT count(*) FROM batches').pluck().get() as number) === 0) return fail('no_batches');
  const keyDir = options.keyDir ?? keyDirFor(ctx.dbPath);
  const loaded = loadOrCreateInstallationKey(keyDir, options.protector ?? plainFileProtector, clock);
  if (!loaded.ok) return loaded;
  const key = loaded.value;
  if (key.created)
    appendAudit(db, clock, 'key_created', { keyId: key.keyId, keyNumber: installationKeyNumber(keyDir) });

  try {
    return db
      .transaction((): Result<ReportCreated, ReportFailure> => {
        // The pickups go from SQLite's JSON text straight into the signed bytes, built once.
        const { head: payload, pickupsJson } = buildReport(ctx);
        const { bytes } = signReportParts(payload, pickupsJson, key.privateKey, key.publicKey);
        const fileSha256 = createHash('sha256').update(bytes).digest('hex');
        writeAtomically(options.outFile, bytes);
        db.prepare(
          `INSERT INTO reports (sequence, report_id, file_sha256, key_id, generated_at, cards, collected, file_name,
             card_year, audit_epoch, audit_seq, audit_head)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          payload.sequence,
          payload.reportId,
          fileSha256,
          key.keyId,
          payload.generatedAt,
          payload.totals.cards,
          payload.totals.collected,
          path.basename(options.outFile),
          payload.cardYear,
          payload.audit.epoch,
          payload.audit.seq,
          payload.audit.head,
        );
        appendAudit(db, clock, 'report', {
          reportId: payload.reportId,
          sequence: payload.sequence,
          keyId: key.keyId,
          cards: payload.totals.cards,
          collected: payload.totals.collected,
        });
        return ok({
          file: options.outFile,
          reportId: payload.reportId,
          sequence: payload.sequence,
          keyId: key.keyId,
          fileSha256,
          cards: payload.totals.cards,
          collected: payload.totals.collected,
          newKey: key.created,
        });
      })
      .immediate();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== undefined) {
      return fail('write_failed', { file: options.outFile, detail: (error as Error).message });
    }
    throw error;
  }
}

function writeAtomically(file: string, bytes: Uint8Array): void {
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, file);
}
