import { useTranslation } from 'react-i18next';
import type { LoadedDataset } from '../../data';
import { formatNumber } from '../../i18n';

const SHOWN_IDS = 4;

/** The first ids of a vocabulary with the indices the model sees ("alice → 0, bob → 1, …"). */
function idMap(ids: string[] | undefined): string {
  if (!ids?.length) return '';
  const head = ids.slice(0, SHOWN_IDS).map((id, i) => `${id} → ${i}`);
  return ids.length > SHOWN_IDS ? `${head.join(', ')}, …` : head.join(', ');
}

/** Extra facts of a ratings or box set, inside the facts list: users and items with their id mapping, or classes. */
export function DomainFacts({ ds }: { ds: LoadedDataset }) {
  const { t } = useTranslation('domains');
  const domain = ds.domain;
  if (domain?.kind === 'ratings') {
    const { users, items } = ds.config.fitted;
    return (
      <>
        <dt>{t('usersFact')}</dt>
        <dd title={idMap(users)}>{t('idCount', { count: domain.users, ids: idMap(users) })}</dd>
        <dt>{t('itemsFact')}</dt>
        <dd title={idMap(items)}>{t('idCount', { count: domain.items, ids: idMap(items) })}</dd>
      </>
    );
  }
  if (domain?.kind === 'boxes')
    return (
      <>
        <dt>{t('boxClassesFact')}</dt>
        <dd>{formatNumber(domain.classes)}</dd>
      </>
    );
  return null;
}
