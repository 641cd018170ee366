import { type AnyRoute, createRoute } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { LoadingState } from '../../components/states';

/**
 * Survey pages under the signed-in frame: /surveys, /surveys/new, /surveys/:id (answer, manage),
 * /surveys/:id/edit, /surveys/:id/results. The shared router only adds them to its tree.
 */

const SurveyListPage = lazy(() => import('./survey-list-page').then((m) => ({ default: m.SurveyListPage })));
const SurveyPage = lazy(() => import('./survey-page').then((m) => ({ default: m.SurveyPage })));
const SurveyFormPage = lazy(() => import('./survey-form-page').then((m) => ({ default: m.SurveyFormPage })));
const SurveyResultsPage = lazy(() => import('./survey-results-page').then((m) => ({ default: m.SurveyResultsPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

export function surveyRoutes<P extends AnyRoute>(parent: P) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: '/surveys',
    component: () => (
      <Lazy>
        <SurveyListPage />
      </Lazy>
    ),
  });
  const create = createRoute({
    getParentRoute: () => parent,
    path: '/surveys/new',
    component: () => (
      <Lazy>
        <SurveyFormPage surveyId={null} />
      </Lazy>
    ),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: '/surveys/$surveyId',
    component: function SurveyRoute() {
      const { surveyId } = one.useParams() as { surveyId: string };
      return (
        <Lazy>
          <SurveyPage key={surveyId} surveyId={Number(surveyId)} />
        </Lazy>
      );
    },
  });
  const edit = createRoute({
    getParentRoute: () => parent,
    path: '/surveys/$surveyId/edit',
    component: function SurveyEditRoute() {
      const { surveyId } = edit.useParams() as { surveyId: string };
      return (
        <Lazy>
          <SurveyFormPage key={surveyId} surveyId={Number(surveyId)} />
        </Lazy>
      );
    },
  });
  const results = createRoute({
    getParentRoute: () => parent,
    path: '/surveys/$surveyId/results',
    component: function SurveyResultsRoute() {
      const { surveyId } = results.useParams() as { surveyId: string };
      return (
        <Lazy>
          <SurveyResultsPage key={surveyId} surveyId={Number(surveyId)} />
        </Lazy>
      );
    },
  });
  return [list, create, one, edit, results] as const;
}
