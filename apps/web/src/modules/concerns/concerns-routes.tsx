import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { LoadingState } from '../../components/states';

/**
 * Pages of concerns under the signed-in frame: /y-kien (form and "Ý kiến của tôi"),
 * /y-kien/cua-toi/:id, /y-kien/xu-ly (handlers' inbox), /y-kien/xu-ly/:id, /y-kien/so-lieu
 * (figures); and the public tracking page /gop-y/theo-doi (no sign-in).
 */

const ConcernFormPage = lazy(() => import('./concern-form-page').then((m) => ({ default: m.ConcernFormPage })));
const MyConcernPage = lazy(() => import('./my-concerns-page').then((m) => ({ default: m.MyConcernPage })));
const ConcernInboxPage = lazy(() => import('./inbox-page').then((m) => ({ default: m.ConcernInboxPage })));
const ConcernHandlerPage = lazy(() => import('./handler-page').then((m) => ({ default: m.ConcernHandlerPage })));
const TrackConcernPage = lazy(() => import('./track-page').then((m) => ({ default: m.TrackConcernPage })));
const FiguresPage = lazy(() =>
  import('../voice-figures/figures-page').then((m) => ({ default: m.ConcernFiguresPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

export function concernRoutes<P extends AnyRoute>(parent: P) {
  const formRoute = createRoute({
    getParentRoute: () => parent,
    path: '/y-kien',
    component: () => (
      <Lazy>
        <ConcernFormPage />
      </Lazy>
    ),
  });
  const mineRoute = createRoute({
    getParentRoute: () => parent,
    path: '/y-kien/cua-toi/$concernId',
    component: function MyConcernRoute() {
      const { concernId } = mineRoute.useParams() as { concernId: string };
      return (
        <Lazy>
          <MyConcernPage key={concernId} concernId={concernId} />
        </Lazy>
      );
    },
  });
  const inboxRoute = createRoute({
    getParentRoute: () => parent,
    path: '/y-kien/xu-ly',
    component: () => (
      <Lazy>
        <ConcernInboxPage />
      </Lazy>
    ),
  });
  const handleRoute = createRoute({
    getParentRoute: () => parent,
    path: '/y-kien/xu-ly/$concernId',
    component: function HandleRoute() {
      const { concernId } = handleRoute.useParams() as { concernId: string };
      return (
        <Lazy>
          <ConcernHandlerPage key={concernId} concernId={concernId} />
        </Lazy>
      );
    },
  });
  const figuresRoute = createRoute({
    getParentRoute: () => parent,
    path: '/y-kien/so-lieu',
    component: () => (
      <Lazy>
        <FiguresPage />
      </Lazy>
    ),
  });
  return [formRoute, mineRoute, inboxRoute, handleRoute, figuresRoute] as const;
}

export function concernPublicRoutes<P extends AnyRoute>(parent: P) {
  const trackRoute = createRoute({
    getParentRoute: () => parent,
    path: '/gop-y/theo-doi',
    component: () => (
      <Lazy>
        <TrackConcernPage />
      </Lazy>
    ),
  });
  return [trackRoute] as const;
}
