import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TargetProfileSummary } from '../../../api/types';
import { localized } from '../../shared/content/localized';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Loading } from '../../shared/ui/Loading';
import { SelectField } from '../../shared/ui/SelectField';
import { TextField } from '../../shared/ui/TextField';
import { formatDevices } from '../documentation/parcoursFacts';
import { useAvailableParcours } from '../documentation/parcoursQueries';

interface ParcoursPickerProps {
  organizationId: string;
  value: string;
  onChange: (targetProfileId: string) => void;
  error?: string | undefined;
}

/** One card per category, in the API's display order: the filter offers only the categories the organization has. */
function categoriesOf(profiles: TargetProfileSummary[]): TargetProfileSummary[] {
  return profiles.filter((profile, index) => profiles.findIndex((other) => other.category === profile.category) === index);
}

/**
 * « Que souhaitez-vous tester ? » (seed item 11): the parcours available to the organization,
 * narrowed by a search and a category, each card with what a teacher weighs before choosing
 * and a link to its full documentation. The filters live in the form, not in a nested form.
 */
export function ParcoursPicker({ organizationId, value, onChange, error }: ParcoursPickerProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const parcours = useAvailableParcours(organizationId, { search: search.trim(), category });
  const all = useAvailableParcours(organizationId, { search: '', category: '' });
  const chosen = all.data?.find((profile) => profile.id === value);

  return (
    <section className="parcours-picker" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="parcours-picker__title">
        {t('orga.campaigns.fields.targetProfile')}
      </h2>
      <div className="parcours-picker__filters">
        <TextField label={t('orga.campaigns.picker.search')} name="parcoursSearch" type="search" value={search} onChange={setSearch} />
        <SelectField
          label={t('orga.campaigns.picker.category')}
          name="parcoursCategory"
          value={category}
          onChange={setCategory}
          options={[
            { value: '', label: t('orga.campaigns.picker.allCategories') },
            ...categoriesOf(all.data ?? []).map((profile) => ({ value: profile.category, label: localized(profile.categoryLabel, i18n.language) })),
          ]}
        />
      </div>
      <p role="status" className="parcours-picker__chosen" data-testid="parcours-chosen">
        {chosen ? t('orga.campaigns.picker.chosen', { name: chosen.name }) : t('orga.campaigns.picker.noneChosen')}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      {parcours.isPending ? <Loading /> : null}
      <ErrorSummary error={parcours.error} />
      {parcours.data?.length === 0 ? <p>{t('orga.campaigns.picker.empty')}</p> : null}
      <div
        role="radiogroup"
        aria-labelledby={`${id}-title`}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        tabIndex={-1}
        className="parcours-picker__options"
        data-testid="parcours-options"
      >
        {(parcours.data ?? []).map((profile) => (
          <div key={profile.id} className={profile.id === value ? 'parcours-option parcours-option--chosen' : 'parcours-option'} data-testid="parcours-option">
            <input
              type="radio"
              id={`${id}-${profile.id}`}
              name="targetProfileId"
              value={profile.id}
              checked={profile.id === value}
              onChange={() => onChange(profile.id)}
              aria-describedby={`${id}-${profile.id}-facts`}
            />
            <div>
              <label htmlFor={`${id}-${profile.id}`} className="parcours-option__name">
                {profile.name}
              </label>
              <ul id={`${id}-${profile.id}-facts`} className="parcours-option__facts">
                <li>{localized(profile.categoryLabel, i18n.language)}</li>
                <li>{t('orga.campaigns.picker.tubes', { count: profile.tubeCount })}</li>
                <li>{t('orga.campaigns.picker.badges', { count: profile.badgeCount })}</li>
                <li>{profile.stageCount > 0 ? t('orga.campaigns.picker.stars', { count: profile.stageCount }) : t('orga.campaigns.picker.percent')}</li>
                <li>{formatDevices(t, profile.devices)}</li>
              </ul>
              <Link
                to={`/orga/documentation/parcours/${encodeURIComponent(profile.id)}`}
                target="_blank"
                rel="noopener"
                data-testid="parcours-documentation-link"
              >
                {t('orga.campaigns.picker.documentation', { name: profile.name })}
              </Link>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
