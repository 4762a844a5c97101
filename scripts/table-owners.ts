// Which module owns each table, view and SQL function of the migrations (docs/conventions.md, "Other modules'
// tables"). `npm run check:sql` fails when a table created by a migration is missing here, and when a module's
// repository names an object another module owns and has not published.
//
// A module's published read interface in SQL form is a view or SQL function its own migration creates and
// lists in `published` below: another module's repository may join it in the same statement (no extra round
// trip) exactly as it would call the owner's repository function.

export type Module =
  | 'accounts'
  | 'appeals'
  | 'billing'
  | 'db'
  | 'debt-requests'
  | 'files'
  | 'http'
  | 'identity'
  | 'imports'
  | 'meetings'
  | 'metering'
  | 'news'
  | 'notify'
  | 'payments'
  | 'registry'
  | 'sandbox'
  | 'sync'
  | 'tickets';

/** Every table of the migrations and the module whose repositories hold its SQL. */
export const TABLE_OWNERS: Record<string, Module> = {
  // accounts
  accounts: 'accounts',
  account_owners: 'accounts',
  account_links: 'accounts',
  account_link_requests: 'accounts',
  account_invitations: 'accounts',
  person_account_preferences: 'accounts',
  resident_count_changes: 'accounts',
  // appeals
  appeals: 'appeals',
  appeal_events: 'appeals',
  appeal_files: 'appeals',
  appeal_deadlines: 'appeals',
  appeal_gis_answers: 'appeals',
  appeal_settings: 'appeals',
  // billing
  charge_periods: 'billing',
  charge_lines: 'billing',
  payment_documents: 'billing',
  // debt-requests
  debt_subrequests: 'debt-requests',
  court_decisions: 'debt-requests',
  // files
  files: 'files',
  // http
  idempotency_keys: 'http',
  rate_limits: 'http',
  // identity
  persons: 'identity',
  sessions: 'identity',
  org_staff: 'identity',
  staff_roles: 'identity',
  staff_invitations: 'identity',
  api_clients: 'identity',
  oauth_access_tokens: 'identity',
  login_flows: 'identity',
  audit_log: 'identity',
  local_credentials: 'identity',
  local_registrations: 'identity',
  password_resets: 'identity',
  sign_in_challenges: 'identity',
  trusted_devices: 'identity',
  passkeys: 'identity',
  webauthn_challenges: 'identity',
  // imports
  import_uploads: 'imports',
  import_upload_chunks: 'imports',
  import_mappings: 'imports',
  import_runs: 'imports',
  import_run_rows: 'imports',
  // meetings
  owner_register: 'meetings',
  meetings: 'meetings',
  meeting_questions: 'meetings',
  meeting_materials: 'meetings',
  meeting_premises: 'meetings',
  meeting_owners: 'meetings',
  meeting_notices: 'meetings',
  meeting_proxies: 'meetings',
  meeting_ballots: 'meetings',
  meeting_settings: 'meetings',
  // metering
  meters: 'metering',
  meter_readings: 'metering',
  meter_registrations: 'metering',
  meter_registration_documents: 'metering',
  // news
  news: 'news',
  news_reads: 'news',
  // notify
  notification_log: 'notify',
  // payments
  payments: 'payments',
  payment_items: 'payments',
  payment_events: 'payments',
  ledger_entries: 'payments',
  payment_allocations: 'payments',
  // registry: the organisations rows too; the columns billing and metering added to them are those modules',
  // published as billing_organisations and metering_organisations
  organisations: 'registry',
  houses: 'registry',
  premises: 'registry',
  house_entrances: 'registry',
  registry_words: 'registry',
  gar_addr_objects: 'registry',
  gar_houses: 'registry',
  gar_apartments: 'registry',
  gar_hierarchy: 'registry',
  gar_import_files: 'registry',
  // sandbox (in-process peers; src/sandbox/ is not checked)
  sandbox_outbox: 'sandbox',
  sandbox_esia_secrets: 'sandbox',
  sandbox_esia_store: 'sandbox',
  sandbox_bank_payments: 'sandbox',
  sandbox_secrets: 'sandbox',
  gis_sim_messages: 'sandbox',
  gis_sim_objects: 'sandbox',
  gis_sim_houses: 'sandbox',
  gis_sim_organisations: 'sandbox',
  gis_sim_votings: 'sandbox',
  gis_sim_decisions: 'sandbox',
  gis_sim_files: 'sandbox',
  gis_sim_appeals: 'sandbox',
  gis_sim_debt_subrequests: 'sandbox',
  gis_sim_meter_values: 'sandbox',
  // tickets
  tickets: 'tickets',
  ticket_events: 'tickets',
  ticket_files: 'tickets',
  ticket_deadlines: 'tickets',
  // sync
  sync_items: 'sync',
  gis_messages: 'sync',
  gis_sync_settings: 'sync',
  gis_nsi_items: 'sync',
  gis_pulls: 'sync',
  gis_attachments: 'sync',
};

/** The views and SQL functions modules publish for other modules' statements, with their owner. */
export const PUBLISHED: Record<string, Module> = {
  accounts_accounts: 'accounts',
  accounts_owners: 'accounts',
  accounts_links: 'accounts',
  billing_organisations: 'billing',
  files_meta: 'files',
  identity_persons: 'identity',
  metering_organisations: 'metering',
  payments_allocations: 'payments',
  registry_organisations: 'registry',
  registry_houses: 'registry',
  registry_premises: 'registry',
};
