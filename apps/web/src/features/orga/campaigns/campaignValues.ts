import type { Campaign, CampaignType, ExternalIdType } from '@jalon/contracts';

/** What the campaign forms hold: strings as typed, so a refused submission keeps every input. */
export interface CampaignValues {
  type: CampaignType | '';
  name: string;
  targetProfileId: string;
  askExternalId: boolean;
  externalIdLabel: string;
  externalIdType: ExternalIdType;
  title: string;
  customLandingPageText: string;
  customResultPageText: string;
  customResultPageButtonText: string;
  customResultPageButtonUrl: string;
  ownerId: string;
  multipleSendings: boolean;
}

export const CAMPAIGN_FIELDS = [
  'type',
  'name',
  'targetProfileId',
  'externalIdLabel',
  'externalIdType',
  'title',
  'customLandingPageText',
  'customResultPageText',
  'customResultPageButtonText',
  'customResultPageButtonUrl',
  'ownerId',
  'multipleSendings',
] as const;

export function emptyValues(ownerId: string): CampaignValues {
  return {
    type: '',
    name: '',
    targetProfileId: '',
    askExternalId: false,
    externalIdLabel: '',
    externalIdType: 'STRING',
    title: '',
    customLandingPageText: '',
    customResultPageText: '',
    customResultPageButtonText: '',
    customResultPageButtonUrl: '',
    ownerId,
    multipleSendings: false,
  };
}

export function valuesOf(campaign: Campaign): CampaignValues {
  return {
    type: campaign.type,
    name: campaign.name,
    targetProfileId: campaign.targetProfile?.id ?? '',
    askExternalId: campaign.externalIdLabel !== null,
    externalIdLabel: campaign.externalIdLabel ?? '',
    externalIdType: campaign.externalIdType ?? 'STRING',
    title: campaign.title ?? '',
    customLandingPageText: campaign.customLandingPageText ?? '',
    customResultPageText: campaign.customResultPageText ?? '',
    customResultPageButtonText: campaign.customResultPageButtonText ?? '',
    customResultPageButtonUrl: campaign.customResultPageButtonUrl ?? '',
    ownerId: campaign.owner.id,
    multipleSendings: campaign.multipleSendings,
  };
}

/** The fields both forms send; blank texts go as null, which the API stores as « none ». */
export function editableBody(values: CampaignValues) {
  const isCollection = values.type === 'PROFILES_COLLECTION';
  const text = (value: string) => (value.trim() === '' ? null : value);
  return {
    name: values.name,
    title: isCollection ? null : text(values.title),
    customLandingPageText: text(values.customLandingPageText),
    customResultPageText: text(values.customResultPageText),
    customResultPageButtonText: text(values.customResultPageButtonText),
    customResultPageButtonUrl: text(values.customResultPageButtonUrl),
    externalIdLabel: values.askExternalId ? values.externalIdLabel : null,
    externalIdType: values.askExternalId ? values.externalIdType : null,
    ownerId: values.ownerId,
    multipleSendings: values.multipleSendings,
  };
}
