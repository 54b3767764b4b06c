import fs from 'node:fs';
import path from 'node:path';
import type { ApiArgs, ApiHandlers, ApiMethod, ApiResponse } from '../../../shared/api/contract';
import { apiContract } from '../../../shared/api/contract';
import { parseRequest } from '../../../shared/api/parseRequest';
import type { PostcodeMapPoint } from '../../../shared/api/apiTypes';
import { cardVerdict } from '../../../shared/desk/cardVerdict';
import { renderGroupReceiptHtml } from '../../../shared/desk/receipt';
import { fail, ok } from '../../../shared/result';
import { brusselsDate } from '../../../shared/time/brussels';
import { checkAdminPin, hasAdminPin, setAdminPin } from '../../useCases/admin/adminPin';
import { readAudit, verifyAudit } from '../../store/audit/auditLog';
import { importBatch } from '../../useCases/import/importBatch';
import { collectGroup } from '../../useCases/desk/collectGroup';
import { readCardFacts } from '../../useCases/desk/cardFacts';
import { readGroupReceipt } from '../../useCases/desk/groupReceipt';
import { handOut } from '../../useCases/desk/handOut';
import { likelyPointFor } from '../../useCases/desk/pointsDirectory';
import { waitingCardsOfSchool } from '../../useCases/desk/schoolCards';
import { voidHandOut } from '../../useCases/desk/voidHandOut';
import { lastReport } from '../../useCases/reports/buildReport';
import { createReport } from '../../useCases/reports/createReport';
import { searchCards } from '../../useCases/desk/searchCards';
import { changePointSettings, readPointSettings } from '../../useCases/admin/pointSettings';
import { backupStore, listBackups } from '../../store/backup';
import { getSetting } from '../../store/settings';
import type { StoreContext } from '../../store/storeContext';
import { cardStats } from '../../useCases/admin/cardStats';
import { listLeftovers } from '../../useCases/admin/leftovers';
import { readPointIdentity } from '../../useCases/admin/initPoint';
import { loadPostcodePlaces } from '../../platform/postcodePlaces';
import type { KeyProtector } from '../../platform/keys/installationKey';
import { startNewYear } from '../../useCases/year/newYear';
import { getUpdateStatus } from '../../platform/updates/updateStatusRegistry';
import type { PostcodePlace } from '../../platform/postcodePlaces';

export interface HandlerEnvironment {
  /** assets/be-postcodes.csv, for the map. */
  postcodesFile: string;
  /** Where exported reports are kept (next to the database). */
  reportsDir: string;
  demoMode: boolean;
  demoAdminPin?: string;
  version: string;
  /** Setting names fixed by the machine policy (read-only in Beheer). */
  lockedByPolicy?: string[];
  /** Seals the report-signing key (safeStorage in the Electron shell); plain file otherwise. */
  keyProtector?: KeyProtector;
  /** Largest accepted package (bytes). */
  maxPackageBytes?: number;
}

type Impl = { [M in ApiMethod]: (args: ApiArgs<M>) => Promise<ApiResponse<M>> | ApiResponse<M> };

/**
 * The API's handlers over one store. Validation happens here, at the boundary, so no transport
 * can skip it.
 */
export function createApiHandlers(ctx: StoreContext, env: HandlerEnvironment): ApiHandlers {
  const impl = implementation(ctx, env);
  const handlers = {} as Record<ApiMethod, (raw: unknown) => Promise<unknown>>;
  for (const name of Object.keys(apiContract) as ApiMethod[]) {
    const schema = apiContract[name].args;
    const run = impl[name] as (args: unknown) => unknown;
    handlers[name] = async (raw) => {
      const parsed = parseRequest(schema, raw ?? {});
      if (!parsed.ok) return parsed;
      // The desk use cases validate again with the same schema; they get the raw input so
      // defaults and trimming happen in one place.
      return run(raw);
    };
  }
  return handlers as unknown as ApiHandlers;
}

