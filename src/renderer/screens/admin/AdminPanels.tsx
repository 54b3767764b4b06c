import { AuditPanel } from './AuditPanel';
import { BackupsPanel } from './BackupsPanel';
import { DesksPanel } from './DesksPanel';
import { ImportPanel } from './ImportPanel';
import { NewYearPanel } from './NewYearPanel';
import { ReportPanel } from './ReportPanel';
import { SettingsPanel } from './SettingsPanel';
import { UpdatesPanel } from './UpdatesPanel';

/** Beheer once unlocked: every panel gets the PIN for its calls. */
export function AdminPanels({ pin }: { pin: string }) {
  return (
    <div className="admin-panels">
      <ImportPanel pin={pin} />
      <ReportPanel pin={pin} />
      <SettingsPanel pin={pin} />
      <AuditPanel pin={pin} />
      <BackupsPanel pin={pin} />
      <DesksPanel pin={pin} />
      <NewYearPanel pin={pin} />
      <UpdatesPanel />
    </div>
  );
}
