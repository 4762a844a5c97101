import { formatDate, formatDaysLeft } from '../../lib/format';

/** What the API says of a meter's next verification (the resident's meters and a house's common ones). */
export interface VerificationDue {
  nextVerification: string | null;
  daysToVerification: number | null;
  verificationOverdue: boolean;
}

/** The days to the next verification as a badge: red when overdue, amber within 30 days, green otherwise. */
export function Verification({ meter }: { meter: VerificationDue }) {
  if (meter.daysToVerification === null || !meter.nextVerification) return <span className="muted">—</span>;
  const days = meter.daysToVerification;
  const cls = meter.verificationOverdue ? 'badge-danger' : days <= 30 ? 'badge-warning' : 'badge-success';
  const text = meter.verificationOverdue ? `срок истёк ${formatDate(meter.nextVerification)}` : formatDaysLeft(days);
  return (
    <span>
      <span className={`badge ${cls}`}>{text}</span>
      {meter.verificationOverdue ? null : (
        <span className="muted nowrap"> до {formatDate(meter.nextVerification)}</span>
      )}
    </span>
  );
}
