import { describeRestoreProblem } from '../../../../shared/i18n/safetyText';
import { restoreStore } from '../../../store/restoreStore';
import { flag } from '../argValues';
import { CliRefusal, EXIT_OK } from '../cliIo';
import type { Command } from '../command';

export const restoreCommand: Command = {
  name: 'restore',
  usage: 'restore BESTAND.sqlite [--other-point]',
  summary: 'zet een back-up terug (eerst wordt de huidige toestand bewaard); sluit eerst de app',
  options: { 'other-point': { type: 'boolean' } },
  positionals: [1, 1],
  // No withStore: a restore replaces the file itself and must not hold it open.
  run: async (args, io) => {
    const file = args.positionals[0] as string;
    const result = await restoreStore(args.dbPath, file, io.clock, {
      allowOtherPoint: flag(args, 'other-point'),
    });
    if (!result.ok) throw new CliRefusal(describeRestoreProblem(result));
    const r = result.value;
    io.out(
      `Teruggezet: ${file} (punt ${r.pointId ?? '—'}, ${r.cards} kaarten, schema ${r.schemaVersion}${r.migratedTo !== r.schemaVersion ? ` → ${r.migratedTo}` : ''}).`,
    );
    io.out(
      `Nieuw auditbereik ${r.auditEpoch} (terugzetten): het volgende rapport meldt dat aan de uitgever.${r.reportsCarried > 0 ? ` ${r.reportsCarried} ondertekende rapporten van na de back-up blijven bewaard; de nummering gaat verder.` : ''}`,
    );
    if (r.preRestoreBackup)
      io.out(`De toestand van vóór het terugzetten is bewaard in: ${r.preRestoreBackup}`);
    return EXIT_OK;
  },
};
