import { Link } from 'wouter';
import { Page } from '../../ui/ui';

export default function NotFoundScreen() {
  return (
    <Page title="Страница не найдена">
      <p>
        Такой страницы в кабинете нет. <Link href="/">На главную</Link>
      </p>
    </Page>
  );
}
