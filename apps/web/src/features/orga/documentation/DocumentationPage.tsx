import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { TargetProfileSummary } from '../../../api/types';
import { localized } from '../../shared/content/localized';
import { Button } from '../../shared/ui/Button';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { Page } from '../../shared/ui/Page';
import { SelectField } from '../../shared/ui/SelectField';
import { TextField } from '../../shared/ui/TextField';
import { useOrga } from '../shell/orgaContext';
import { formatDevices, formatDuration } from './parcoursFacts';
import { useAvailableParcours } from './parcoursQueries';
import './documentation.css';

/** Parcours in the API's order (category display order, then name), grouped under their category. */
function byCategory(profiles: TargetProfileSummary[]): TargetProfileSummary[][] {
  const groups: TargetProfileSummary[][] = [];
  for (const profile of profiles) {
    const last = groups[groups.length - 1];
    if (last?.[0]?.category === profile.category) last.push(profile);
    else groups.push([profile]);
  }
  return groups;
}

/** The organization's guide, then the content of every parcours available to it (seed item 8). */
export function DocumentationPage() {
  const { t, i18n } = useTranslation();
  const { organization } = useOrga().membership;
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const category = params.get('categorie') ?? '';
  const [draft, setDraft] = useState(search);
  const [draftCategory, setDraftCategory] = useState(category);
  const parcours = useAvailableParcours(organization.id, { search, category });
  // The filter offers the categories the organization actually has, in display order.
  const unfiltered = useAvailableParcours(organization.id, { search: '', category: '' });
  const categories = byCategory(unfiltered.data ?? []).map((group) => group[0]!);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    for (const [key, value] of [['search', draft.trim()], ['categorie', draftCategory]] as const) {
      if (value === '') next.delete(key);
      else next.set(key, value);
    }
    setParams(next);
  }

  return (
    <Page title={t('orga.documentation.title')} testId="documentation-page">
      <section aria-labelledby="documentation-guide">
        <h2 id="documentation-guide">{t('orga.documentation.guide')}</h2>
        {organization.documentationUrl ? (
          <p>
            <a href={organization.documentationUrl} data-testid="documentation-guide-link">
              {t('orga.documentation.guideLink')}
            </a>
          </p>
        ) : (
          <p>{t('orga.documentation.noGuide')}</p>
        )}
      </section>
      <section aria-labelledby="documentation-parcours">
        <h2 id="documentation-parcours">{t('orga.documentation.parcours')}</h2>
        <p>{t('orga.documentation.intro')}</p>
        <form role="search" onSubmit={submit} className="parcours-filters" aria-label={t('orga.documentation.searchLabel')}>
          <TextField label={t('orga.documentation.search')} name="search" type="search" value={draft} onChange={setDraft} />
          <SelectField
            label={t('orga.documentation.category')}
            name="categorie"
            value={draftCategory}
            onChange={setDraftCategory}
            options={[
              { value: '', label: t('orga.documentation.allCategories') },
              ...categories.map((profile) => ({ value: profile.category, label: localized(profile.categoryLabel, i18n.language) })),
            ]}
          />
          <Button type="submit" variant="secondary">
            {t('orga.documentation.searchSubmit')}
          </Button>
        </form>
        {parcours.isPending ? <Loading /> : null}
        <ErrorSummary error={parcours.error} />
        {parcours.data ? (
          <>
            <p role="status" data-testid="parcours-count">
              {t('orga.documentation.count', { count: parcours.data.length })}
            </p>
            {parcours.data.length === 0 ? <p>{t('orga.documentation.empty')}</p> : null}
            {byCategory(parcours.data).map((group) => (
              <section key={group[0]!.category} aria-labelledby={`category-${group[0]!.category}`} className="parcours-category">
                <h3 id={`category-${group[0]!.category}`}>{localized(group[0]!.categoryLabel, i18n.language)}</h3>
                <ul className="cards" data-testid="parcours-list">
                  {group.map((profile) => (
                    <li key={profile.id} className="card card--link parcours-card" data-testid="parcours-card">
                      <h4>
                        <Link to={`/orga/documentation/parcours/${encodeURIComponent(profile.id)}`}>{profile.name}</Link>
                      </h4>
                      <p className="parcours-card__description">{profile.description}</p>
                      <ul className="parcours-card__facts">
                        <li>{t('orga.documentation.facts.skills', { count: profile.skillCount })}</li>
                        <li>{t('orga.documentation.facts.duration', { duration: formatDuration(t, profile.estimatedMinutes) })}</li>
                        <li>{formatDevices(t, profile.devices)}</li>
                      </ul>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </>
        ) : null}
      </section>
    </Page>
  );
}
