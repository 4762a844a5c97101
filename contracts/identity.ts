import { z } from 'zod';
import { PERMISSIONS, permissionSchema } from './permissions.js';

// Ports and API shapes of resident sign-in, sessions and organisation API clients.

/** Produces the signature ESIA takes as `client_secret` (GOST R 34.10-2012; RSA only in a sandbox without the GOST engine). */
export interface Signer {
  /**
   * The `client_secret` over the UTF-8 bytes of `content`, base64url without padding: a bare signature in
   * ESIA's v2/v3 flow, a detached PKCS#7 (CMS SignedData, DER) in the legacy flow (the signer is made for one).
   */
  sign(content: string): Promise<string>;
  /** The `client_certificate_hash` parameter: GOST R 34.11-2012 (256) of the certificate's DER, upper-case hex. */
  certificateHash(): Promise<string>;
}

/** Where a signer's certificate and private key come from: PEM texts or a PKCS#12 file's bytes. */
export type SignerMaterial =
  | { certificatePem: string; privateKeyPem: string; passphrase?: string }
  | { pkcs12: Buffer; passphrase?: string };

/** What the identity provider tells us about a person (ESIA /rs/prns/{oid} and its /ctts). */
export const personDataSchema = z.object({
  lastName: z.string().min(1),
  firstName: z.string().min(1),
  middleName: z.string().nullable(),
  birthDate: z.iso.date().nullable(),
  /** 11 digits, no separators. */
  snils: z
    .string()
    .regex(/^\d{11}$/)
    .nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  /** As the provider formats it, e.g. +7(916)1234567. */
  mobile: z.string().nullable(),
  mobileVerified: z.boolean(),
  /** ESIA's `trusted`: the account is confirmed. False: signed in, but the identity is not verified; absent: trusted. */
  trusted: z.boolean().optional(),
});
export type PersonData = z.infer<typeof personDataSchema>;

export interface LoginRequest {
  state: string;
  nonce: string;
  codeVerifier: string;
  loginHint?: string;
}

export interface LoginResult {
  /** The provider's subject id (ESIA `urn:esia:sbj_id`, the person's oid). */
  subject: string;
  idToken: string;
  accessToken: string;
}

