// The payee's bank details printed on payment documents: shown, and changed by those allowed (the API
// checks the BIK, the settlement and the correspondent account against each other).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { explain, FormError, TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage, Notice, Skeleton } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { useCan } from '../../permissions';

const FIELD_TEXT = {
  bankName: 'Укажите название банка (до 45 знаков).',
  bik: 'БИК — 9 цифр.',
  settlementAccount: 'Расчётный счёт — 20 цифр; контрольная цифра должна сходиться с БИК.',
  correspondentAccount: 'Корреспондентский счёт — 20 цифр; он должен соответствовать БИК.',
};

export function BankDetails() {
  const key = useStaffKey();
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const details = useQuery({
    queryKey: key('bank-details'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/bank-details')),
  });
  const d = details.data;
  return (
    <section className="stack" aria-labelledby="bank-title">
      <div className="row-between">
        <h2 id="bank-title">Реквизиты для оплаты</h2>
        {d && !editing && can('settings.manage') ? (
          <Button kind="secondary" onClick={() => setEditing(true)}>
            Изменить
          </Button>
        ) : null}
      </div>
      {details.isPending ? (
        <Skeleton height={160} label="Загрузка реквизитов" />
      ) : details.isError ? (
        <ErrorMessage error={details.error} retry={() => void details.refetch()} />
      ) : editing ? (
        <BankDetailsForm
          initial={{
            bankName: d!.bankName ?? '',
            bik: d!.bik ?? '',
            settlementAccount: d!.settlementAccount ?? '',
            correspondentAccount: d!.correspondentAccount ?? '',
          }}
          onDone={() => setEditing(false)}
        />
      ) : (
        <Card>
          <dl className="detail-grid bank">
            <dt>Получатель</dt>
            <dd>{d!.name}</dd>
            <dt>ИНН / КПП</dt>
            <dd>
              {d!.inn}
              {d!.kpp ? ` / ${d!.kpp}` : ''}
            </dd>
            <dt>Банк</dt>
            <dd>{d!.bankName ?? '—'}</dd>
            <dt>БИК</dt>
            <dd className="mono">{d!.bik ?? '—'}</dd>
            <dt>Расчётный счёт</dt>
            <dd className="mono">{d!.settlementAccount ?? '—'}</dd>
            <dt>Корр. счёт</dt>
            <dd className="mono">{d!.correspondentAccount ?? '—'}</dd>
          </dl>
          {d!.bik ? null : (
            <Notice kind="warning">
              Без БИК и расчётного счёта платёжные документы не уходят в ГИС ЖКХ, а жители не смогут оплатить по
              QR-коду.
            </Notice>
          )}
        </Card>
      )}
    </section>
  );
}

type Details = { bankName: string; bik: string; settlementAccount: string; correspondentAccount: string };

function BankDetailsForm({ initial, onDone }: { initial: Details; onDone: () => void }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [v, setV] = useState(initial);
  const save = useMutation({
    mutationFn: (body: Details) => ok(staffApi.PUT('/api/v1/org/bank-details', { body })),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: key('bank-details') });
      onDone();
    },
  });
  const errors = explain(fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined), FIELD_TEXT);
  const field = (name: keyof Details) => ({
    value: v[name],
    error: errors[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [name]: e.target.value }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      bankName: v.bankName.trim(),
      bik: v.bik.trim(),
      settlementAccount: v.settlementAccount.trim(),
      correspondentAccount: v.correspondentAccount.trim(),
    });
  };
  return (
    <Card>
      <form className="form-grid" onSubmit={submit} noValidate>
        <TextField label="Банк" maxLength={45} required {...field('bankName')} />
        <TextField label="БИК" inputMode="numeric" maxLength={9} required {...field('bik')} />
        <TextField label="Расчётный счёт" inputMode="numeric" maxLength={20} required {...field('settlementAccount')} />
        <TextField label="Корр. счёт" inputMode="numeric" maxLength={20} required {...field('correspondentAccount')} />
        <FormError error={save.error} fieldErrors={errors} />
        <div className="row-actions">
          <Button type="submit" busy={save.isPending}>
            Сохранить
          </Button>
          <Button kind="link" onClick={onDone}>
            Отмена
          </Button>
        </div>
      </form>
    </Card>
  );
}
