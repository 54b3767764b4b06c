import { describePointProblem } from '../../../../shared/i18n/pointText';
import { deskCertificateDirFor, loadOrCreateDeskCertificate } from '../../../platform/lan/deskCertificate';
import { ownDesk } from '../../../store/deskNames';
import { handOverTo } from '../../../useCases/point/handOverTo';
import type { HandoverFailure } from '../../../useCases/point/handOverTo';
import { takeOver } from '../../../useCases/point/hostRole';
import { thisDeskOf } from '../../../useCases/point/thisDesk';
import { assertNever } from '../../../../shared/result';
import { keyUnreadableText } from './keyUnreadableText';
import { listAnomalies, resolveAnomaly } from '../../../useCases/point/anomalies';
import { readDeskStatus } from '../../../useCases/point/deskStatus';
import { joinPoint } from '../../../useCases/point/joinPoint';
import { revokeDesk } from '../../../useCases/point/revokeDesk';
import { servePoint } from '../../../useCases/point/servePoint';
import { unpairDesk } from '../../../useCases/point/unpairDesk';
import type { UnpairFailure } from '../../../useCases/point/unpairDesk';
import type { StoreContext } from '../../../store/storeContext';
import { backupDirFor } from '../../../platform/paths';
import { parseListen } from '../../sync/deskSync';
import { flag, requiredOption, stringOption } from '../kit/argValues';
import { CliRefusal, EXIT_OK, usageError } from '../kit/cliIo';
import type { CliIo } from '../kit/cliIo';
import type { Command, ParsedArgs } from '../kit/command';
import { withStore } from '../kit/withStore';
import { cliTexts } from '../kit/cliTexts';

const t = cliTexts();

/** `balie desk serve|join|status|anomalies|revoke|handover|takeover|unpair`: several desks at one point (docs/admin.md). */
export const deskCommand: Command = {
  name: 'desk',
  usage: t('cli.cmd.desk.usage'),
  summary: t('cli.cmd.desk.summary'),
  options: {
    listen: { type: 'string' },
    code: { type: 'string' },
    name: { type: 'string' },
    json: { type: 'boolean' },
    resolve: { type: 'string' },
    note: { type: 'string' },
    staff: { type: 'string' },
    to: { type: 'string' },
    force: { type: 'boolean' },
  },
  positionals: [1, 2],
  run: (args, io) => {
    const [sub, operand] = args.positionals as [string, string | undefined];
    switch (sub) {
      case 'serve':
        return serve(args, io);
      case 'join':
        return join(args, io, operand);
      case 'status':
        return withStore(args.dbPath, io, (ctx) => {
          const status = readDeskStatus(ctx);
          const shaped = {
            role: status.role,
            online: status.online,
            peers: status.peers.map((p) => ({
              name: p.name,
              lastSyncAt: p.lastSyncAt,
              lagEvents: p.lagEvents,
            })),
            anomalies: status.anomalies,
          };
          io.out(flag(args, 'json') ? JSON.stringify(shaped) : JSON.stringify(shaped, null, 2));
          return EXIT_OK;
        });
      case 'anomalies':
        return withStore(args.dbPath, io, (ctx) => {
          const card = stringOption(args, 'resolve');
          if (card !== undefined) {
            const resolved = resolveAnomaly(ctx, {
              card,
              note: requiredOption(args, 'note'),
              staff: requiredOption(args, 'staff'),
            });
            if (!resolved.ok) throw new CliRefusal(describePointProblem(resolved));
          }
          const list = listAnomalies(ctx.db).map((a) => ({
            card: a.card,
            kept: { eventId: a.kept.eventId, desk: a.kept.desk ?? t('desk.otherDesk'), at: a.kept.at },
            other: { eventId: a.other.eventId, desk: a.other.desk ?? t('desk.otherDesk'), at: a.other.at },
            resolved: a.resolved,
          }));
          io.out(flag(args, 'json') ? JSON.stringify(list) : JSON.stringify(list, null, 2));
          return EXIT_OK;
        });
      case 'revoke':
        return withStore(args.dbPath, io, (ctx) => {
          if (operand === undefined) throw usageError(t('cli.cmd.desk.usage'));
          const revoked = revokeDesk(ctx, operand);
          if (!revoked.ok)
            throw new CliRefusal(
              revoked.error === 'not_host'
                ? t('point.refused.notHost', { host: revoked.host })
                : t('point.refused.unknownDesk', { name: revoked.name }),
            );
          io.out(t('point.revoked', { name: operand }));
          return EXIT_OK;
        });
      case 'handover':
        return withStore(args.dbPath, io, async (ctx) => {
          const to = requiredOption(args, 'to');
          const identity = await loadOrCreateDeskCertificate(
            deskCertificateDirFor(ctx.dbPath),
            'Balie',
            ctx.clock,
          );
          const moved = await handOverTo(ctx, identity, thisDeskOf(ctx.db, identity.fingerprint), to);
          if (!moved.ok) throw new CliRefusal(handoverRefusal(moved));
          io.out(t('point.handedOver', { name: moved.value.to, keyId: moved.value.keyId }));
          return EXIT_OK;
        });
      case 'unpair':
        return withStore(args.dbPath, io, (ctx) => unpair(ctx, args, io));
      case 'takeover':
        return withStore(args.dbPath, io, (ctx) => {
          const taken = takeOver(ctx);
          if (!taken.ok) throw new CliRefusal(t('point.refused.alreadyHost'));
          io.out(t('point.tookOver', taken.value));
          return EXIT_OK;
        });
      default:
        throw usageError(t('cli.cmd.desk.usage'));
    }
  },
};

