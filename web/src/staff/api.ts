// The console's API client: the cabinet's typed openapi-fetch client (same session, CSRF token and
// offline flag) plus the `x-organisation-id` header of the organisation chosen in the header, so every
// /api/v1/org call acts for it. Query keys start with staffKey(): switching organisations asks again.
import { useQuery } from '@tanstack/react-query';
import createClient from 'openapi-fetch';
import { createContext, useContext } from 'react';
import { api, ok, sessionMiddleware, type components, type paths } from '../api/client';

export { ok, errorMessage, ApiError, download } from '../api/client';

/** An organisation the person works for, with their roles and permissions there (GET /api/v1/me/organisations). */
export type StaffOrganisation = components['schemas']['StaffOrganisation'];

const STORAGE_KEY = 'domhub.staff.organisation';
let organisationId: string | undefined;

/** Sets the organisation every later call acts for (and remembers it in this browser). */
export function setStaffOrganisation(id: string) {
  organisationId = id;
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The organisation chosen last in this browser, if the person still works there; else the first. */
export function initialOrganisation(orgs: StaffOrganisation[]): StaffOrganisation | undefined {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = null;
  }
  return orgs.find((o) => o.id === saved) ?? orgs[0];
}

export const staffApi = createClient<paths>({ baseUrl: '' });
staffApi.use(sessionMiddleware);
staffApi.use({
  onRequest({ request }) {
    if (organisationId) request.headers.set('x-organisation-id', organisationId);
    return request;
  },
});

/** The organisations the signed-in person works for (empty for a resident). */
export const staffOrganisationsQuery = {
  queryKey: ['staff-organisations'],
  queryFn: () => ok(api.GET('/api/v1/me/organisations')),
  staleTime: 5 * 60_000,
} as const;

export const OrganisationContext = createContext<StaffOrganisation | null>(null);

/** The organisation the console works for now (inside StaffApp). */
export function useOrganisation(): StaffOrganisation {
  const org = useContext(OrganisationContext);
  if (!org) throw new Error('useOrganisation outside the staff console');
  return org;
}

/** A query key of the chosen organisation: ['staff', organisationId, ...parts]. */
export function useStaffKey() {
  const org = useOrganisation();
  return (...parts: unknown[]) => ['staff', org.id, ...parts];
}

/** The organisation's houses by address (filters and pickers). */
export function useHouses() {
  const key = useStaffKey();
  return useQuery({
    queryKey: key('houses'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/houses')),
    staleTime: 5 * 60_000,
  });
}

export type Schemas = components['schemas'];
