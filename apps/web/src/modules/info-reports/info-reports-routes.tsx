import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { LoadingState } from '../../components/states';

/**
 * Pages of the harmful information reports under the signed-in frame: /info-reports (the
 * member's form and "Tin đã báo của tôi"), /info-reports/inbox (province triage),
 * /info-reports/trend, /info-reports/:id. The shared router only adds them to its tree.
 */

const ReportFormPage = lazy(() => import('./report-form-page').then((m) => ({ default: m.ReportFormPage })));
const InboxPage = lazy(() => import('./inbox-page').then((m) => ({ default: m.InboxPage })));
const TrendPage = lazy(() => import('./trend-page').then((m) => ({ default: m.TrendPage })));
const ReportDetailPage = lazy(() => import('./report-detail-page').then((m) => ({ default: m.ReportDetailPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

export function infoReportRoutes<P extends AnyRoute>(parent: P) {
  const formRoute = createRoute({
    getParentRoute: () => parent,
    path: '/info-reports',
    component: () => (
      <Lazy>
        <ReportFormPage />
      </Lazy>
    ),
  });
  const inboxRoute = createRoute({
    getParentRoute: () => parent,
    path: '/info-reports/inbox',
    component: () => (
      <Lazy>
        <InboxPage />
      </Lazy>
    ),
  });
  const trendRoute = createRoute({
    getParentRoute: () => parent,
    path: '/info-reports/trend',
    component: () => (
      <Lazy>
        <TrendPage />
      </Lazy>
    ),
  });
  const detailRoute = createRoute({
    getParentRoute: () => parent,
    path: '/info-reports/$reportId',
    component: function ReportDetailRoute() {
      const { reportId } = detailRoute.useParams() as { reportId: string };
      return (
        <Lazy>
          <ReportDetailPage key={reportId} reportId={reportId} />
        </Lazy>
      );
    },
  });
  return [formRoute, inboxRoute, trendRoute, detailRoute] as const;
}
