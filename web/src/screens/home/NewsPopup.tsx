import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { api, ok } from '../../api/client';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/ui';
import { unreadNewsQuery } from './queries';

/** Unread notices open once per visit after sign-in, emergencies first; "Прочитано" marks each read. */
export function NewsPopup() {
  const client = useQueryClient();
  const [dismissed, setDismissed] = useState(() => sessionStorage.getItem('domhub.news-shown') === '1');
  const q = useQuery(unreadNewsQuery);
  const items = [...(q.data?.items ?? [])].sort(
    (a, b) => Number(b.kind === 'emergency') - Number(a.kind === 'emergency'),
  );
  const first = items[0];
  const dialog = useRef<HTMLDialogElement>(null);
  const read = useMutation({
    mutationFn: (id: string) => ok(api.POST('/api/v1/me/news/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['news'] }),
  });
  const open = !dismissed && !!first;
  useEffect(() => {
    if (open && dialog.current && !dialog.current.open) dialog.current.showModal();
  }, [open]);
  if (!open) return null;
  const close = () => {
    sessionStorage.setItem('domhub.news-shown', '1');
    dialog.current?.close();
    setDismissed(true);
  };
  return (
    <dialog
      ref={dialog}
      className={`dialog ${first.kind === 'emergency' ? 'dialog-emergency' : ''}`}
      aria-labelledby="news-popup-title"
      onClose={close}
    >
      <p className="muted">
        {first.kind === 'emergency' ? 'Аварийное сообщение' : 'Новое сообщение'} · {formatDateTime(first.publishAt)}
      </p>
      <h2 id="news-popup-title">{first.title}</h2>
      <p className="pre-line">{first.body}</p>
      {items.length > 1 ? <p className="muted">Ещё непрочитанных: {items.length - 1}</p> : null}
      <div className="card-actions">
        <Button
          busy={read.isPending}
          onClick={() => read.mutate(first.id, { onSuccess: () => items.length === 1 && close() })}
        >
          Прочитано
        </Button>
        <Button kind="secondary" onClick={close}>
          Закрыть
        </Button>
      </div>
    </dialog>
  );
}