function implementation(ctx: StoreContext, env: HandlerEnvironment): Impl {
  const { db, clock } = ctx;
  let places: Map<string, PostcodePlace> | null = null;

  return {
    session: () => {
      const identity = readPointIdentity(db);
      const settings = readPointSettings(ctx);
      const window = db.prepare('SELECT min(available_from) AS f FROM batches').get() as { f: string | null };
      const batches = db
        .prepare(
          `SELECT batch_id AS batchId, imported_at AS importedAt, card_rows AS cards, signature FROM batches
           ORDER BY imported_at`,
        )
        .all() as {
        batchId: string;
        importedAt: string;
        cards: number;
        signature: 'valid' | 'unsigned_override';
      }[];
      return ok({
        point: identity
          ? { pointId: identity.pointId, pointName: identity.pointName, deskId: identity.deskId }
          : null,
        demoMode: env.demoMode || getSetting(db, 'demo_mode') === '1',
        demoAdminPin: env.demoAdminPin ?? null,
        today: brusselsDate(clock.now()),
        availableFrom: window.f,
        lastDay: settings.effectiveLastDay,
        staff: settings.staff,
        maxGroupSize: settings.maxGroupSize,
        hasAdminPin: hasAdminPin(ctx),
        batches,
        version: env.version,
        lockedByPolicy: env.lockedByPolicy ?? [],
      });
    },

    search: ({ query, limit }) => ok(searchCards(db, query, limit ?? 50)),

    checkCard: ({ card, postcode }) => {
      const facts = readCardFacts(db, card);
      if (!facts) return ok({ found: false, card, likelyPoint: likelyPointFor(db, postcode) });
      const summary = searchCards(db, card, 1)[0];
      if (!summary) return ok({ found: false, card, likelyPoint: likelyPointFor(db, postcode) });
      return ok({ found: true, summary, verdict: cardVerdict(facts, brusselsDate(clock.now())) });
    },

    whereIsPostcode: ({ postcode }) => ok(likelyPointFor(db, postcode)),

    handOut: (args) => handOut(ctx, args),
    voidHandOut: (args) => voidHandOut(ctx, args),

    collectGroup: (args) => {
      const result = collectGroup(ctx, args);
      if (!result.ok) return result;
      const receipt = readGroupReceipt(db, result.value.groupId);
      return ok({ ...result.value, receiptHtml: receipt ? renderGroupReceiptHtml(receipt) : '' });
    },

    groupReceipt: ({ groupId }) => {
      const receipt = readGroupReceipt(db, groupId);
      return receipt ? ok({ html: renderGroupReceiptHtml(receipt) }) : fail('not_found');
    },

    schoolWaiting: ({ school }) => ok(waitingCardsOfSchool(db, school)),

    overview: () => {
      const perDay = db
        .prepare(
          `SELECT substr(e.at, 1, 10) AS day, count(*) AS handedOut FROM card_state s
           JOIN desk_events e ON e.seq = s.event_seq WHERE s.state = 'collected' GROUP BY day ORDER BY day`,
        )
        .all() as { day: string; handedOut: number }[];
      const last = lastReport(db);
      const lastRow = last
        ? (db.prepare('SELECT cards, collected FROM reports WHERE sequence = ?').get(last.sequence) as {
            cards: number;
            collected: number;
          })
        : null;
      return ok({
        totals: cardStats(db),
        perDay,
        lastReport:
          last && lastRow ? { sequence: last.sequence, generatedAt: last.generatedAt, ...lastRow } : null,
        leftovers: listLeftovers(db).length,
      });
    },

    postcodeMap: () => {
      places ??= loadPostcodePlaces(env.postcodesFile);
      const points: PostcodeMapPoint[] = [];
      for (const p of cardStats(db).byPostcode) {
        const place = places.get(p.postcode);
        if (place)
          points.push({
            postcode: p.postcode,
            plaats: p.gemeente ?? place.plaats,
            lat: place.lat,
            lon: place.lon,
            cards: p.cards,
            collected: p.collected,
          });
      }
      return ok(points);
    },

    importPackage: async ({ contentBase64, allowUnsigned, preview, adminPin }) => {
      // An unsigned preview needs the PIN too once one is set: it reads an untrusted file to its end.
      if (!preview || (allowUnsigned && hasAdminPin(ctx))) {
        const pin = checkAdminPin(ctx, adminPin);
        if (!pin.ok) return pin;
      }
      const bytes = Buffer.from(contentBase64, 'base64');
      if (bytes.length > (env.maxPackageBytes ?? 250 * 1024 * 1024)) return fail('package_too_large');
      return importBatch(ctx, bytes, { allowUnsigned, preview });
    },

    exportReport: ({ adminPin }) => {
      const pin = checkAdminPin(ctx, adminPin);
      if (!pin.ok) return pin;
      fs.mkdirSync(env.reportsDir, { recursive: true });
      const sequence = (lastReport(db)?.sequence ?? 0) + 1;
      const pointId = getSetting(db, 'point_id') ?? 'PUNT';
      const fileName = `${pointId}-rapport-${String(sequence).padStart(4, '0')}.lkr.json`;
      const created = createReport(ctx, {
        outFile: path.join(env.reportsDir, fileName),
        ...(env.keyProtector ? { protector: env.keyProtector } : {}),
      });
      if (!created.ok) return created;
      const r = created.value;
      return ok({
        fileName,
        contentBase64: fs.readFileSync(r.file).toString('base64'),
        sequence: r.sequence,
        keyId: r.keyId,
        cards: r.cards,
        collected: r.collected,
        newKey: r.newKey,
      });
    },

    newYear: async ({ cardYear, staff, adminPin }) => {
      fs.mkdirSync(env.reportsDir, { recursive: true });
      const pointId = getSetting(db, 'point_id') ?? 'PUNT';
      const fileName = `${pointId}-eindrapport-${String((lastReport(db)?.sequence ?? 0) + 1).padStart(4, '0')}.lkr.json`;
      const done = await startNewYear(ctx, {
        cardYear,
        staff,
        adminPin,
        reportOut: path.join(env.reportsDir, fileName),
        ...(env.keyProtector ? { protector: env.keyProtector } : {}),
      });
      if (!done.ok) return done;
      const r = done.value;
      return ok({
        cardYear: r.cardYear,
        previousCardYear: r.previousCardYear,
        leftoversReturned: r.leftoversReturned,
        cardsArchived: r.cardsArchived,
        archiveFile: path.basename(r.archive),
        auditEpoch: r.auditEpoch,
        finalReport: {
          fileName,
          contentBase64: fs.readFileSync(r.finalReport.file).toString('base64'),
          sequence: r.finalReport.sequence,
          keyId: r.finalReport.keyId,
          cards: r.finalReport.cards,
          collected: r.finalReport.collected,
          newKey: r.finalReport.newKey,
        },
      });
    },

    settings: () => ok(readPointSettings(ctx)),
    changeSettings: (args) => changePointSettings(ctx, args),

    verifyAdminPin: ({ pin }) => {
      const result = checkAdminPin(ctx, pin);
      return result.ok ? ok(true as const) : result;
    },

    setAdminPin: ({ newPin, currentPin }) => {
      const result = setAdminPin(ctx, newPin, currentPin);
      return result.ok ? ok(true as const) : result;
    },

    auditLog: ({ adminPin, limit }) => {
      const pin = checkAdminPin(ctx, adminPin);
      if (!pin.ok) return pin;
      const verdict = verifyAudit(db);
      return ok({
        entries: readAudit(db, { limit: limit ?? 200 }).map(({ seq, at, action, details }) => ({
          seq,
          at,
          action,
          details,
        })),
        verdict: verdict.ok ? verdict : { ok: false as const, atSeq: verdict.atSeq, reason: verdict.reason },
      });
    },

    backups: ({ adminPin }) => {
      const pin = checkAdminPin(ctx, adminPin);
      if (!pin.ok) return pin;
      return ok(
        listBackups(ctx.backupDir)
          .reverse()
          .map((file) => ({ name: path.basename(file), bytes: fs.statSync(file).size })),
      );
    },

    updateStatus: () => {
      const s = getUpdateStatus();
      return ok({
        enabled: s.enabled,
        channel: s.channel,
        currentVersion: s.currentVersion,
        phase: s.phase,
        lastCheckAt: s.lastCheckAt,
        nextCheckAt: s.nextCheckAt,
        availableVersion: s.availableVersion,
        downloadedVersion: s.downloadedVersion,
        progressPercent: s.progressPercent,
        installHours: s.installHours,
        installOnQuit: s.installOnQuit,
        lastError: s.lastError,
      });
    },

    backupNow: async ({ adminPin }) => {
      const pin = checkAdminPin(ctx, adminPin);
      if (!pin.ok) return pin;
      const file = await backupStore(ctx, 'manual');
      return ok({ name: path.basename(file), bytes: fs.statSync(file).size });
    },
  };
}
