import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_TYPES } from '../../../api/types';
import type { Organization, OrganizationType } from '../../../api/types';
import { useApiErrors } from '../../shared/errors/useApiErrors';
import { DEFAULT_TIME_ZONE } from '../../shared/format/formatDate';
import { Button } from '../../shared/ui/Button';
import { CheckboxField } from '../../shared/ui/CheckboxField';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { SelectField } from '../../shared/ui/SelectField';
import { TextField } from '../../shared/ui/TextField';
import { Form } from '../../shared/ui/Form';

export interface OrganizationValues {
  name: string;
  type: OrganizationType;
  externalId: string | null;
  email: string | null;
  documentationUrl: string | null;
  timeZone: string;
  isManagingStudents: boolean;
  identityProviderForCampaigns: 'MEDIACENTRE' | null;
}

const FIELDS = ['name', 'type', 'externalId', 'email', 'documentationUrl', 'timeZone', 'isManagingStudents', 'identityProviderForCampaigns'] as const;

function isOrganizationType(value: string): value is OrganizationType {
  return (ORGANIZATION_TYPES as readonly string[]).includes(value);
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

interface OrganizationFormProps {
  initial?: Organization;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (values: OrganizationValues) => void;
}

export function OrganizationForm({ initial, submitLabel, busy, error, onSubmit }: OrganizationFormProps) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial?.name ?? '');
  const [type, setType] = useState<OrganizationType>(initial?.type ?? 'SCO');
  const [externalId, setExternalId] = useState(initial?.externalId ?? '');
  const [email, setEmail] = useState(initial?.email ?? '');
  const [documentationUrl, setDocumentationUrl] = useState(initial?.documentationUrl ?? '');
  const [timeZone, setTimeZone] = useState(initial?.timeZone ?? DEFAULT_TIME_ZONE);
  const [isManagingStudents, setIsManagingStudents] = useState(initial?.isManagingStudents ?? false);
  const [mediacentre, setMediacentre] = useState(initial?.identityProviderForCampaigns === 'MEDIACENTRE');
  const errors = useApiErrors(error, FIELDS);

  function submit() {
    onSubmit({
      name: name.trim(),
      type,
      externalId: orNull(externalId),
      email: orNull(email),
      documentationUrl: orNull(documentationUrl),
      timeZone: timeZone.trim(),
      isManagingStudents,
      identityProviderForCampaigns: mediacentre ? 'MEDIACENTRE' : null,
    });
  }

  return (
    <Form onSubmit={submit} error={error} testId="organization-form">
      <ErrorSummary messages={errors.general} />
      <TextField label={t('admin.organization.name')} name="name" value={name} onChange={setName} error={errors.fields.name} />
      <SelectField
        label={t('admin.organization.type')}
        name="type"
        value={type}
        onChange={(value) => {
          if (isOrganizationType(value)) setType(value);
        }}
        options={ORGANIZATION_TYPES.map((value) => ({ value, label: t(`admin.organization.types.${value}`) }))}
        error={errors.fields.type}
      />
      <TextField
        label={t('admin.organization.externalId')}
        name="externalId"
        value={externalId}
        onChange={setExternalId}
        hint={type === 'SCO' || type === 'SCO-1D' ? t('admin.organization.uaiHint') : t('admin.organization.externalIdHint')}
        error={errors.fields.externalId}
        autoComplete="off"
      />
      <TextField label={t('admin.organization.email')} name="email" type="email" value={email} onChange={setEmail} error={errors.fields.email} />
      <TextField
        label={t('admin.organization.documentationUrl')}
        name="documentationUrl"
        type="url"
        value={documentationUrl}
        onChange={setDocumentationUrl}
        hint={t('admin.organization.documentationUrlHint')}
        error={errors.fields.documentationUrl}
      />
      <TextField
        label={t('admin.organization.timeZone')}
        name="timeZone"
        value={timeZone}
        onChange={setTimeZone}
        hint={t('admin.organization.timeZoneHint')}
        error={errors.fields.timeZone}
      />
      <CheckboxField
        label={t('admin.organization.isManagingStudents')}
        name="isManagingStudents"
        checked={isManagingStudents}
        onChange={setIsManagingStudents}
        error={errors.fields.isManagingStudents}
      />
      <CheckboxField
        label={t('admin.organization.mediacentre')}
        name="identityProviderForCampaigns"
        checked={mediacentre}
        onChange={setMediacentre}
        error={errors.fields.identityProviderForCampaigns}
      />
      <Button type="submit" busy={busy} data-testid="organization-submit">
        {submitLabel}
      </Button>
    </Form>
  );
}
