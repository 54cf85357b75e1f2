import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { OutboxMail, OutboxMailSummary } from '../../../api/types';

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: () => api.get<{ items: OutboxMailSummary[] }>('/api/admin/outbox'),
    select: (data) => data.items,
  });
}

export function useOutboxMail(mailId: string) {
  return useQuery({
    queryKey: ['admin', 'outbox', mailId],
    queryFn: () => api.get<OutboxMail>(`/api/admin/outbox/${mailId}`),
  });
}
