import type { Mailer, MailMessage, SqlExecutor } from '../../contracts/ports.js';

/** Sandbox mailer: keeps every message in `sandbox_outbox`, readable at /sandbox/mail. */
export function createOutboxMailer(db: SqlExecutor): Mailer {
  return {
    async send(m: MailMessage) {
      await db.query(
        `INSERT INTO sandbox_outbox (to_address, subject, text_body, html_body, attachments) VALUES ($1, $2, $3, $4, $5)`,
        [
          m.to,
          m.subject,
          m.text,
          m.html ?? null,
          JSON.stringify(
            (m.attachments ?? []).map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              size: Buffer.from(a.contentBase64, 'base64').length,
            })),
          ),
        ],
      );
    },
  };
}

export async function listOutbox(db: SqlExecutor, to?: string, limit = 50) {
  const { rows } = await db.query(
    `SELECT id, to_address AS to, subject, text_body AS text, attachments, created_at AS "createdAt"
       FROM sandbox_outbox WHERE ($1::text IS NULL OR to_address = $1) ORDER BY id DESC LIMIT $2`,
    [to ?? null, limit],
  );
  return rows;
}
