import { routeFor } from '../../routes';
import { useLocation } from 'wouter';
import { Notice, Page } from '../../ui/ui';

/** Stands in for a screen that is not built yet, so its route and navigation already work. */
export default function PlaceholderScreen() {
  const [location] = useLocation();
  return (
    <Page title={routeFor(location)?.title ?? 'Раздел'}>
      <Notice>Этот раздел скоро появится в кабинете.</Notice>
    </Page>
  );
}
