import { useT } from '../app/i18n';

export function AdminScreen() {
  const t = useT();
  return <h1>{t('app.nav.admin')}</h1>;
}
