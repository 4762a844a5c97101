import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ok } from '../../api/client';
import { CABINET_COOKIES, readCookie, writeCookie } from '../../lib/cookies';
import { formatDateTime } from '../../lib/format';
import { Button } from '../../ui/ui';
import { unreadNewsQuery } from './queries';

/**
 * Unread notices open once after sign-in (until the browser is closed or the person signs out),
 * emergencies first; "Прочитано" marks each read. The service prerenders the dialog open, so the
 * notice paints with the page. It is made modal by hand (the rest of the page inert, focus inside,
 * Escape closes), not with showModal(): that would take the painted notice down and draw it again,
 * a second and late largest paint.
 */
export function NewsPopup() {
  const client = useQueryClient();
  const [dismissed, setDismissed] = useState(() => readCookie(CABINET_COOKIES.newsShown) === '1');
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
  const close = useCallback(() => {
    writeCookie(CABINET_COOKIES.newsShown, '1');
    setDismissed(true);
  }, []);
  useEffect(() => {
    const d = dialog.current;
    if (!open || !d) return;
    const before = document.activeElement;
    const restore = inertAround(d);
    d.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('keydown', onKey);
      restore();
      if (before instanceof HTMLElement) before.focus();
    };
  }, [open, close]);
  if (!open) return null;
  return (
    <>
      <div className="dialog-backdrop" aria-hidden="true" />
      <dialog
        open
        aria-modal="true"
        ref={dialog}
        className={`dialog ${first.kind === 'emergency' ? 'dialog-emergency' : ''}`}
        aria-labelledby="news-popup-title"
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
    </>
  );
}

/** Makes everything but `el` (and the elements holding it) inert; returns the undo. */
function inertAround(el: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  for (let node: HTMLElement = el; node.parentElement && node !== document.body; node = node.parentElement) {
    for (const sibling of node.parentElement.children) {
      if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) {
        sibling.inert = true;
        made.push(sibling);
      }
    }
  }
  return () => {
    for (const sibling of made) sibling.inert = false;
  };
}
