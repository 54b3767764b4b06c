import { useT } from '../app/i18n';

export function GroupScreen() {
  const t = useT();
  return <h1>{t('app.nav.group')}</h1>;
}
