// The approve / reject control every queue of «Подтверждения» shares: approving asks once more in place
// (what exactly is confirmed), rejecting asks for the reason the resident will read. Errors stay beside
// the buttons in the console's words; the queue drops the row once the API has taken the decision.
import { type InfiniteData, type QueryClient, useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { Field } from '../../../ui/fields';
import { Button, Notice } from '../../../ui/ui';
import { ApiError, errorMessage } from '../../api';

/** Messages for the staff member where the general ones speak to a resident. */
const STAFF_MESSAGES: Record<string, string> = {
  request_not_pending: 'Этот запрос уже рассмотрен или его срок истёк. Обновите список.',
  change_not_pending: 'Это изменение уже рассмотрено. Обновите список.',
  registration_decided: 'Эта заявка уже рассмотрена. Обновите список.',
  already_linked: 'Житель уже привязан к этому лицевому счёту.',
  account_required: 'По введённым данным счёт не найден — подтвердить нельзя. Отклоните запрос с причиной.',
  account_not_in_house: 'Этот лицевой счёт не относится к дому из запроса.',
};

export function decisionError(error: unknown): string {
  if (error instanceof ApiError && STAFF_MESSAGES[error.code]) return STAFF_MESSAGES[error.code]!;
  return errorMessage(error);
}

/** Removes one item from every loaded page of a queue (the API no longer lists it after a decision). */
export function dropFromQueue<T>(client: QueryClient, queryKey: unknown[], gone: (item: T) => boolean) {
  client.setQueriesData<InfiniteData<{ items: T[] }>>({ queryKey }, (data) =>
    data?.pages ? { ...data, pages: data.pages.map((p) => ({ ...p, items: p.items.filter((i) => !gone(i)) })) } : data,
  );
}

interface DecisionProps {
  /** Who or what is decided on, for the buttons' accessible names ("Подтвердить: Петрова М. С."). */
  subject: string;
  approveLabel: string;
  /** The confirmation shown before approving. */
  confirmText: ReactNode;
  confirmLabel: string;
  /** Why approving is not possible (the button is not offered), shown instead. */
  approveBlocked?: ReactNode;
  rejectLabel?: string;
  reasonMax: number;
  approve: () => Promise<unknown>;
  reject: (reason: string) => Promise<unknown>;
  /** The API's answer: the decided item. */
  onDone: (approved: boolean, result: unknown) => void;
}

export function Decision(p: DecisionProps) {
  const [step, setStep] = useState<'idle' | 'confirm' | 'reject'>('idle');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const approve = useMutation({ mutationFn: p.approve, onSuccess: (result) => p.onDone(true, result) });
  const reject = useMutation({
    mutationFn: (r: string) => p.reject(r),
    onSuccess: (result) => p.onDone(false, result),
  });
  const error = approve.error ?? reject.error;
  const cancel = () => {
    setStep('idle');
    approve.reset();
    reject.reset();
  };
  return (
    <div className="approval-decision">
      {step === 'idle' ? (
        <div className="approval-actions">
          {p.approveBlocked ? null : (
            <Button aria-label={`${p.approveLabel}: ${p.subject}`} onClick={() => setStep('confirm')}>
              {p.approveLabel}
            </Button>
          )}
          <Button kind="secondary" aria-label={`Отклонить: ${p.subject}`} onClick={() => setStep('reject')}>
            Отклонить
          </Button>
        </div>
      ) : null}
      {step === 'confirm' ? (
        <div className="approval-confirm">
          <p>{p.confirmText}</p>
          <div className="approval-actions">
            <Button busy={approve.isPending} onClick={() => approve.mutate()} autoFocus>
              {p.confirmLabel}
            </Button>
            <Button kind="link" onClick={cancel}>
              Отмена
            </Button>
          </div>
        </div>
      ) : null}
      {step === 'reject' ? (
        <form
          className="approval-confirm"
          aria-label={`Отказ: ${p.subject}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const text = reason.trim();
            if (text.length < 3) {
              setReasonError('Напишите причину — не короче 3 знаков.');
              return;
            }
            setReasonError(undefined);
            reject.mutate(text);
          }}
        >
          <Field label="Причина отказа" hint="Житель увидит её в личном кабинете." error={reasonError}>
            <textarea
              rows={3}
              maxLength={p.reasonMax}
              value={reason}
              onChange={(e) => {
                setReason(e.target.value);
                if (reasonError && e.target.value.trim().length >= 3) setReasonError(undefined);
              }}
              // biome-ignore lint/a11y/noAutofocus: the field the button just opened; the person types the reason next
              autoFocus
            />
          </Field>
          <div className="approval-actions">
            <Button type="submit" kind="danger" busy={reject.isPending}>
              {p.rejectLabel ?? 'Отклонить'}
            </Button>
            <Button kind="link" onClick={cancel}>
              Отмена
            </Button>
          </div>
        </form>
      ) : null}
      {p.approveBlocked && step === 'idle' ? <p className="hint">{p.approveBlocked}</p> : null}
      {error ? <Notice kind="error">{decisionError(error)}</Notice> : null}
    </div>
  );
}
