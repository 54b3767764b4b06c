import type { Migration } from './migration';
import { m0010Initial } from './m0010_initial';
import { m0020DeskEvents } from './m0020_desk_events';
import { m0030Reports } from './m0030_reports';
import { m0040PostcodeNameIndex } from './m0040_postcode_name_index';
import { m0050CardStateEventSeq } from './m0050_card_state_event_seq';
import { m0070ReportAuditAnchor } from './m0070_report_audit_anchor';
import { m0080NameWords } from './m0080_name_words';
import { m0090DeskNamesGroupNumbers } from './m0090_desk_names_group_numbers';
import { m0100PointSync } from './m0100_point_sync';
import { m0110PeerUnpaired } from './m0110_peer_unpaired';

/** In order. Never edit a released migration: add a new one. */
export const MIGRATIONS: readonly Migration[] = [
  m0010Initial,
  m0020DeskEvents,
  m0030Reports,
  m0040PostcodeNameIndex,
  m0050CardStateEventSeq,
  m0070ReportAuditAnchor,
  m0080NameWords,
  m0090DeskNamesGroupNumbers,
  m0100PointSync,
  m0110PeerUnpaired,
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0;
