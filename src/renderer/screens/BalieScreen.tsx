import { useT } from '../app/i18n';

export function BalieScreen() {
  const t = useT();
  return <h1>{t('app.nav.balie')}</h1>;
}
