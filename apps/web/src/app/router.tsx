import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
  useNavigate,
} from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { AppLayout } from '../components/app-layout';
import { NotFoundPage, RouteErrorPage } from '../components/route-pages';
import { LoadingState } from '../components/states';
import { type AccountsSearch, parseAccountsSearch } from '../modules/accounts/accounts-search';
import { type ActivitiesSearch, parseActivitiesSearch } from '../modules/activities/activities-search';
import { type AuditSearch, parseAuditSearch } from '../modules/audit/audit-search';
import { LoginPage } from '../modules/auth/login-page';
import { type CalendarSearch, parseCalendarSearch } from '../modules/calendar/calendar-search';
import { type CommunicationSearch, parseCommunicationSearch } from '../modules/communication/communication-search';
import { concernPublicRoutes, concernRoutes } from '../modules/concerns/concerns-routes';
import {
  type ContestSearch,
  type ContestsSearch,
  type FromContestSearch,
  parseContestSearch,
  parseContestsSearch,
  parseFromContestSearch,
} from '../modules/contests/contest-search';
import { infoReportRoutes } from '../modules/info-reports/info-reports-routes';
import { libraryRoutes } from '../modules/library/library-routes';
import { MemberCreatePage } from '../modules/members/member-create-page';
import { MemberPage } from '../modules/members/member-page';
import { parseUnitSearch, type UnitSearch } from '../modules/members/member-search';
import { type NewsSearch, parseNewsSearch } from '../modules/news/news-search';
import { type NotificationsSearch, parseNotificationsSearch } from '../modules/notifications/notifications-search';
import { type CascadeSearch, parseCascadeSearch } from '../modules/plans/cascade-search';
import { type PlanSearch, parsePlanSearch } from '../modules/plans/plan-search';
import { type PlansSearch, parsePlansSearch } from '../modules/plans/plans-search';
import { type DashboardSearch, parseDashboardSearch } from '../modules/progress/dashboard-search';
import { surveyRoutes } from '../modules/surveys/surveys-routes';
import { NoHomePage } from '../modules/units/no-home-page';
import { UnitPage } from '../modules/units/unit-page';
import { UnitsTreePage } from '../modules/units/units-tree-page';
import { ApiError, setUnauthenticatedHandler } from './api';
import { isIsoDate } from './format';
import { queryClient } from './query-client';
import { homePath, meQuery, useMe } from './session';

