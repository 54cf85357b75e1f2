import { useId, useRef, useState } from 'react';
import type { LearnerImportMode } from '@jalon/contracts';
import { LEARNER_IMPORT_MAX_BYTES } from '@jalon/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { ConfirmDialog } from '../../shared/ui/ConfirmDialog';
import { ErrorSummary } from '../../shared/ui/ErrorSummary';
import { Form } from '../../shared/ui/Form';
import { Loading } from '../../shared/ui/Loading';
import { NotFoundPage } from '../../shared/status-pages/NotFoundPage';
import { Page } from '../../shared/ui/Page';
import { learnersEntry } from '../shell/menu';
import { useOrga } from '../shell/orgaContext';
import { ImportStatusBanner } from './ImportStatusBanner';
import { isRunning, templateUrl, useImportSettings, useLatestImport, useUploadImport } from './importQueries';
import './imports.css';

const MODES: LearnerImportMode[] = ['ADD_OR_UPDATE', 'REPLACE'];

/** Each organization type imports under its own learners path; the other two do not exist for it. */
export function LearnerImportPage() {
  const { membership } = useOrga();
  const { pathname } = useLocation();
  const listPath = learnersEntry(membership.organization.type).path;
  return pathname.startsWith(`${listPath}/`) ? <LearnerImportForm /> : <NotFoundPage homePath="/orga/" />;
}

/**
 * `/orga/eleves/import` (and `etudiants`, `participants`), for ADMINs: choose the file (and
 * the SUP mode), send it with a progress bar, then follow the job in the status banner.
 */
function LearnerImportForm() {
  const { t } = useTranslation();
  const { membership } = useOrga();
  const organization = membership.organization;
  const organizationId = organization.id;
  const settings = useImportSettings(organizationId);
  const latest = useLatestImport(organizationId);
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<LearnerImportMode | undefined>(undefined);
  const [sent, setSent] = useState(0);
  const [missingFile, setMissingFile] = useState(false);
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const upload = useUploadImport(organizationId, setSent);
  const ids = { file: useId(), fileHint: useId() };
  const titleKey = organization.type === 'SCO' || organization.type === 'SUP' ? organization.type : 'other';
  const running = latest.data?.import ? isRunning(latest.data.import) : false;

  function send() {
    if (file === null) return;
    setSent(0);
    upload.mutate(
      { file, mode },
      {
        onSuccess: () => {
          setFile(null);
          if (fileInput.current) fileInput.current.value = '';
        },
      },
    );
  }

  function submit() {
    setMissingFile(file === null);
    if (file === null) return;
    if (mode === 'REPLACE') {
      setConfirmingReplace(true);
      return;
    }
    send();
  }

  const data = settings.data;
  const sizeMB = Math.round(LEARNER_IMPORT_MAX_BYTES / 1024 / 1024);

  return (
    <Page title={t(`orga.imports.title.${titleKey}`)} testId="learner-import-page">
      <p>
        <Link to={learnersEntry(organization.type).path}>{t('orga.imports.back')}</Link>
      </p>
      {settings.isPending ? <Loading /> : null}
      <ErrorSummary error={settings.error} />
      {data ? (
        <>
          {data.formats.includes('SIECLE') ? <p>{t('orga.imports.intro.siecle')}</p> : null}
          {data.formats.includes('SCO_CSV') ? <p>{t('orga.imports.intro.scoCsv')}</p> : null}
          {!data.formats.includes('SIECLE') ? <p>{t('orga.imports.intro.csvOnly')}</p> : null}
          <p>{t('orga.imports.intro.allOrNothing')}</p>
          {data.csvHeader ? (
            <p>
              <a href={templateUrl(organizationId)} download data-testid="import-template">
                {t('orga.imports.template')}
              </a>
              <br />
              <span className="import-form__columns">{t('orga.imports.templateColumns', { columns: data.csvHeader.join(' ; ') })}</span>
            </p>
          ) : null}
          <Form onSubmit={submit} error={upload.error} testId="import-form">
            <div className="import-form">
              <ErrorSummary error={upload.error} messages={missingFile ? [t('orga.imports.chooseFile')] : undefined} />
              <div className="field">
                <label htmlFor={ids.file} className="field__label">{t('orga.imports.file')}</label>
                <input
                  ref={fileInput}
                  id={ids.file}
                  name="file"
                  type="file"
                  accept={data.accept.join(',')}
                  aria-describedby={ids.fileHint}
                  aria-invalid={missingFile || undefined}
                  onChange={(event) => {
                    setFile(event.target.files?.[0] ?? null);
                    setMissingFile(false);
                  }}
                  data-testid="import-file"
                />
                <p id={ids.fileHint} className="field__hint">
                  {t('orga.imports.fileHint', { accept: data.accept.join(', '), size: sizeMB })}
                </p>
              </div>
              {data.modeRequired ? (
                <fieldset>
                  <legend>{t('orga.imports.mode.legend')}</legend>
                  {MODES.map((value) => (
                    <div key={value}>
                      <label>
                        <input
                          type="radio"
                          name="mode"
                          value={value}
                          checked={mode === value}
                          onChange={() => setMode(value)}
                          aria-describedby={`import-mode-${value}`}
                          data-testid={`import-mode-${value}`}
                        />{' '}
                        {t(`orga.imports.mode.${value}`)}
                      </label>
                      <p id={`import-mode-${value}`} className="import-form__hint">
                        {t(`orga.imports.mode.${value}_hint`)}
                      </p>
                    </div>
                  ))}
                </fieldset>
              ) : null}
              {upload.isPending ? (
                <div>
                  <progress className="import-form__progress" max={100} value={Math.round(sent * 100)} aria-label={t('orga.imports.uploadProgress')} data-testid="import-upload-progress" />
                  <p role="status">{t('orga.imports.uploading', { percent: Math.round(sent * 100) })}</p>
                </div>
              ) : null}
              <div>
                <Button type="submit" busy={upload.isPending} disabled={running || (data.modeRequired && mode === undefined)} data-testid="import-submit">
                  {t('orga.imports.submit')}
                </Button>
              </div>
            </div>
          </Form>
        </>
      ) : null}
      <ImportStatusBanner organizationId={organizationId} />
      {confirmingReplace ? (
        <ConfirmDialog
          title={t('orga.imports.confirmReplace.title')}
          confirmLabel={t('orga.imports.confirmReplace.confirm')}
          onCancel={() => setConfirmingReplace(false)}
          onConfirm={() => {
            setConfirmingReplace(false);
            send();
          }}
        >
          <p>{t('orga.imports.confirmReplace.text')}</p>
        </ConfirmDialog>
      ) : null}
    </Page>
  );
}
