import { useState } from 'react';
import { CAMPAIGN_CODE_PATTERN, normalizeCampaignCode } from '@jalon/contracts/constants';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../shared/ui/Button';
import { Form } from '../../shared/ui/Form';
import { TextField } from '../../shared/ui/TextField';
import { campaignPaths } from './campaignJourney';

/**
 * « J'ai un code »: the code is normalised as the API does it, and a malformed one is
 * refused here, before any call (`campaigns-and-participation.md` §6).
 */
export function CampaignCodeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [input, setInput] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  // A new object per refusal, so Form moves focus back to the field even for the same message.
  const [attempt, setAttempt] = useState<object | null>(null);

  function submit() {
    const code = normalizeCampaignCode(input);
    if (!CAMPAIGN_CODE_PATTERN.test(code)) {
      setError(t('errors.CAMPAIGN_CODE_INVALID_FORMAT'));
      setAttempt({});
      return;
    }
    void navigate(campaignPaths(code).landing);
  }

  return (
    <Form onSubmit={submit} error={attempt} testId="campaign-code-form">
      <TextField
        label={t('learner.code.label')}
        name="code"
        value={input}
        onChange={(value) => {
          setInput(value);
          setError(undefined);
        }}
        hint={t('learner.code.hint')}
        error={error}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        data-testid="campaign-code-input"
      />
      <Button type="submit" data-testid="campaign-code-submit">
        {t('learner.code.submit')}
      </Button>
    </Form>
  );
}
