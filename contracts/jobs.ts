import { z } from 'zod';

// Every queue name of the service and its payload: what domain code sends to and jobs/ handles.

export const MAIL_QUEUE = 'mail.send';
export const mailPayload = z.object({
  to: z.string().min(3),
  subject: z.string().min(1),
  text: z.string(),
  html: z.string().optional(),
  attachments: z
    .array(z.object({ filename: z.string(), contentType: z.string(), contentBase64: z.string() }))
    .optional(),
});

/** Nudges the state-system connector to send the pending sync_items of one organisation and operation. */
export const SYNC_DISPATCH_QUEUE = 'sync.dispatch';
export const syncDispatchPayload = z.object({
  organisationId: z.uuid(),
  operation: z.string().min(1),
});
export type SyncDispatchPayload = z.infer<typeof syncDispatchPayload>;

/** Sends one prepared state-system message (signed, fresh MessageGUID) and stores the Ack. */
export const GIS_SEND_QUEUE = 'gis.send';
/** One getState of an acknowledged message; the next is a delayed job on the operator's schedule. */
export const GIS_POLL_QUEUE = 'gis.poll';
export const gisMessagePayload = z.object({ messageId: z.uuid() });

/** Every minute: queues what the state system does not know yet and nudges dispatch of pending items. */
export const GIS_SWEEP_QUEUE = 'gis.sweep';

/** Emails a published notice to the residents of its houses (sent at the notice's publish time). */
export const NEWS_ANNOUNCE_QUEUE = 'news.announce';
export const newsAnnouncePayload = z.object({ newsId: z.uuid() });

/** Imports a ГАР export directory (relative to GAR_IMPORT_DIR); resumable, so a retry continues. */
export const GAR_IMPORT_QUEUE = 'registry.gar-import';
export const garImportPayload = z.object({
  directory: z.string().min(1).max(500),
});
export type GarImportPayload = z.infer<typeof garImportPayload>;

/** Closes a meeting at its deadline (delayed job per meeting), or every overdue meeting (scheduled sweep, no id). */
export const MEETING_CLOSE_QUEUE = 'meetings.close';
export const meetingClosePayload = z.object({ meetingId: z.uuid().optional() });

/**
 * Refreshes the state-system reference data of every organisation with sync on: the NSI books the hub
 * refers to (nsi-common exportNsiItem, into gis_nsi_items) and its houses' premises GUIDs (exportHouseData).
 */
export const GIS_NSI_REFRESH_QUEUE = 'gis.nsi-refresh';
export const gisNsiRefreshPayload = z.object({ organisationId: z.uuid().optional() });

/** Runs one file import of the staff console (accounts, meters, readings or charges) to its end. */
export const IMPORT_RUN_QUEUE = 'imports.run';
export const importRunPayload = z.object({ runId: z.uuid() });
/**
 * Every 5 minutes (and on demand for one organisation): asks the state system for what came in for the
 * organisations with the exchange on: appeals (exportAppeal) and debt subrequests (exportDebtSubrequests).
 */
export const GIS_PULL_QUEUE = 'gis.pull';
export const gisPullPayload = z.object({ organisationId: z.uuid().optional() });

// Scheduled queues nothing else sends to: their payloads are empty.

/** Hourly reading-window and verification reminders. */
export const NOTIFY_REMINDERS_QUEUE = 'notify.reminders';
/** Settles payments left pending by asking the bank. */
export const PAYMENTS_RECONCILE_QUEUE = 'payments.reconcile';
export const paymentsReconcilePayload = z.object({ olderThanSeconds: z.number().int().min(0).optional() }).loose();
/** Drops long-expired sessions. */
export const SESSIONS_CLEANUP_QUEUE = 'maintenance.sessions-cleanup';
export const emptyPayload = z.object({}).loose();
