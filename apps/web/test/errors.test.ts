import { describe, expect, it } from 'vitest';
import { i18n } from '../src/i18n';
import { ApiError } from '../src/api/client';
import { splitErrors } from '../src/features/shared/errors/translateError';

const t = i18n.getFixedT('fr');

describe('placing API errors in a form', () => {
  it('puts an error beside the field its JSON pointer names, the others at the top', () => {
    const error = new ApiError(422, [
      { status: '422', code: 'EMAIL_INVALID', source: { pointer: '/email' } },
      { status: '422', code: 'CAMPAIGN_TITLE_TOO_LONG', source: { pointer: '/data/attributes/title' } },
      { status: '409', code: 'LAST_ADMIN' },
    ]);
    const split = splitErrors(t, error, 'fr', ['email']);
    expect(split.fields).toEqual({ email: 'Cette adresse e-mail n’est pas valide, par exemple : nom@example.org.' });
    expect(split.general).toHaveLength(2);
    expect(split.general[1]).toContain('au moins un administrateur');
  });

  it('a pointer to a field the form does not show goes to the top rather than being lost', () => {
    const error = new ApiError(422, [{ status: '422', code: 'TIME_ZONE_INVALID', source: { pointer: '/timeZone' } }]);
    expect(splitErrors(t, error, 'fr', ['name'])).toEqual({ fields: {}, general: ['Ce fuseau horaire n’existe pas, par exemple : Europe/Paris.'] });
  });

  it('an unknown code or a non-API failure gets a generic sentence, never the raw code', () => {
    const unknown = splitErrors(t, new ApiError(418, [{ status: '418', code: 'TEAPOT' }]), 'fr', []);
    const crash = splitErrors(t, new TypeError('boom'), 'fr', []);
    expect(unknown.general).toEqual(['Une erreur inattendue est survenue. Réessayez dans un instant.']);
    expect(crash.general).toEqual(unknown.general);
  });

  it('shows the unblocking time of a temporarily blocked account in the organization’s time zone', () => {
    const error = new ApiError(403, [{ status: '403', code: 'ACCOUNT_TEMPORARILY_BLOCKED', meta: { unblockAt: '2026-11-25T21:02:00.000Z' } }]);
    expect(splitErrors(t, error, 'fr', []).general[0]).toContain('25/11/2026 22:02');
  });
});
