import { z } from 'zod';

// API shapes of sign-in without Gosuslugi: e-mail + password, activation, new-device codes, reset.

export const SIGN_IN_METHODS = ['esia', 'password', 'passkey'] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** Problem codes of this part of the API. */
export const LOCAL_AUTH_PROBLEMS = [
  'password_too_weak',
  'credentials_invalid',
  'sign_in_locked',
  'code_invalid',
  'token_invalid',
  'identity_verification_required',
  'rate_limited',
  'passkey_invalid',
  'passkey_exists',
] as const;

// Trimmed and lower-cased before the check (zod 4 runs overwrites and checks in order).
const email = z.string().trim().toLowerCase().max(254).email({ message: 'not an e-mail address' });
const password = z
  .string()
  .min(1)
  .max(200)
  .describe('Checked for strength (zxcvbn-ts, score ≥ 3); weak: 400 `password_too_weak` at body.password');
const name = z.string().trim().min(1).max(100);

export const registerBody = z
  .object({
    email,
    password,
    lastName: name.optional(),
    firstName: name.optional(),
    middleName: name.optional(),
    account: z
      .object({
        houseId: z.uuid().describe('the house picked from GET /api/v1/registry/houses'),
        accountNumber: z.string().trim().min(1).max(30).optional(),
        unifiedNumber: z.string().trim().length(10).optional().describe('ЕЛС'),
        serviceId: z.string().trim().length(13).optional().describe('ИЖКУ'),
        surname: z.string().trim().min(1).max(100).describe("an owner's surname as recorded on the account"),
      })
      .refine((a) => [a.accountNumber, a.unifiedNumber, a.serviceId].filter(Boolean).length === 1, {
        message: 'give exactly one of accountNumber, unifiedNumber, serviceId',
        path: ['accountNumber'],
      })
      .optional()
      .describe('Registration by account: the account is linked by the surname proof once the e-mail is activated'),
  })
  .meta({ id: 'LocalRegistration' });
export type RegisterBody = z.infer<typeof registerBody>;

/** The one answer to a registration, whether or not the address is already registered. */
export const registerAccepted = z.object({
  status: z.literal('activation_sent'),
  message: z.string(),
});

export const activateBody = z.object({ token: z.string().min(10).max(200) });

export const accountLinkOutcome = z
  .object({
    status: z.enum(['linked', 'not_linked']),
    accountId: z.uuid().optional(),
    role: z.string().optional(),
    code: z
      .string()
      .optional()
      .describe('not_linked: the problem code of the linking service (account_not_found, link_locked…)'),
  })
  .meta({ id: 'AccountLinkOutcome' });

export const signedIn = z
  .object({
    status: z.literal('signed_in'),
    personId: z.uuid(),
    csrfToken: z.string().describe('send as x-csrf-token with cookie-authenticated writes'),
    accountLink: accountLinkOutcome.optional(),
  })
  .meta({ id: 'SignedIn' });

export const signInBody = z.object({ email, password: z.string().min(1).max(200) });

export const codeRequired = z
  .object({
    status: z.literal('code_required'),
    challengeId: z.uuid(),
    expiresAt: z.string(),
    message: z.string(),
  })
  .meta({ id: 'SignInCodeRequired' });

export const signInCodeBody = z.object({
  challengeId: z.uuid(),
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { message: 'expected 6 digits' }),
  rememberDevice: z.boolean().default(true).describe('remember this browser: no code at its next sign-in'),
});

export const resetRequestBody = z.object({ email });
export const resetAccepted = z.object({ status: z.literal('reset_sent'), message: z.string() });
export const resetCompleteBody = z.object({ token: z.string().min(10).max(200), password });
export const resetDone = z.object({ status: z.literal('password_changed'), message: z.string() });

export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword: password });

// ---- the organisation's confirmation of a resident's identity (someone registered by e-mail)

export const unverifiedResident = z
  .object({
    personId: z.uuid(),
    lastName: z.string().nullable(),
    firstName: z.string().nullable(),
    middleName: z.string().nullable(),
    email: z.string().nullable(),
    accountNumbers: z.array(z.string()).describe("the organisation's accounts the person is linked to"),
    registeredAt: z.string(),
  })
  .meta({ id: 'UnverifiedResident' });

export const confirmIdentityBody = z.object({
  checked: z
    .string()
    .trim()
    .min(3)
    .max(300)
    .describe(
      'what was checked, e.g. "паспорт предъявлен в офисе 01.12.2026" (kept in the audit log; no document numbers)',
    ),
});

export const identityConfirmed = z.object({
  personId: z.uuid(),
  identityVerified: z.literal(true),
  identityVerifiedBy: z.enum(['esia', 'organisation']),
});

// ---- passkeys (WebAuthn)

/** The JSON of navigator.credentials.create()/get() as @simplewebauthn/browser hands it over. */
const credentialJson = z
  .object({
    id: z.string().min(1).max(1024),
    rawId: z.string().min(1).max(1024),
    type: z.literal('public-key'),
    response: z.record(z.string(), z.unknown()),
    clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
    authenticatorAttachment: z.string().optional(),
  })
  .loose();

export const webauthnOptions = z
  .object({
    challengeId: z.uuid(),
    options: z.record(z.string(), z.unknown()).describe('PublicKeyCredentialCreationOptionsJSON / RequestOptionsJSON'),
  })
  .meta({ id: 'WebauthnOptions' });

export const addPasskeyBody = z.object({
  challengeId: z.uuid(),
  name: z.string().trim().min(1).max(100).default('Ключ доступа'),
  response: credentialJson,
});

export const passkeySignInBody = z.object({ challengeId: z.uuid(), response: credentialJson });

export const passkeyInfo = z
  .object({ id: z.uuid(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() })
  .meta({ id: 'Passkey' });

export const passkeyList = z.object({ items: z.array(passkeyInfo) });
export const unverifiedResidentList = z.object({ items: z.array(unverifiedResident) });
