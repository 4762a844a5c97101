// The home screen's cards' data as query options: the cards use them, and the start asks for them
// together with the screen's code (routes.ts), so the cards fill without waiting for it.
import { api, ok } from '../../api/client';

export const balanceQuery = { queryKey: ['balance'], queryFn: () => ok(api.GET('/api/v1/me/balance')) } as const;
export const unreadNewsQuery = {
  queryKey: ['news', 'unread'],
  queryFn: () => ok(api.GET('/api/v1/me/news', { params: { query: { unread: 'true' } } })),
} as const;
export const meetingsQuery = { queryKey: ['meetings'], queryFn: () => ok(api.GET('/api/v1/me/meetings')) } as const;
export const ticketsInProgressQuery = {
  queryKey: ['tickets', 'in_progress'],
  queryFn: () => ok(api.GET('/api/v1/me/tickets', { params: { query: { status: 'in_progress', scope: 'own' } } })),
} as const;
