import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CAMPAIGN_TEXT_MAX, CAMPAIGN_TITLE_MAX, EXTERNAL_ID_TYPES } from '@jalon/contracts/constants';
import type { Member } from '../../../api/types';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { SelectField } from '../../shared/ui/SelectField';
import { TextField } from '../../shared/ui/TextField';
import type { CampaignValues } from './campaignValues';
import { TextAreaField } from './TextAreaField';

interface CampaignFieldsProps {
  values: CampaignValues;
  onChange: (values: CampaignValues) => void;
  errors: Record<string, string>;
  members: Member[];
  /** Whether the organization may offer several sendings for this type (the feature, or a profile collection). */
  multipleSendingsOffered: boolean;
  /** After someone joined, the join rules (external id, sendings) are shown but cannot change. */
  joinRulesLocked?: boolean;
  /** The result page's text and button, edited in « Paramètres ». */
  withResultPage?: boolean;
}

/** The fields a campaign has in common between creation and « Paramètres » (§4.2). */
export function CampaignFields({ values, onChange, errors, members, multipleSendingsOffered, joinRulesLocked = false, withResultPage = false }: CampaignFieldsProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  // Characters typed against the limit the API enforces, numbers written the reader's way (« 5 000 »).
  const counter = (value: string, max: number) => {
    const format = new Intl.NumberFormat(i18n.language);
    return t('orga.campaigns.fields.counter', { length: format.format(value.length), max: format.format(max) });
  };
  const set = (patch: Partial<CampaignValues>) => onChange({ ...values, ...patch });
  const isCollection = values.type === 'PROFILES_COLLECTION';

  return (
    <>
      <fieldset className="field radio-group" disabled={joinRulesLocked} aria-describedby={joinRulesLocked ? `${id}-locked` : undefined}>
        <legend className="field__label">{t('orga.campaigns.fields.askExternalId')}</legend>
        {[false, true].map((ask) => (
          <div key={String(ask)} className="radio-group__option">
            <input
              type="radio"
              id={`${id}-external-${String(ask)}`}
              name="askExternalId"
              checked={values.askExternalId === ask}
              onChange={() => set({ askExternalId: ask })}
            />
            <label htmlFor={`${id}-external-${String(ask)}`}>{ask ? t('orga.campaigns.fields.yes') : t('orga.campaigns.fields.no')}</label>
          </div>
        ))}
        {joinRulesLocked ? (
          <p id={`${id}-locked`} className="field__hint">
            {t('orga.campaigns.fields.joinRulesLocked')}
          </p>
        ) : null}
      </fieldset>
      {values.askExternalId ? (
        <>
          <TextField
            label={t('orga.campaigns.fields.externalIdLabel')}
            name="externalIdLabel"
            value={values.externalIdLabel}
            onChange={(externalIdLabel) => set({ externalIdLabel })}
            hint={t('orga.campaigns.fields.externalIdHint')}
            error={errors.externalIdLabel}
            disabled={joinRulesLocked}
          />
          <SelectField
            label={t('orga.campaigns.fields.externalIdType')}
            name="externalIdType"
            value={values.externalIdType}
            onChange={(externalIdType) => set({ externalIdType: externalIdType === 'EMAIL' ? 'EMAIL' : 'STRING' })}
            options={EXTERNAL_ID_TYPES.map((type) => ({ value: type, label: t(`orga.campaigns.externalIdTypes.${type}`) }))}
            error={errors.externalIdType}
            disabled={joinRulesLocked}
          />
        </>
      ) : null}
      {isCollection ? null : (
        <TextField
          label={t('orga.campaigns.fields.title')}
          name="title"
          value={values.title}
          onChange={(title) => set({ title })}
          hint={
            <>
              {t('orga.campaigns.fields.titleHint')} <span data-testid="title-counter">{counter(values.title, CAMPAIGN_TITLE_MAX)}</span>
            </>
          }
          error={errors.title}
        />
      )}
      <TextAreaField
        label={t('orga.campaigns.fields.landingText')}
        name="customLandingPageText"
        value={values.customLandingPageText}
        onChange={(customLandingPageText) => set({ customLandingPageText })}
        hint={
          <>
            {t('orga.campaigns.fields.landingTextHint')} {counter(values.customLandingPageText, CAMPAIGN_TEXT_MAX)}
          </>
        }
        error={errors.customLandingPageText}
      />
      {withResultPage ? (
        <>
          <TextAreaField
            label={t('orga.campaigns.fields.resultText')}
            name="customResultPageText"
            value={values.customResultPageText}
            onChange={(customResultPageText) => set({ customResultPageText })}
            hint={counter(values.customResultPageText, CAMPAIGN_TEXT_MAX)}
            error={errors.customResultPageText}
          />
          <TextField
            label={t('orga.campaigns.fields.resultButtonText')}
            name="customResultPageButtonText"
            value={values.customResultPageButtonText}
            onChange={(customResultPageButtonText) => set({ customResultPageButtonText })}
            error={errors.customResultPageButtonText}
          />
          <TextField
            label={t('orga.campaigns.fields.resultButtonUrl')}
            name="customResultPageButtonUrl"
            type="url"
            value={values.customResultPageButtonUrl}
            onChange={(customResultPageButtonUrl) => set({ customResultPageButtonUrl })}
            hint={t('orga.campaigns.fields.resultButtonHint')}
            error={errors.customResultPageButtonUrl}
          />
        </>
      ) : null}
      <SelectField
        label={t('orga.campaigns.fields.owner')}
        name="ownerId"
        value={values.ownerId}
        onChange={(ownerId) => set({ ownerId })}
        options={members.map((member) => ({ value: member.userId, label: `${member.firstName} ${member.lastName}` }))}
        error={errors.ownerId}
      />
      {multipleSendingsOffered && joinRulesLocked ? (
        <p className="field">
          {values.multipleSendings ? t('orga.campaigns.fields.multipleSendingsOn') : t('orga.campaigns.fields.multipleSendingsOff')}
        </p>
      ) : null}
      {multipleSendingsOffered && !joinRulesLocked ? (
        <CheckboxField
          label={t('orga.campaigns.fields.multipleSendings')}
          name="multipleSendings"
          checked={values.multipleSendings}
          onChange={(multipleSendings) => set({ multipleSendings })}
          hint={t('orga.campaigns.fields.multipleSendingsHint')}
          error={errors.multipleSendings}
        />
      ) : null}
    </>
  );
}