// Pages most members never open are loaded on demand, keeping the first download small on phones.
const AccountsPage = lazy(() => import('../modules/accounts/accounts-page').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../modules/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const ImportPage = lazy(() => import('../modules/import/import-page').then((m) => ({ default: m.ImportPage })));
// Plans, progress and activities: charts and the rich text editor stay out of the first download.
const DashboardPage = lazy(() =>
  import('../modules/progress/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const PlansPage = lazy(() => import('../modules/plans/plans-page').then((m) => ({ default: m.PlansPage })));
const PlanPage = lazy(() => import('../modules/plans/plan-page').then((m) => ({ default: m.PlanPage })));
const PlanEditPage = lazy(() => import('../modules/plans/plan-edit-page').then((m) => ({ default: m.PlanEditPage })));
const CascadePage = lazy(() => import('../modules/plans/cascade-page').then((m) => ({ default: m.CascadePage })));
const ActivitiesPage = lazy(() =>
  import('../modules/activities/activities-page').then((m) => ({ default: m.ActivitiesPage })),
);
const ActivityPage = lazy(() =>
  import('../modules/activities/activity-page').then((m) => ({ default: m.ActivityPage })),
);
const ActivityFormPage = lazy(() =>
  import('../modules/activities/activity-form-page').then((m) => ({ default: m.ActivityFormPage })),
);
const CalendarPage = lazy(() => import('../modules/calendar/calendar-page').then((m) => ({ default: m.CalendarPage })));
const CheckinPage = lazy(() => import('../modules/activities/checkin-page').then((m) => ({ default: m.CheckinPage })));
const ContestsPage = lazy(() => import('../modules/contests/contests-page').then((m) => ({ default: m.ContestsPage })));
const ContestPage = lazy(() => import('../modules/contests/contest-page').then((m) => ({ default: m.ContestPage })));
const PlayPage = lazy(() => import('../modules/contests/play-page').then((m) => ({ default: m.PlayPage })));
const AttemptResultPage = lazy(() =>
  import('../modules/contests/attempt-result-page').then((m) => ({ default: m.AttemptResultPage })),
);
const ChannelsPage = lazy(() => import('../modules/channels/channels-page').then((m) => ({ default: m.ChannelsPage })));
const NewsListPage = lazy(() => import('../modules/news/news-list-page').then((m) => ({ default: m.NewsListPage })));
const ArticlePage = lazy(() => import('../modules/news/article-page').then((m) => ({ default: m.ArticlePage })));
const PublicContestPage = lazy(() =>
  import('../modules/contests/public-contest-page').then((m) => ({ default: m.PublicContestPage })),
);
const CommunicationPage = lazy(() =>
  import('../modules/communication/communication-page').then((m) => ({ default: m.CommunicationPage })),
);
const NotificationsPage = lazy(() =>
  import('../modules/notifications/notifications-page').then((m) => ({ default: m.NotificationsPage })),
);
const NotificationSettingsPage = lazy(() =>
  import('../modules/notifications/notification-settings-page').then((m) => ({
    default: m.NotificationSettingsPage,
  })),
);
const PublicAttemptPage = lazy(() =>
  import('../modules/contests/public-attempt-page').then((m) => ({ default: m.PublicAttemptPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: ({ context }) => {
    // Signed in earlier in this tab: go home instead of showing the form. The session is never
    // probed from here (GET /api/me would answer 401 on every visit); a sign-in over a live
    // session is handled by useLogin.
    if (context.queryClient.getQueryData(meQuery.queryKey)) throw redirect({ to: '/' });
  },
  component: function LoginRoute() {
    const { redirect: target } = loginRoute.useSearch();
    return <LoginPage redirect={target} />;
  },
});

/** Everything below needs a session; a 401 sends the visitor to /login and back afterwards. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      return { me };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  pendingComponent: LoadingState,
  component: AppLayout,
});

const indexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const home = homePath(context.me);
    if (home?.to === '/units/$unitId') throw redirect({ to: home.to, params: { unitId: home.unitId }, replace: true });
    if (home?.to === '/members/$memberId') {
      throw redirect({ to: home.to, params: { memberId: home.memberId }, replace: true });
    }
  },
  component: NoHomePage,
});

const unitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units',
  validateSearch: (search: Record<string, unknown>): { at?: string } => (isIsoDate(search.at) ? { at: search.at } : {}),
  component: function UnitsRoute() {
    const { at } = unitsRoute.useSearch();
    const navigate = useNavigate({ from: '/units' });
    return <UnitsTreePage at={at} onAtChange={(next) => void navigate({ search: next ? { at: next } : {} })} />;
  },
});

const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$unitId',
  validateSearch: (search: Record<string, unknown>): UnitSearch => parseUnitSearch(search),
  component: function UnitRoute() {
    const { unitId } = unitRoute.useParams();
    const search = unitRoute.useSearch();
    const navigate = useNavigate({ from: '/units/$unitId' });
    return (
      <UnitPage
        key={unitId}
        unitId={Number(unitId)}
        search={search}
        onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
      />
    );
  },
});

const memberCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$unitId/members/new',
  component: function MemberCreateRoute() {
    const { unitId } = memberCreateRoute.useParams();
    return <MemberCreatePage unitId={Number(unitId)} />;
  },
});

const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/units/$unitId/import',
  component: function ImportRoute() {
    const { unitId } = importRoute.useParams();
    return (
      <Suspense fallback={<LoadingState />}>
        <ImportPage unitId={Number(unitId)} />
      </Suspense>
    );
  },
});

const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/members/$memberId',
  component: function MemberRoute() {
    const { memberId } = memberRoute.useParams();
    return <MemberPage key={memberId} memberId={Number(memberId)} />;
  },
});

const accountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/accounts',
  validateSearch: (search: Record<string, unknown>): AccountsSearch => parseAccountsSearch(search),
  component: function AccountsRoute() {
    const search = accountsRoute.useSearch();
    const navigate = useNavigate({ from: '/accounts' });
    return (
      <Suspense fallback={<LoadingState />}>
        <AccountsPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Suspense>
    );
  },
});

const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/audit',
  validateSearch: (search: Record<string, unknown>): AuditSearch => parseAuditSearch(search),
  component: function AuditRoute() {
    const search = auditRoute.useSearch();
    const navigate = useNavigate({ from: '/audit' });
    return (
      <Suspense fallback={<LoadingState />}>
        <AuditPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Suspense>
    );
  },
});

const dashboardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/dashboard',
  validateSearch: (search: Record<string, unknown>): DashboardSearch => parseDashboardSearch(search),
  component: function DashboardRoute() {
    const search = dashboardRoute.useSearch();
    const navigate = useNavigate({ from: '/dashboard' });
    return (
      <Lazy>
        <DashboardPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })}
        />
      </Lazy>
    );
  },
});

const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans',
  validateSearch: (search: Record<string, unknown>): PlansSearch => parsePlansSearch(search),
  component: function PlansRoute() {
    const search = plansRoute.useSearch();
    const navigate = useNavigate({ from: '/plans' });
    return (
      <Lazy>
        <PlansPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$planId',
  validateSearch: (search: Record<string, unknown>): PlanSearch => parsePlanSearch(search),
  component: function PlanRoute() {
    const { planId } = planRoute.useParams();
    const search = planRoute.useSearch();
    const navigate = useNavigate({ from: '/plans/$planId' });
    return (
      <Lazy>
        <PlanPage
          key={planId}
          planId={Number(planId)}
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const planEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$planId/edit',
  component: function PlanEditRoute() {
    const { planId } = planEditRoute.useParams();
    return (
      <Lazy>
        <PlanEditPage key={planId} planId={Number(planId)} />
      </Lazy>
    );
  },
});

const cascadeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/plans/$planId/cascade',
  validateSearch: (search: Record<string, unknown>): CascadeSearch => parseCascadeSearch(search),
  component: function CascadeRoute() {
    const { planId } = cascadeRoute.useParams();
    const search = cascadeRoute.useSearch();
    const navigate = useNavigate({ from: '/plans/$planId/cascade' });
    return (
      <Lazy>
        <CascadePage
          planId={Number(planId)}
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const activitiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities',
  validateSearch: (search: Record<string, unknown>): ActivitiesSearch => parseActivitiesSearch(search),
  component: function ActivitiesRoute() {
    const search = activitiesRoute.useSearch();
    const navigate = useNavigate({ from: '/activities' });
    return (
      <Lazy>
        <ActivitiesPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const activityCreateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/new',
  validateSearch: (search: Record<string, unknown>): { unitId?: number } => {
    const unitId = Number(search.unitId);
    return Number.isInteger(unitId) && unitId > 0 ? { unitId } : {};
  },
  component: function ActivityCreateRoute() {
    const { unitId } = activityCreateRoute.useSearch();
    return (
      <Lazy>
        <ActivityFormPage unitId={unitId} />
      </Lazy>
    );
  },
});

const activityRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$activityId',
  component: function ActivityRoute() {
    const { activityId } = activityRoute.useParams();
    return (
      <Lazy>
        <ActivityPage key={activityId} activityId={Number(activityId)} />
      </Lazy>
    );
  },
});

const activityEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/activities/$activityId/edit',
  component: function ActivityEditRoute() {
    const { activityId } = activityEditRoute.useParams();
    return (
      <Lazy>
        <ActivityFormPage key={activityId} activityId={Number(activityId)} />
      </Lazy>
    );
  },
});

const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/calendar',
  validateSearch: (search: Record<string, unknown>): CalendarSearch => parseCalendarSearch(search),
  component: function CalendarRoute() {
    const search = calendarRoute.useSearch();
    const navigate = useNavigate({ from: '/calendar' });
    return (
      <Lazy>
        <CalendarPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

/** The member-facing check-in page: readable without an account, phone-first, no app frame. */
const checkinRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/checkin/$code',
  component: function CheckinRoute() {
    const { code } = checkinRoute.useParams();
    return (
      <Lazy>
        <CheckinPage code={code} />
      </Lazy>
    );
  },
});

const channelsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/channels',
  validateSearch: (search: Record<string, unknown>): { unitId?: number } => {
    const unitId = Number(search.unitId);
    return Number.isSafeInteger(unitId) && unitId > 0 ? { unitId } : {};
  },
  component: function ChannelsRoute() {
    const { unitId } = channelsRoute.useSearch();
    const me = useMe();
    const navigate = useNavigate({ from: '/channels' });
    return (
      <Lazy>
        <ChannelsPage
          unitId={unitId ?? me.homeUnitIds[0] ?? null}
          onUnitChange={(next) => void navigate({ search: { unitId: next } })}
        />
      </Lazy>
    );
  },
});

const newsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/news',
  validateSearch: (search: Record<string, unknown>): NewsSearch => parseNewsSearch(search),
  component: function NewsRoute() {
    const search = newsRoute.useSearch();
    const navigate = useNavigate({ from: '/news' });
    return (
      <Lazy>
        <NewsListPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const articleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/news/$articleId',
  component: function ArticleRoute() {
    const { articleId } = articleRoute.useParams();
    return (
      <Lazy>
        <ArticlePage key={articleId} articleId={Number(articleId)} />
      </Lazy>
    );
  },
});

const contestsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contests',
  validateSearch: (search: Record<string, unknown>): ContestsSearch => parseContestsSearch(search),
  component: function ContestsRoute() {
    const search = contestsRoute.useSearch();
    const navigate = useNavigate({ from: '/contests' });
    return (
      <Lazy>
        <ContestsPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const contestRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contests/$contestId',
  validateSearch: (search: Record<string, unknown>): ContestSearch => parseContestSearch(search),
  component: function ContestRoute() {
    const { contestId } = contestRoute.useParams();
    const search = contestRoute.useSearch();
    const navigate = useNavigate({ from: '/contests/$contestId' });
    return (
      <Lazy>
        <ContestPage
          key={contestId}
          contestId={Number(contestId)}
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
        />
      </Lazy>
    );
  },
});

const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications',
  validateSearch: (search: Record<string, unknown>): NotificationsSearch => parseNotificationsSearch(search),
  component: function NotificationsRoute() {
    const search = notificationsRoute.useSearch();
    const navigate = useNavigate({ from: '/notifications' });
    return (
      <Lazy>
        <NotificationsPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })}
        />
      </Lazy>
    );
  },
});

const communicationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/communication',
  validateSearch: (search: Record<string, unknown>): CommunicationSearch => parseCommunicationSearch(search),
  component: function CommunicationRoute() {
    const search = communicationRoute.useSearch();
    const navigate = useNavigate({ from: '/communication' });
    return (
      <Lazy>
        <CommunicationPage
          search={search}
          onSearchChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }) })}
        />
      </Lazy>
    );
  },
});

const notificationSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/notifications/settings',
  component: () => (
    <Lazy>
      <NotificationSettingsPage />
    </Lazy>
  ),
});

const attemptResultRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contests/attempts/$attemptId',
  validateSearch: (search: Record<string, unknown>): FromContestSearch => parseFromContestSearch(search),
  component: function AttemptResultRoute() {
    const { attemptId } = attemptResultRoute.useParams();
    const { contestId } = attemptResultRoute.useSearch();
    return (
      <Lazy>
        <AttemptResultPage key={attemptId} attemptId={Number(attemptId)} contestId={contestId} />
      </Lazy>
    );
  },
});

/** Signed in, but without the app frame: the contest player uses the whole phone screen. */
const focusRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'focus',
  beforeLoad: async ({ context, location }) => {
    try {
      const me = await context.queryClient.ensureQueryData(meQuery);
      // A temporary password allows nothing but choosing a new one, which the app frame asks for.
      if (me.account.mustChangePassword) throw redirect({ to: '/' });
      return { me };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        throw redirect({ to: '/login', search: { redirect: location.href } });
      }
      throw error;
    }
  },
  pendingComponent: LoadingState,
  component: Outlet,
});