/** The relying-party side of an OpenID Connect provider such as ESIA. */
export interface IdentityProvider {
  /** Stored as persons.provider. */
  readonly name: string;
  authorizationUrl(request: LoginRequest): Promise<string>;
  /** Exchanges the code from `callbackUrl` and verifies the ID token; throws IdentityError. */
  completeLogin(
    callbackUrl: string,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<LoginResult>;
  fetchPerson(accessToken: string, subject: string): Promise<PersonData>;
  /** Where to send the browser to end the provider's session; null when the provider has none. */
  endSessionUrl(input: { idToken?: string }): Promise<string | null>;
}

export type IdentityErrorReason = 'provider_refused' | 'token_invalid' | 'unavailable';

/** A sign-in that failed for a reason the user or operator should see (never carries personal data). */
export class IdentityError extends Error {
  constructor(
    readonly reason: IdentityErrorReason,
    message: string,
    readonly providerError?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IdentityError';
  }
}

// ---- API shapes

/** A person's standing in one organisation (contracts/permissions.ts StaffMembership). */
export const staffMembershipSchema = z.object({
  organisationId: z.uuid(),
  permissions: z.array(permissionSchema),
  houseIds: z.array(z.uuid()).nullable().describe('The houses their roles are limited to; null: every house'),
});

export const profileSchema = z
  .object({
    id: z.uuid(),
    lastName: z.string().nullable(),
    firstName: z.string().nullable(),
    middleName: z.string().nullable(),
    birthDate: z.string().nullable(),
    snils: z.string().nullable().describe('Masked: ***-***-445 95'),
    email: z.string().nullable(),
    emailVerified: z.boolean(),
    mobile: z.string().nullable().describe('Masked: all but the last four digits hidden'),
    mobileVerified: z.boolean(),
    isOperator: z.boolean(),
    staff: z.array(staffMembershipSchema),
    identityVerified: z
      .boolean()
      .describe(
        'Gosuslugi vouched for the person, or their organisation confirmed them. False after registration by e-mail: voting as an owner and appeals carrying personal data answer 403 `identity_verification_required`',
      ),
    identityVerifiedBy: z.enum(['esia', 'organisation']).nullable(),
    signInMethod: z.enum(['esia', 'password', 'passkey']).describe('How this session signed in'),
  })
  .meta({ id: 'Profile' });

export const sessionInfoSchema = z
  .object({
    id: z.uuid(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    ip: z.string().nullable(),
    current: z.boolean(),
  })
  .meta({ id: 'Session' });

export const apiClientKindSchema = z.enum(['api_key', 'oauth_client']);

export const apiClientSchema = z
  .object({
    id: z.uuid(),
    kind: apiClientKindSchema,
    name: z.string(),
    keyPrefix: z.string().describe('The public part of the key, or the OAuth client_id'),
    permissions: z.array(z.string()),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiClient' });

export const createApiClientSchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: apiClientKindSchema.default('api_key'),
  permissions: z.array(permissionSchema).min(1).max(PERMISSIONS.length),
});

export const issuedApiClientSchema = apiClientSchema
  .extend({
    key: z.string().optional().describe('api_key: the key, shown only in this response'),
    clientId: z.string().optional().describe('oauth_client: client_id for POST /oauth/token'),
    clientSecret: z.string().optional().describe('oauth_client: client_secret, shown only in this response'),
  })
  .meta({ id: 'IssuedApiClient' });

export const tokenRequestSchema = z.object({
  grant_type: z.string(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  scope: z.string().optional(),
});

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const auditEntrySchema = z
  .object({
    id: z.string(),
    at: z.string(),
    actorType: z.enum(['person', 'api_client', 'system']),
    actorId: z.string().nullable(),
    action: z.string(),
    objectType: z.string().nullable(),
    objectId: z.string().nullable(),
    organisationId: z.string().nullable(),
    ip: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    actorName: z.string().nullable().describe("the person's full name or the API client's name, where known"),
  })
  .meta({ id: 'AuditEntry' });

export const loginQuery = z.object({
  login_hint: z.string().max(64).optional(),
  return_to: z.string().max(2000).optional(),
});

export const callbackQuery = z
  .object({ code: z.string().optional(), state: z.string().optional(), error: z.string().optional() })
  .loose();

export const signedOut = z.object({ signedOut: z.literal(true), endSessionUrl: z.string().nullable() });
export const loggedOut = z.object({ signedOut: z.literal(true) });

export const meSchema = profileSchema.extend({ csrfToken: z.string() });
export const sessionList = z.object({ items: z.array(sessionInfoSchema) });
export const apiClientList = z.object({ items: z.array(apiClientSchema) });

/** Audit filters (with the page query): the organisation's own log, and the operators' whole one. */
export const auditFilter = z.object({
  action: z.string().max(100).optional().describe('exactly this action'),
  actionPrefix: z
    .string()
    .max(100)
    .optional()
    .describe('actions starting with this, e.g. `payment.` for every payment action'),
  actorId: z.string().max(100).optional().describe('the person or API client who acted'),
  objectType: z.string().max(60).optional(),
  objectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('at or after'),
  to: z.iso.datetime({ offset: true }).optional().describe('before'),
});
export type AuditFilterQuery = z.infer<typeof auditFilter>;
export const operatorAuditFilter = auditFilter.extend({ organisationId: z.uuid().optional() });

/** The organisations the signed-in person works for (the staff console's switcher), by name. */
export const staffOrganisations = z.object({
  items: z.array(
    staffMembershipSchema
      .omit({ organisationId: true })
      .extend({
        id: z.uuid(),
        name: z.string(),
        roles: z.array(z.object({ id: z.uuid(), code: z.string(), name: z.string() })),
      })
      .meta({ id: 'StaffOrganisation' }),
  ),
});
