import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { RULE } from '../../../screens/meetings/labels';
import { TextField } from '../../../ui/fields';
import { Button, Card, ErrorMessage } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { multipart } from '../../../api/upload';
import { FileInput } from './FileInput';
import { openMeetingFile } from './open-file';
import type { Meeting } from './types';

const sizeText = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))}\u00a0КБ`
    : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')}\u00a0МБ`;

/** The agenda with each question's rule and its basis, and the materials (added and removed while a draft). */
export function AgendaPanel({ meeting: m }: { meeting: Meeting }) {
  const draft = m.status === 'draft';
  const key = useStaffKey();
  const catalogue = useQuery({
    queryKey: key('agenda-catalogue'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/agenda-catalogue')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const lawRule = (k: string | null) => catalogue.data?.items.find((t) => t.key === k)?.rule;
  return (
    <div className="stack">
      <Card>
        <h2>Повестка дня</h2>
        <ol className="agenda">
          {m.questions.map((q) => (
            <li key={q.id}>
              <h3>{q.title}</h3>
              {q.proposal ? <p className="pre-line">Предложение: {q.proposal}</p> : null}
              <p className="muted">
                Решение: {RULE[q.rule]}
                {q.basis
                  ? (lawRule(q.catalogueKey) ?? q.rule) === q.rule
                    ? ` — ${q.basis}`
                    : ` (строже, чем требует закон: ${q.basis})`
                  : ''}
              </p>
            </li>
          ))}
        </ol>
      </Card>
      <Materials m={m} draft={draft} />
    </div>
  );
}

function Materials({ m, draft }: { m: Meeting; draft: boolean }) {
  const key = useStaffKey();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const refresh = () => client.invalidateQueries({ queryKey: key('meeting', m.id) });
  const upload = useMutation({
    mutationFn: () => {
      const form = new FormData();
      form.append('title', title.trim());
      form.append('file', file!, file!.name);
      return ok(
        staffApi.POST('/api/v1/org/meetings/{id}/materials', {
          params: { path: { id: m.id } },
          ...multipart(form),
        }),
      );
    },
    onSuccess: () => {
      setTitle('');
      setFile(null);
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (materialId: string) =>
      ok(
        staffApi.DELETE('/api/v1/org/meetings/{id}/materials/{materialId}', {
          params: { path: { id: m.id, materialId } },
        }),
      ),
    onSuccess: refresh,
  });
  const open = useMutation({
    mutationFn: (fileId: string) => openMeetingFile('/api/v1/org/meetings/{id}/files/{fileId}', { id: m.id, fileId }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) upload.mutate();
  };
  return (
    <Card>
      <h2>Материалы</h2>
      <p className="muted">Собственники знакомятся с материалами: {m.materialsInfo}</p>
      {m.materials.length ? (
        <ul className="plain-list staff-files">
          {m.materials.map((x) => (
            <li key={x.id}>
              <button type="button" className="button link" onClick={() => open.mutate(x.fileId)}>
                {x.title}
              </button>{' '}
              <span className="muted">
                {x.filename}, {sizeText(x.size)}
              </span>
              {draft ? (
                <Button
                  kind="link"
                  busy={remove.isPending && remove.variables === x.id}
                  onClick={() => remove.mutate(x.id)}
                  aria-label={`Убрать материал ${x.title}`}
                >
                  Убрать
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Материалов нет.</p>
      )}
      {open.error || remove.error ? <ErrorMessage error={open.error ?? remove.error} /> : null}
      {draft ? (
        <form className="staff-inline-form" onSubmit={submit}>
          <TextField
            label="Название материала"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            maxLength={300}
          />
          <FileInput label="Файл (PDF или изображение)" file={file} onChange={setFile} />
          <Button type="submit" kind="secondary" busy={upload.isPending} disabled={!file}>
            Приложить
          </Button>
          {upload.error ? <ErrorMessage error={upload.error} /> : null}
        </form>
      ) : null}
    </Card>
  );
}
