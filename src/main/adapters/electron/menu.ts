import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  about(): void;
  openLogFolder(): void;
  openDataFolder(): void;
}

/** The Dutch application menu. Roles keep the OS behaviour; labels are set so nothing shows in English. */
export function buildMenuTemplate(input: {
  platform: NodeJS.Platform;
  appName: string;
  devTools: boolean;
  actions: MenuActions;
}): MenuItemConstructorOptions[] {
  const { platform, appName, devTools, actions } = input;
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: appName,
      submenu: [
        { label: `Over ${appName}`, click: () => actions.about() },
        { type: 'separator' },
        { role: 'hide', label: `${appName} verbergen` },
        { role: 'hideOthers', label: 'Andere verbergen' },
        { role: 'unhide', label: 'Alles tonen' },
        { type: 'separator' },
        { role: 'quit', label: `${appName} afsluiten` },
      ],
    });
  }
  template.push({
    label: 'Bestand',
    submenu: [
      { label: 'Map met gegevens openen', click: () => actions.openDataFolder() },
      { label: 'Map met logboeken openen', click: () => actions.openLogFolder() },
      { type: 'separator' },
      mac ? { role: 'close', label: 'Venster sluiten' } : { role: 'quit', label: 'Afsluiten' },
    ],
  });
  template.push({
    label: 'Bewerken',
    submenu: [
      { role: 'undo', label: 'Ongedaan maken' },
      { role: 'redo', label: 'Opnieuw' },
      { type: 'separator' },
      { role: 'cut', label: 'Knippen' },
      { role: 'copy', label: 'Kopiëren' },
      { role: 'paste', label: 'Plakken' },
      { role: 'selectAll', label: 'Alles selecteren' },
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: 'Opnieuw laden' },
    { type: 'separator' },
    { role: 'zoomIn', label: 'Inzoomen' },
    { role: 'zoomOut', label: 'Uitzoomen' },
    { role: 'resetZoom', label: 'Ware grootte' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Volledig scherm' },
  ];
  if (devTools)
    view.push({ type: 'separator' }, { role: 'toggleDevTools', label: 'Ontwikkelaarshulpmiddelen' });
  template.push({ label: 'Beeld', submenu: view });
  template.push({
    label: 'Venster',
    submenu: [
      { role: 'minimize', label: 'Minimaliseren' },
      ...(mac ? [{ role: 'zoom' as const, label: 'Zoomen' }] : []),
    ],
  });
  template.push({
    label: 'Help',
    submenu: mac
      ? [{ label: 'Map met logboeken openen', click: () => actions.openLogFolder() }]
      : [{ label: `Over ${appName}`, click: () => actions.about() }],
  });
  return template;
}
