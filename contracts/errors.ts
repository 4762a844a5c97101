// The `code` of every problem+json answer, declared per module. src/errors.ts accepts only these codes,
// so a new one fails the typecheck until it is listed here; the OpenAPI document lists them from here
// (renderErrorCodes), and the cabinet needs a Russian message for each one a resident can meet.

/** A request the HTTP parser refused, answered on the raw socket before any route (src/app.ts). */
export const SOCKET_ERRORS = ['malformed_request', 'headers_too_large', 'request_timeout'] as const;

/** Any route: request format, sign-in, rate limits, idempotency, paging, the database and the queue. */
export const COMMON_ERRORS = [
  ...SOCKET_ERRORS,
  'validation_failed',
  'invalid_value',
  'invalid_text',
  'too_deep',
  'bad_request',
  'malformed_body',
  'malformed_url',
  'body_too_large',
  'uri_too_long',
  'unsupported_media_type',
  'route_not_found',
  'not_found',
  'conflict',
  'reference_conflict',
  'unauthorized',
  'invalid_token',
  'invalid_api_key',
  'csrf_failed',
  'forbidden',
  'permission_missing',
  'identity_verification_required',
  'rate_limited',
  'idempotency_key_invalid',
  'idempotency_in_progress',
  'idempotency_key_reused',
  'invalid_cursor',
  'internal',
  'unavailable',
  'database_unavailable',
  'queue_unavailable',
] as const;

/** Sign-in (ESIA, e-mail and password, passkeys), staff checks, and the OAuth token endpoint (RFC 6749 §5.2). */
export const IDENTITY_ERRORS = [
  'login_refused',
  'login_state_invalid',
  'login_token_invalid',
  'identity_provider_unavailable',
  'credentials_invalid',
  'sign_in_locked',
  'no_password',
  'password_too_weak',
  'token_invalid',
  'code_invalid',
  'passkey_invalid',
  'passkey_exists',
  'staff_only',
  'invitation_invalid',
  'last_staff_manager',
  'role_in_use',
  'built_in_role',
  'invalid_request',
  'invalid_client',
  'invalid_scope',
  'unsupported_grant_type',
] as const;

/** Personal accounts: linking, sharing, invitations, registered residents, the organisation's upsert. */
export const ACCOUNTS_ERRORS = [
  'account_not_found',
  'house_not_found',
  'account_not_in_house',
  'account_required',
  'already_linked',
  'link_locked',
  'link_not_confirmed',
  'code_invalid',
  'request_not_pending',
  'resident_change_pending',
  'change_not_pending',
  'role_not_allowed',
  'invitation_not_found',
  'revoke_self',
] as const;

/** Refusals of a submitted reading (422), each naming the meter and tariff. */
export const READING_REFUSALS = [
  'reading_below_previous',
  'reading_exceeds_capacity',
  'tariff_values_mismatch',
  'meter_verification_overdue',
  'meter_archived',
  'meter_not_found',
  'reading_window_closed',
  'consumption_confirmation_required',
] as const;

/** Meters and readings: a reading's refusals, registrations, the bulk import. */
export const METERING_ERRORS = [
  ...READING_REFUSALS,
  'invalid_period_range',
  'registration_decided',
  'malformed_row',
  'duplicate_row',
  'house_meter_exists',
] as const;

/** Charges, payment documents and their QR, debt certificates. */
export const BILLING_ERRORS = [
  'period_range_invalid',
  'charges_not_found',
  'payee_details_invalid',
  'payment_document_not_issued',
  'payment_qr_invalid',
  'duplicate_row',
  'totals_mismatch',
  'concurrent_import',
] as const;

/** Card payments through the acquirer and their refunds. */
export const PAYMENTS_ERRORS = [
  'nothing_to_pay',
  'quote_changed',
  'duplicate_account',
  'mixed_organisations',
  'email_required',
  'bank_unavailable',
  'bank_refused',
  'notification_forged',
  'payment_not_refundable',
] as const;

/** Service requests of residents. */
export const TICKETS_ERRORS = [
  'not_author',
  'file_missing',
  'status_transition_not_allowed',
  'ticket_closed',
  'ticket_not_closed',
  'reopen_not_allowed',
  'ticket_already_rated',
] as const;

/** Appeals (written requests with documents) to the organisation. */
export const APPEALS_ERRORS = [
  'appeal_role_missing',
  'appeal_not_returned',
  'appeal_closed',
  'account_not_closed',
  'status_transition_not_allowed',
] as const;

/** General meetings of owners: dates, register, ballots, proxies, the protocol. */
export const MEETINGS_ERRORS = [
  'meeting_not_draft',
  'meeting_already_announced',
  'meeting_not_announced',
  'meeting_not_open',
  'voting_ends_before_start',
  'voting_duration_out_of_bounds',
  'sitting_required',
  'sitting_after_voting',
  'notice_period_too_short',
  'register_empty',
  'register_inconsistent',
  'not_an_owner',
  'owner_not_found',
  'owner_ambiguous',
  'electronic_voting_not_offered',
  'voting_not_open',
  'ballot_already_cast',
  'ballot_outside_voting',
  'voting_not_ended',
  'protocol_not_ready',
  'proxy_for_self',
  'proxy_exists',
  'proxy_not_accepted',
  'proxy_already_reviewed',
  'voting_in_state_system',
  'notice_not_in_state_system',
  'snils_required',
  'title_registration_date_required',
] as const;