const playRoute = createRoute({
  getParentRoute: () => focusRoute,
  path: '/contests/rounds/$roundId/play',
  validateSearch: (search: Record<string, unknown>): FromContestSearch => parseFromContestSearch(search),
  component: function PlayRoute() {
    const { roundId } = playRoute.useParams();
    // `?contestId=`: the attempt names its contest once it starts; when it cannot start, this
    // gives the way back and the round's times ("ended at …").
    const { contestId } = playRoute.useSearch();
    return (
      <Lazy>
        <PlayPage key={roundId} roundId={Number(roundId)} place={{ kind: 'app', contestId }} />
      </Lazy>
    );
  },
});

/**
 * A public contest's own pages, for anyone with the link, account or not; no app frame. The
 * session is probed once: a signed-in member plays with their account (and their writes need
 * the CSRF token the probe sets); a 401 only means a visitor.
 */
const publicRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'public',
  beforeLoad: async ({ context }) => {
    if (context.queryClient.getQueryState(meQuery.queryKey)?.status === 'error') return;
    await context.queryClient.ensureQueryData(meQuery).catch(() => null);
  },
  pendingComponent: LoadingState,
  component: Outlet,
});

const publicContestRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/thi/$contestId',
  component: function PublicContestRoute() {
    const { contestId } = publicContestRoute.useParams();
    return (
      <Lazy>
        <PublicContestPage key={contestId} contestId={Number(contestId)} />
      </Lazy>
    );
  },
});

const publicPlayRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/thi/$contestId/vong/$roundId',
  component: function PublicPlayRoute() {
    const { contestId, roundId } = publicPlayRoute.useParams();
    return (
      <Lazy>
        <PlayPage key={roundId} roundId={Number(roundId)} place={{ kind: 'public', contestId: Number(contestId) }} />
      </Lazy>
    );
  },
});

const publicAttemptRoute = createRoute({
  getParentRoute: () => publicRoute,
  path: '/thi/$contestId/luot/$attemptId',
  component: function PublicAttemptRoute() {
    const { contestId, attemptId } = publicAttemptRoute.useParams();
    return (
      <Lazy>
        <PublicAttemptPage key={attemptId} contestId={Number(contestId)} attemptId={Number(attemptId)} />
      </Lazy>
    );
  },
});

const routeTree = rootRoute.addChildren([
  loginRoute,
  checkinRoute,
  focusRoute.addChildren([playRoute]),
  publicRoute.addChildren([
    publicContestRoute,
    publicPlayRoute,
    publicAttemptRoute,
    ...concernPublicRoutes(publicRoute),
  ]),
  appRoute.addChildren([
    indexRoute,
    unitsRoute,
    unitRoute,
    memberCreateRoute,
    importRoute,
    memberRoute,
    accountsRoute,
    auditRoute,
    dashboardRoute,
    plansRoute,
    planRoute,
    planEditRoute,
    cascadeRoute,
    activitiesRoute,
    activityCreateRoute,
    activityRoute,
    activityEditRoute,
    calendarRoute,
    contestsRoute,
    contestRoute,
    ...libraryRoutes(appRoute),
    ...surveyRoutes(appRoute),
    ...infoReportRoutes(appRoute),
    ...concernRoutes(appRoute),
    newsRoute,
    channelsRoute,
    articleRoute,
    attemptResultRoute,
    notificationsRoute,
    notificationSettingsRoute,
    communicationRoute,
  ]),
]);

export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: false,
  defaultPendingMinMs: 0,
  scrollRestoration: true,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}

// A request answered 401 mid-session: forget everything and ask to sign in again.
setUnauthenticatedHandler(() => {
  const { pathname, href } = router.state.location;
  // A public contest's pages work without a session: nothing to forget, nowhere to send anyone.
  if (pathname.startsWith('/thi/')) return;
  queryClient.clear();
  if (pathname === '/login') return;
  void router.navigate({ to: '/login', search: { redirect: href }, replace: true });
});
