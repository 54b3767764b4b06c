import { useT } from '../app/i18n';

export function OverviewScreen() {
  const t = useT();
  return <h1>{t('app.nav.overview')}</h1>;
}
