import { useTranslation } from 'react-i18next';
import { useDemoMediacentres } from './mediacentreQueries';

/**
 * On a demonstration instance, the sign-in page offers the demonstration Médiacentre: the way
 * to try a pupil's ENT sign-in without an ENT. Nothing shows in production (the list is empty).
 */
export function DemoMediacentreLink() {
  const { t } = useTranslation();
  const { data } = useDemoMediacentres();
  if (!data || data.mediacentres.length === 0) return null;
  return (
    <aside className="card" data-testid="demo-mediacentre">
      <p>{t('learner.mediacentre.demoNotice')}</p>
      <ul>
        {data.mediacentres.map((mediacentre) => (
          <li key={mediacentre.slug}>
            {/* A page of the API, not of this app: a full navigation, as from a real ENT. */}
            <a href={mediacentre.url}>{t('learner.mediacentre.demoLink', { label: mediacentre.label })}</a>
          </li>
        ))}
      </ul>
    </aside>
  );
}
