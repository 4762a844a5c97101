// Who is calling, as the routes see it: the principal on each request and the guards that demand one.
// identity/auth.hooks.ts resolves the principal (sessions, API keys, access tokens) on every request.
import type { FastifyRequest } from 'fastify';
import type { SignInMethod } from '../../contracts/local-auth.js';
import { AppError, forbidden, unauthorized } from '../errors.js';
import type { Actor } from '../../contracts/actor.js';
import type { Permission, StaffMembership } from '../../contracts/permissions.js';

export const SESSION_COOKIE = 'domhub_sid';
export const CSRF_HEADER = 'x-csrf-token';

export type Principal =
  | {
      kind: 'person';
      /** The public id of the session (GET /api/v1/me/sessions). */
      sessionId: string;
      personId: string;
      csrfToken: string;
      isOperator: boolean;
      /** The organisations the person works for, with their permissions there (read on every request). */
      staff: StaffMembership[];
      signInMethod: SignInMethod;
      /** Gosuslugi vouched for the person or their organisation confirmed them; false after e-mail registration. */
      identityVerified: boolean;
    }
  | { kind: 'api_client'; clientId: string; organisationId: string; permissions: string[] };

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** false: the route ignores the hub's sessions and keys (sandbox peers with their own cookies and forms). */
    auth?: boolean;
  }
}

export type PersonPrincipal = Extract<Principal, { kind: 'person' }>;

/** The signed-in person, or 401. */
export function requirePerson(request: FastifyRequest): PersonPrincipal {
  const p = request.principal;
  if (p?.kind !== 'person') throw unauthorized();
  return p;
}

/**
 * The signed-in person whose identity is verified: Gosuslugi vouched for them, or their organisation
 * confirmed them. Someone registered by e-mail gets 403 `identity_verification_required`, naming
 * where to verify (voting as an owner, appeals carrying personal data).
 */
export function requireVerifiedPerson(request: FastifyRequest, what: string): PersonPrincipal {
  const p = requirePerson(request);
  if (!p.identityVerified) {
    throw new AppError(
      403,
      'identity_verification_required',
      `${what} needs a verified identity: sign in through Gosuslugi, or ask your organisation to confirm you`,
      undefined,
      { verifyWith: ['esia', 'organisation'], signInUrl: '/auth/login' },
    );
  }
  return p;
}

export function requireOperator(request: FastifyRequest): PersonPrincipal {
  const p = requirePerson(request);
  if (!p.isOperator) throw forbidden('Operators only');
  return p;
}

/**
 * An organisation acting with `permission`: an API client holding it, or a staff member whose roles
 * there grant it (the organisation picked by the `x-organisation-id` header when they have several).
 * A staff member limited to some houses carries them in `houseIds`, for the routes that filter by house.
 */
export function requirePermission(request: FastifyRequest, permission: Permission): Actor {
  const p = request.principal;
  if (!p) throw unauthorized();
  if (p.kind === 'api_client') {
    if (!p.permissions.includes(permission))
      throw forbidden(`The API key lacks the permission ${permission}`, 'permission_missing');
    return { organisationId: p.organisationId, actorType: 'api_client', actorId: p.clientId, houseIds: null };
  }
  const wanted = request.headers['x-organisation-id'];
  const membership = p.staff.find(
    (s) => s.permissions.includes(permission) && (!wanted || s.organisationId === wanted),
  );
  if (!membership) {
    const member = p.staff.some((s) => !wanted || s.organisationId === wanted);
    throw forbidden(
      member ? `Your roles in this organisation do not grant ${permission}` : 'Not a staff member of this organisation',
      'permission_missing',
    );
  }
  return {
    organisationId: membership.organisationId,
    actorType: 'person',
    actorId: p.personId,
    houseIds: membership.houseIds,
  };
}
