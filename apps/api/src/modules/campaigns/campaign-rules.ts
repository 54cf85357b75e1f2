import type { OrganizationFeature } from '@jalon/contracts';
import type { Executor } from '../../platform/db/database';
import type { AppErrorItem } from '../../platform/http/errors';
import { findActiveMembership } from '../organizations';

/** A blank optional text is no text: the landing page then shows nothing rather than an empty block. */
export function textOrNull(value: string | null | undefined): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : value;
}

/** The result button needs both its text and its URL, or neither (§4.2). */
export function resultButtonErrors(text: string | null, url: string | null): AppErrorItem[] {
  if (text !== null && url === null) return [{ code: 'RESULT_BUTTON_INCOMPLETE', pointer: '/customResultPageButtonUrl' }];
  if (text === null && url !== null) return [{ code: 'RESULT_BUTTON_INCOMPLETE', pointer: '/customResultPageButtonText' }];
  return [];
}

/** Several sendings of an assessment need the organization's feature; a profile collection may always. */
export function multipleSendingsErrors(type: string, multipleSendings: boolean, features: readonly OrganizationFeature[]): AppErrorItem[] {
  if (!multipleSendings || type === 'PROFILES_COLLECTION' || features.includes('MULTIPLE_SENDING_ASSESSMENT')) return [];
  return [{ code: 'MULTIPLE_SENDINGS_NOT_ALLOWED', pointer: '/multipleSendings' }];
}

export async function ownerErrors(executor: Executor, organizationId: string, ownerId: string): Promise<AppErrorItem[]> {
  return (await findActiveMembership(executor, ownerId, organizationId)) ? [] : [{ code: 'OWNER_NOT_A_MEMBER', pointer: '/ownerId' }];
}

/** The label alone asks for an identifier; its type then defaults to free text. */
export function externalId(label: string | null, type: 'STRING' | 'EMAIL' | null): { externalIdLabel: string | null; externalIdType: 'STRING' | 'EMAIL' | null } {
  return label === null ? { externalIdLabel: null, externalIdType: null } : { externalIdLabel: label, externalIdType: type ?? 'STRING' };
}
