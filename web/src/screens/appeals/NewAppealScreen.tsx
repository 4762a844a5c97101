import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api, ok } from '../../api/client';
import { useCurrentAccount } from '../../app/session';
import { Field } from '../../ui/fields';
import { Card, ErrorMessage, Notice, Page, Skeleton } from '../../ui/ui';
import { AppealForm } from './AppealForm';

/** A new appeal: the type first (from the API's catalogue), then its own form. */
export default function NewAppealScreen() {
  const [, navigate] = useLocation();
  const client = useQueryClient();
  const { account, isPending } = useCurrentAccount();
  const types = useQuery({ queryKey: ['appeal-types'], queryFn: () => ok(api.GET('/api/v1/appeals/types')) });
  const [type, setType] = useState(() => new URLSearchParams(window.location.search).get('type') ?? '');
  return (
    <Page title="Новое обращение">
      <Card>
        {types.isPending || isPending ? (
          <Skeleton height={70} />
        ) : types.isError ? (
          <ErrorMessage error={types.error} retry={() => void types.refetch()} />
        ) : !account ? (
          <Notice>
            Сначала <Link href="/accounts">добавьте помещение</Link>.
          </Notice>
        ) : (
          <>
            <Field label="Тип обращения">
              <select value={type} onChange={(e) => setType(e.target.value)}>
                <option value="">Выберите, о чём обращение</option>
                {types.data.map((t) => (
                  <option key={t.type} value={t.type}>
                    {t.title}
                  </option>
                ))}
              </select>
            </Field>
            {type ? (
              <AppealForm
                key={type}
                type={type}
                onDone={(id) => {
                  void client.invalidateQueries({ queryKey: ['appeals'] });
                  navigate(`/appeals/${id}`);
                }}
              />
            ) : null}
          </>
        )}
      </Card>
    </Page>
  );
}
