import { percent, RULE } from '../../../screens/meetings/labels';
import { Card, ErrorMessage, ScrollTable, Skeleton } from '../../../ui/ui';
import { useTurnout } from './TurnoutPanel';
import { type Meeting, votesText } from './types';

/** The count per question: for / against / abstained in votes and percentages, the rule and the outcome. */
export function ResultsPanel({ meeting: m }: { meeting: Meeting }) {
  const t = useTurnout(m);
  if (t.isPending) return <Skeleton height={200} label="Загрузка итогов" />;
  if (t.isError) return <ErrorMessage error={t.error} retry={() => void t.refetch()} />;
  const results = t.data.results;
  if (!results)
    return (
      <Card>
        <h2>Итоги</h2>
        <p>Итоги голосования подводятся после окончания приёма решений; до этого видна только явка.</p>
      </Card>
    );
  return (
    <Card>
      <h2>Итоги голосования</h2>
      {!t.data.quorumReached ? (
        <p className="alert alert-warning">Кворума нет: собрание не правомочно принимать решения.</p>
      ) : null}
      <ScrollTable label="Итоги по вопросам">
        <table>
          <thead>
            <tr>
              <th scope="col">Вопрос</th>
              <th scope="col">За</th>
              <th scope="col">Против</th>
              <th scope="col">Воздержались</th>
              <th scope="col">Порог</th>
              <th scope="col">Решение</th>
            </tr>
          </thead>
          <tbody>
            {results.map((r) => {
              const q = m.questions.find((x) => x.id === r.questionId);
              const cell = (a: (typeof r)['for']) => (
                <td className="nowrap">
                  {percent(a.percentOfParticipants)}
                  <div className="muted">
                    {percent(a.percentOfAll)} всех, {votesText(a.votes)}
                  </div>
                </td>
              );
              return (
                <tr key={r.questionId}>
                  <td className="staff-question-cell">
                    {q?.position}. {q?.title}
                  </td>
                  {cell(r.for)}
                  {cell(r.against)}
                  {cell(r.abstain)}
                  <td>{RULE[r.rule]}</td>
                  <td className="nowrap">
                    <span className={r.adopted ? 'badge badge-success' : 'badge badge-danger'}>
                      {r.adopted ? 'Принято' : 'Не принято'}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollTable>
      <p className="muted">
        Сверху — доля голосов участников собрания, ниже — доля всех голосов дома: пороги «всех голосов» считаются от
        неё.
      </p>
    </Card>
  );
}
