import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError } from '../../../api/client';
import { fieldMessages } from '../../../lib/problems';
import { Field, TextField } from '../../../ui/fields';
import { Button, ErrorMessage, Notice } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';

type Settings = Awaited<ReturnType<typeof load>>;
const load = () => ok(staffApi.GET('/api/v1/org/meeting-settings'));

export const VOTING_SYSTEM: Record<Settings['votingSystem'], string> = {
  'state-system': 'в ГИС ЖКХ: собственники голосуют там, Домхаб размещает сообщение, бумажные решения и протокол',
  'regional-system':
    'в Домхабе как региональной системе: сообщение размещается в ГИС ЖКХ, протокол — как протокол другой системы',
};

/** Where the organisation's meetings are voted (ЖК РФ ст. 47.1 after 463-ФЗ), shown and changed. */
export function SettingsPanel() {
  const key = useStaffKey();
  const client = useQueryClient();
  const q = useQuery({ queryKey: key('meeting-settings'), queryFn: load });
  const [edit, setEdit] = useState<Settings | null>(null);
  const save = useMutation({
    mutationFn: (body: Settings) => ok(staffApi.PUT('/api/v1/org/meeting-settings', { body })),
    onSuccess: (data) => {
      client.setQueryData(key('meeting-settings'), data);
      void client.invalidateQueries({ queryKey: key('meetings') });
      setEdit(null);
    },
  });
  const errors = fieldMessages(save.error instanceof ApiError ? save.error.problem : undefined);
  if (q.isPending) return null;
  if (q.isError) return <ErrorMessage error={q.error} retry={() => void q.refetch()} />;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (edit) save.mutate(edit);
  };
  return (
    <div className="card">
      <h2>Где голосуют собственники</h2>
      {edit ? (
        <form onSubmit={submit} className="stack" noValidate>
          <Field label="Голосование" error={errors.votingSystem}>
            <select
              value={edit.votingSystem}
              onChange={(e) => setEdit({ ...edit, votingSystem: e.target.value as Settings['votingSystem'] })}
            >
              <option value="state-system">В ГИС ЖКХ</option>
              <option value="regional-system">В Домхабе как региональной системе</option>
            </select>
          </Field>
          {edit.votingSystem === 'regional-system' ? (
            <div className="form-grid">
              <TextField
                label="Название региональной системы"
                value={edit.regionalSystemName ?? ''}
                onChange={(e) => setEdit({ ...edit, regionalSystemName: e.target.value || null })}
                error={errors.regionalSystemName}
              />
              <TextField
                label="Адрес в интернете"
                type="url"
                value={edit.regionalSystemUrl ?? ''}
                onChange={(e) => setEdit({ ...edit, regionalSystemUrl: e.target.value || null })}
                error={errors.regionalSystemUrl}
              />
            </div>
          ) : null}
          <p className="hint">Объявленные собрания проходят так, как было выбрано при рассылке сообщения.</p>
          {save.error && !Object.keys(errors).length ? <ErrorMessage error={save.error} /> : null}
          <div className="card-actions">
            <Button type="submit" busy={save.isPending}>
              Сохранить
            </Button>
            <Button kind="secondary" onClick={() => setEdit(null)}>
              Отмена
            </Button>
          </div>
        </form>
      ) : (
        <div className="row-between">
          <p data-testid="voting-system">Собрания голосуются {VOTING_SYSTEM[q.data.votingSystem]}.</p>
          <Button kind="secondary" onClick={() => setEdit(q.data)}>
            Изменить
          </Button>
        </div>
      )}
      {save.isSuccess ? <Notice kind="success">Сохранено.</Notice> : null}
    </div>
  );
}