/** Uploaded files. */
export const FILES_ERRORS = ['file_type_not_allowed', 'upload_too_large', 'malformed_multipart'] as const;

/** File imports of the staff console: the file, its mapping, and the row codes of its own reading of cells. */
export const IMPORTS_ERRORS = [
  'import_file_unreadable',
  'import_file_empty',
  'import_mapping_incomplete',
  'import_unknown_column',
  'import_not_finished',
  'missing_value',
  'unreadable_value',
  'house_not_in_organisation',
  'group_rejected',
] as const;
/** Debt requests of social-protection bodies and the organisation's court decisions. */
export const DEBT_REQUESTS_ERRORS = ['debt_request_answered', 'court_decision_exists'] as const;

/** The sandbox's simulators (state system, ESIA), reachable from loopback only. */
export const SANDBOX_ERRORS = [
  'sandbox_loopback_only',
  'malformed_xml',
  'xml_dtd_refused',
  'xml_too_deep',
  'xml_too_large',
] as const;

export const ERROR_CODES = {
  common: COMMON_ERRORS,
  identity: IDENTITY_ERRORS,
  accounts: ACCOUNTS_ERRORS,
  metering: METERING_ERRORS,
  billing: BILLING_ERRORS,
  payments: PAYMENTS_ERRORS,
  tickets: TICKETS_ERRORS,
  appeals: APPEALS_ERRORS,
  meetings: MEETINGS_ERRORS,
  files: FILES_ERRORS,
  imports: IMPORTS_ERRORS,
  debtRequests: DEBT_REQUESTS_ERRORS,
  sandbox: SANDBOX_ERRORS,
} as const;

export type ErrorModule = keyof typeof ERROR_CODES;
export type ErrorCode = (typeof ERROR_CODES)[ErrorModule][number];
export type SocketErrorCode = (typeof SOCKET_ERRORS)[number];

/**
 * A client error the framework or a plugin raised with no code of ours (e.g. 405, 406, 416): `http_<status>`,
 * for each 4xx status of the IANA HTTP status code registry (RFC 9110 §15.5, RFC 6585, RFC 7725); an unregistered
 * 4xx status answers `bad_request`.
 */
export const HTTP_FALLBACK_ERRORS = [
  'http_401',
  'http_402',
  'http_403',
  'http_405',
  'http_406',
  'http_407',
  'http_408',
  'http_409',
  'http_410',
  'http_411',
  'http_412',
  'http_413',
  'http_414',
  'http_415',
  'http_416',
  'http_417',
  'http_418',
  'http_421',
  'http_422',
  'http_423',
  'http_424',
  'http_425',
  'http_426',
  'http_428',
  'http_431',
  'http_451',
] as const;
export type HttpFallbackCode = (typeof HTTP_FALLBACK_ERRORS)[number];
export const isHttpFallbackCode = (code: string): code is HttpFallbackCode =>
  (HTTP_FALLBACK_ERRORS as readonly string[]).includes(code);

/**
 * Why the hub refuses to send an item to the state system (a sync item's `errorCode`, beside the state system's
 * own codes such as INT002000): raised by the sources in src/sync/gis/*-sources.ts, explained to staff by
 * src/sync/gis/error-hints.ts. `exchange_failed` marks an item whose message died.
 */
export const SYNC_REFUSALS = [
  'object_missing',
  'exchange_failed',
  'house_without_fias',
  'premise_not_in_state_system',
  'verification_interval_missing',
  'payee_details_missing',
  'amount_out_of_range',
  'document_superseded',
  'payment_not_booked',
  'payment_not_reversed',
  'order_id_invalid',
  'payment_spans_accounts',
  'account_without_els',
  'notification_not_accepted',
  'organisation_not_in_registry',
  'regional_system_unnamed',
  'initiator_name_incomplete',
  'decision_unreadable',
  'owner_name_incomplete',
  'title_document_incomplete',
  'share_not_representable',
  'protocol_not_in_state_system',
  'protocol_not_ready',
  'question_type_unknown',
  'executor_missing',
] as const;
export type SyncRefusalCode = (typeof SYNC_REFUSALS)[number];
export type IdentityErrorCode = (typeof IDENTITY_ERRORS)[number];
export type MeetingsErrorCode = (typeof MEETINGS_ERRORS)[number];
export type SandboxErrorCode = (typeof SANDBOX_ERRORS)[number];

const codeList = (codes: readonly string[]) => codes.map((c) => `\`${c}\``).join(', ');

/** The codes as Markdown, one line per module, for the OpenAPI document's description. */
export function renderErrorCodes(): string {
  return [
    ...Object.entries(ERROR_CODES).map(([module, codes]) => `- **${module}**: ${codeList(codes)}`),
    `- **http** (a client error with no code of its own): ${codeList(HTTP_FALLBACK_ERRORS)}`,
    '',
    "## The hub's refusals of a state-system item (`errorCode` of the sync items)",
    '',
    `${codeList(SYNC_REFUSALS)}; otherwise the state system's own code (e.g. \`INT002000\`).`,
  ].join('\n');
}