function listenOption(value: string): { host: string; port: number } {
  const listen = parseListen(value);
  if (!listen) throw usageError(t('cli.cmd.desk.usage'));
  return listen;
}

/** Runs until SIGTERM or SIGINT, then stops cleanly (connections closed, store closed). */
function serve(args: ParsedArgs, io: CliIo): Promise<number> {
  const listen = listenOption(requiredOption(args, 'listen'));
  return withStore(args.dbPath, io, async (ctx) => {
    const name = ownDesk(ctx.db)?.name ?? 'Balie 1';
    const identity = await loadOrCreateDeskCertificate(deskCertificateDirFor(ctx.dbPath), name, ctx.clock);
    const service = await servePoint(ctx, { identity, listen });
    if (flag(args, 'json'))
      io.out(JSON.stringify({ url: service.url, code: service.code, fingerprint: service.fingerprint }));
    else {
      io.out(t('point.serving', { url: service.url, fingerprint: service.fingerprint }));
      if (service.code !== null) io.out(t('point.code', { code: service.code }));
    }
    await new Promise<void>((resolve) => {
      process.once('SIGTERM', resolve);
      process.once('SIGINT', resolve);
    });
    await service.stop();
    return EXIT_OK;
  });
}

async function join(args: ParsedArgs, io: CliIo, url: string | undefined): Promise<number> {
  if (url === undefined) throw usageError(t('cli.cmd.desk.usage'));
  const joined = await joinPoint({
    dbPath: args.dbPath,
    url,
    code: requiredOption(args, 'code'),
    deskName: stringOption(args, 'name') ?? 'Balie 2',
    clock: io.clock,
    backupDir: backupDirFor(args.dbPath),
  });
  if (!joined.ok) throw new CliRefusal(describePointProblem(joined));
  if (flag(args, 'json')) io.out(JSON.stringify(joined.value));
  else io.out(t('point.joined', joined.value));
  return EXIT_OK;
}

async function unpair(ctx: StoreContext, args: ParsedArgs, io: CliIo): Promise<number> {
  const identity = await loadOrCreateDeskCertificate(deskCertificateDirFor(ctx.dbPath), 'Balie', ctx.clock);
  const done = await unpairDesk(ctx, identity, thisDeskOf(ctx.db, identity.fingerprint), {
    force: flag(args, 'force'),
  });
  if (!done.ok) throw new CliRefusal(unpairRefusal(done));
  const { host, hostName, removed } = done.value;
  if (flag(args, 'json')) io.out(JSON.stringify({ unpaired: true, host, removed }));
  else
    io.out(
      t(host === 'not_told' ? 'point.unpairedForced' : 'point.unpaired', {
        host: hostName,
        count: removed.length,
      }),
    );
  return EXIT_OK;
}

export function unpairRefusal(failure: UnpairFailure): string {
  switch (failure.error) {
    case 'is_host':
      return t('point.refused.unpairOnHost');
    case 'in_use':
      return t('point.refused.storeInUse');
    case 'host_unreachable':
      return t('point.refused.unpairHostUnreachable', { host: failure.host });
    default:
      return assertNever(failure);
  }
}

function handoverRefusal(failure: HandoverFailure): string {
  switch (failure.error) {
    case 'not_host':
      return t('point.refused.notHost', { host: failure.host });
    case 'unknown_desk':
      return t('point.refused.unknownDesk', { name: failure.name });
    case 'unreachable':
      return t('point.refused.deskUnreachable', { name: failure.name });
    case 'refused_by_desk':
      return t('point.refused.handoverRefused', { name: failure.name });
    case 'key_unreadable':
      return keyUnreadableText(failure);
    default:
      return assertNever(failure);
  }
}
