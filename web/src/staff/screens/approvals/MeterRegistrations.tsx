// Meter registrations and re-registrations residents filed, with their documents shown in the browser
// (photos as thumbnails, every file opened in a new tab): accept (the meter is created or updated) or
// reject with the reason the resident reads.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { paths } from '../../../api/schema';
import { formatDate, formatDateTime, formatDecimal } from '../../../lib/format';
import { RESOURCES, tariffLabel } from '../../../screens/meters/resources';
import { ErrorMessage } from '../../../ui/ui';
import { ApiError, ok, staffApi, useStaffKey } from '../../api';
import { Decision } from './decision';
import { ApprovalCard, QueueView, useDecided, withFlat } from './queue';

type Registration =
  paths['/api/v1/org/meter-registrations']['get']['responses'][200]['content']['application/json']['items'][number];
type Document = Registration['documents'][number];

const DOCUMENT: Record<Document['kind'], string> = {
  sealing_act: 'Акт опломбировки',
  dismantling_act: 'Акт демонтажа',
  installation_act: 'Акт установки',
  passport: 'Паспорт счётчика',
  verification_certificate: 'Свидетельство о поверке',
  photo: 'Фото счётчика',
};

export function MeterRegistrations() {
  const key = useStaffKey();
  const list = useInfiniteQuery({
    queryKey: key('approvals-meters'),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      ok(
        staffApi.GET('/api/v1/org/meter-registrations', {
          params: { query: { status: 'submitted', limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.page.nextCursor ?? undefined,
    staleTime: 0, // a queue: what residents sent since is shown on every visit
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { done, decided } = useDecided<Registration>('approvals-meters', (r) => r.id);
  return (
    <QueueView list={list} count={items.length} empty="Заявлений на регистрацию счётчиков нет." done={done}>
      {items.map((r) => (
        <RegistrationCard key={r.id} registration={r} onDone={(text, approved) => decided(r, text, approved)} />
      ))}
    </QueueView>
  );
}

function RegistrationCard({
  registration: r,
  onDone,
}: {
  registration: Registration;
  onDone: (text: string, approved: boolean) => void;
}) {
  const resource = RESOURCES[r.resource] ?? r.resource;
  const meter = `${resource}, № ${r.serialNumber}`;
  const initial = r.initialValues
    ? (['t1', 't2', 't3'] as const)
        .filter((t) => r.initialValues?.[t] !== undefined)
        .map((t, i) => `${tariffLabel(r.tariffs, i)} ${formatDecimal(r.initialValues![t]!)}`.trim())
        .join('; ')
    : null;
  const dates: [string, string | null][] = [
    ['Установлен', r.installedOn],
    ['Опломбирован', r.sealedOn],
    ['Поверен', r.verifiedOn],
    ['Следующая поверка', r.nextVerification],
  ];
  return (
    <ApprovalCard
      title={
        <>
          {meter} <span className="badge">{r.kind === 'register' ? 'новый счётчик' : 'перерегистрация'}</span>
        </>
      }
      sent={`подана ${formatDateTime(r.createdAt)}`}
      facts={[
        ['Адрес', withFlat(r.address, r.premise)],
        ['Лицевой счёт', r.accountNumber],
        [
          'Тарифов',
          <>
            {r.tariffs}
            {r.digitCapacity ? <span className="muted"> · разрядность {r.digitCapacity}</span> : null}
          </>,
        ],
        ...dates.map(([label, d]) => [label, d ? formatDate(d) : null] as const),
        ['Начальные показания', initial],
        ['Комментарий', r.comment, 'pre-line'],
      ]}
      decision={
        <Decision
          subject={meter}
          approveLabel="Принять"
          confirmText={
            r.kind === 'register'
              ? `Ввести в учёт счётчик «${meter}» по л/с ${r.accountNumber}${initial ? ` с показаниями ${initial}` : ''}?`
              : `Перерегистрировать счётчик «${meter}» по л/с ${r.accountNumber} с новыми данными?`
          }
          confirmLabel="Да, принять"
          reasonMax={2000}
          approve={() =>
            ok(
              staffApi.POST('/api/v1/org/meter-registrations/{registrationId}/approve', {
                params: { path: { registrationId: r.id } },
              }),
            )
          }
          reject={(reason) =>
            ok(
              staffApi.POST('/api/v1/org/meter-registrations/{registrationId}/reject', {
                params: { path: { registrationId: r.id } },
                body: { reason },
              }),
            )
          }
          onDone={(approved) =>
            onDone(
              approved
                ? `Счётчик «${meter}» принят в учёт (л/с ${r.accountNumber}).`
                : `Заявление по счётчику «${meter}» отклонено. Причину житель увидит в кабинете.`,
              approved,
            )
          }
        />
      }
    >
      <Documents registration={r} />
    </ApprovalCard>
  );
}

/** A document of the registration from the API as a blob, for the browser (inline=true: shown, not saved). */
async function documentBlob(registrationId: string, documentId: string): Promise<Blob> {
  const result = await staffApi.GET('/api/v1/org/meter-registrations/{registrationId}/documents/{documentId}', {
    params: { path: { registrationId, documentId }, query: { inline: 'true' } },
    parseAs: 'blob',
  });
  if (!result.response.ok || !result.data)
    throw new ApiError(result.response.status, {
      status: result.response.status,
      code: result.response.status === 404 ? 'file_missing' : 'http_error',
    });
  return result.data as Blob;
}

function Documents({ registration: r }: { registration: Registration }) {
  const [error, setError] = useState<unknown>(null);
  if (r.documents.length === 0) return <p className="muted">Документы не приложены.</p>;
  const open = async (d: Document) => {
    setError(null);
    // Opened now, while the click is the person's: a window opened after an await is taken for a pop-up.
    const tab = window.open('', '_blank');
    try {
      const url = URL.createObjectURL(await documentBlob(r.id, d.id));
      if (tab) tab.location.href = url;
      else window.location.assign(url);
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      setError(e);
    }
  };
  return (
    <div className="approval-documents">
      <h4>Документы</h4>
      <ul>
        {r.documents.map((d) => (
          <li key={d.id}>
            {d.contentType.startsWith('image/') ? (
              <Thumbnail registrationId={r.id} document={d} />
            ) : (
              <span className="approval-thumb approval-thumb-file" aria-hidden="true">
                {d.contentType === 'application/pdf' ? 'PDF' : 'файл'}
              </span>
            )}
            <button type="button" className="button link" onClick={() => void open(d)}>
              {DOCUMENT[d.kind] ?? d.filename}
            </button>
            <span className="muted approval-file">
              {d.filename} · {Math.max(1, Math.round(d.size / 1024))} КБ
            </span>
          </li>
        ))}
      </ul>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}

function Thumbnail({ registrationId, document: d }: { registrationId: string; document: Document }) {
  const key = useStaffKey();
  const blob = useQuery({
    queryKey: key('meter-registration-document', d.id),
    queryFn: () => documentBlob(registrationId, d.id),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const url = useMemo(() => (blob.data ? URL.createObjectURL(blob.data) : null), [blob.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  if (!url) return <span className="approval-thumb approval-thumb-empty" aria-hidden="true" />;
  return <img className="approval-thumb" src={url} alt={`${DOCUMENT[d.kind]}: ${d.filename}`} />;
}
