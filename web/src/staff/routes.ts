// The screen of every console page (pages.ts): a lazy import, one chunk per screen.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { type StaffPageInfo, type StaffPagePath, staffPages } from './pages';

export interface StaffRoute extends StaffPageInfo {
  screen: LazyExoticComponent<ComponentType>;
}

const screens: Record<StaffPagePath, () => Promise<{ default: ComponentType }>> = {
  '/': () => import('./screens/home/HomeScreen'),
  '/requests': () => import('./screens/requests/RequestsScreen'),
  '/requests/:id': () => import('./screens/requests/RequestScreen'),
  '/appeals': () => import('./screens/appeals/AppealsScreen'),
  '/appeals/:id': () => import('./screens/appeals/AppealScreen'),
  '/approvals': () => import('./screens/approvals/ApprovalsScreen'),
  '/debt-requests': () => import('./screens/debt-requests/DebtRequestsScreen'),
  '/notices': () => import('./screens/notices/NoticesScreen'),
  '/notices/new': () => import('./screens/notices/NewNoticeScreen'),
  '/meetings': () => import('./screens/meetings/MeetingsScreen'),
  '/meetings/new': () => import('./screens/meetings/NewMeetingScreen'),
  '/meetings/:id': () => import('./screens/meetings/MeetingScreen'),
  '/owners-register': () => import('./screens/meetings/OwnersRegisterScreen'),
  '/house-meters': () => import('./screens/house-meters/HouseMetersScreen'),
  '/imports': () => import('./screens/imports/ImportsScreen'),
  '/settings': () => import('./screens/settings/SettingsScreen'),
  '/payments': () => import('./screens/payments/PaymentsScreen'),
  '/exchange': () => import('./screens/exchange/ExchangeScreen'),
  '/audit': () => import('./screens/audit/AuditScreen'),
  '/team': () => import('./screens/team/TeamScreen'),
  '/api-keys': () => import('./screens/api-keys/ApiKeysScreen'),
};

export const staffRoutes: StaffRoute[] = staffPages.map((p) => ({
  ...p,
  screen: lazy(screens[p.path as StaffPagePath]),
}));
