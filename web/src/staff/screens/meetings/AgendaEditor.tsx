import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { RULE } from '../../../screens/meetings/labels';
import { Field, TextField } from '../../../ui/fields';
import { Button, Card } from '../../../ui/ui';
import { ok, staffApi, useStaffKey } from '../../api';
import { type AgendaItem, type Rule, RULE_STRENGTH } from './types';

export interface DraftQuestion {
  id: number;
  catalogueKey: string | null;
  basis: string | null;
  title: string;
  proposal: string;
  rule: Rule;
}

const RULES: Rule[] = ['participants_majority', 'all_majority', 'two_thirds_all'];
let nextId = 1;

/** The agenda: questions taken from the catalogue of common ones (with the rule the law needs) or written freely. */
export function AgendaEditor({
  questions,
  onChange,
  errors,
}: {
  questions: DraftQuestion[];
  onChange: (q: DraftQuestion[]) => void;
  errors: Record<string, string>;
}) {
  const key = useStaffKey();
  const pickId = useId();
  const [pick, setPick] = useState('');
  const catalogue = useQuery({
    queryKey: key('agenda-catalogue'),
    queryFn: () => ok(staffApi.GET('/api/v1/org/meetings/agenda-catalogue')),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const items = catalogue.data?.items ?? [];
  const add = (t: AgendaItem | null) =>
    onChange([
      ...questions,
      t
        ? { id: nextId++, catalogueKey: t.key, basis: t.basis, title: t.title, proposal: t.proposal, rule: t.rule }
        : { id: nextId++, catalogueKey: null, basis: null, title: '', proposal: '', rule: 'participants_majority' },
    ]);
  const update = (id: number, patch: Partial<DraftQuestion>) =>
    onChange(questions.map((q) => (q.id === id ? { ...q, ...patch } : q)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...questions];
    const [q] = next.splice(i, 1);
    next.splice(i + by, 0, q!);
    onChange(next);
  };
  return (
    <Card>
      <h2>Повестка дня</h2>
      {errors.questions ? <p className="field-error">{errors.questions}</p> : null}
      {questions.length === 0 ? <p className="muted">Добавьте хотя бы один вопрос.</p> : null}
      <ol className="agenda staff-agenda">
        {questions.map((q, i) => {
          const min = q.catalogueKey ? (items.find((t) => t.key === q.catalogueKey)?.rule ?? q.rule) : null;
          return (
            <li key={q.id}>
              <fieldset>
                <legend>Вопрос {i + 1}</legend>
                <TextField
                  label="Формулировка вопроса"
                  value={q.title}
                  onChange={(e) => update(q.id, { title: e.target.value })}
                  error={errors[`questions.${i}.title`]}
                  maxLength={1000}
                />
                <Field label="Предлагаемое решение" error={errors[`questions.${i}.proposal`]}>
                  <textarea
                    rows={2}
                    value={q.proposal}
                    onChange={(e) => update(q.id, { proposal: e.target.value })}
                    maxLength={5000}
                  />
                </Field>
                <Field
                  label="Решение принимается"
                  hint={q.basis ?? 'Свой вопрос: выберите порог по ЖК РФ ст. 46 ч. 1.'}
                  error={errors[`questions.${i}.rule`] ?? errors[`questions.${i}.catalogueKey`]}
                >
                  <select value={q.rule} onChange={(e) => update(q.id, { rule: e.target.value as Rule })}>
                    {RULES.filter((r) => !min || RULE_STRENGTH[r] >= RULE_STRENGTH[min]).map((r) => (
                      <option key={r} value={r}>
                        {RULE[r]}
                      </option>
                    ))}
                  </select>
                </Field>
                <div className="row-end">
                  <Button
                    kind="link"
                    disabled={i === 0}
                    onClick={() => move(i, -1)}
                    aria-label={`Вопрос ${i + 1} выше`}
                  >
                    Выше
                  </Button>
                  <Button
                    kind="link"
                    disabled={i === questions.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Вопрос ${i + 1} ниже`}
                  >
                    Ниже
                  </Button>
                  <Button
                    kind="link"
                    onClick={() => onChange(questions.filter((x) => x.id !== q.id))}
                    aria-label={`Убрать вопрос ${i + 1}`}
                  >
                    Убрать
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="staff-agenda-add">
        <div className="field">
          <label htmlFor={pickId}>Типовой вопрос</label>
          <select id={pickId} value={pick} onChange={(e) => setPick(e.target.value)}>
            <option value="">— выберите из списка —</option>
            {items.map((t) => (
              <option key={t.key} value={t.key}>
                {t.title}
              </option>
            ))}
          </select>
        </div>
        <Button
          kind="secondary"
          disabled={!pick}
          onClick={() => {
            add(items.find((t) => t.key === pick) ?? null);
            setPick('');
          }}
        >
          Добавить типовой вопрос
        </Button>
        <Button kind="secondary" onClick={() => add(null)}>
          Добавить свой вопрос
        </Button>
      </div>
    </Card>
  );
}
