import { type AnyRoute, createRoute, useNavigate } from '@tanstack/react-router';
import { lazy, type ReactNode, Suspense } from 'react';
import { LoadingState } from '../../components/states';
import {
  type LibrarySearch,
  type NewAssignmentSearch,
  parseLibrarySearch,
  parseNewAssignmentSearch,
  parseStudySearch,
  type StudySearch,
} from './library-search';

/**
 * The library's pages under the signed-in frame: /library (search), /library/new,
 * /library/:id, /library/:id/edit, /study ("Tài liệu cần học" and assignments given),
 * /study/new, /study/:id. Kept here so the shared router file only adds them to its tree.
 */

const LibraryPage = lazy(() => import('./library-page').then((m) => ({ default: m.LibraryPage })));
const DocumentPage = lazy(() => import('./document-page').then((m) => ({ default: m.DocumentPage })));
const DocumentFormPage = lazy(() => import('./document-form-page').then((m) => ({ default: m.DocumentFormPage })));
const StudyPage = lazy(() => import('./study-page').then((m) => ({ default: m.StudyPage })));
const AssignmentPage = lazy(() => import('./assignment-page').then((m) => ({ default: m.AssignmentPage })));
const AssignmentFormPage = lazy(() =>
  import('./assignment-form-page').then((m) => ({ default: m.AssignmentFormPage })),
);

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

export function libraryRoutes<P extends AnyRoute>(parent: P) {
  const libraryRoute = createRoute({
    getParentRoute: () => parent,
    path: '/library',
    validateSearch: (search: Record<string, unknown>): LibrarySearch => parseLibrarySearch(search),
    component: function LibraryRoute() {
      const search = libraryRoute.useSearch() as LibrarySearch;
      const navigate = useNavigate();
      return (
        <Lazy>
          <LibraryPage
            search={search}
            onSearchChange={(patch) =>
              void navigate({ to: '/library', search: { ...search, ...patch } as never, replace: true })
            }
          />
        </Lazy>
      );
    },
  });
  const documentCreateRoute = createRoute({
    getParentRoute: () => parent,
    path: '/library/new',
    component: () => (
      <Lazy>
        <DocumentFormPage documentId={null} />
      </Lazy>
    ),
  });
  const documentRoute = createRoute({
    getParentRoute: () => parent,
    path: '/library/$documentId',
    component: function DocumentRoute() {
      const { documentId } = documentRoute.useParams() as { documentId: string };
      return (
        <Lazy>
          <DocumentPage key={documentId} documentId={Number(documentId)} />
        </Lazy>
      );
    },
  });
  const documentEditRoute = createRoute({
    getParentRoute: () => parent,
    path: '/library/$documentId/edit',
    component: function DocumentEditRoute() {
      const { documentId } = documentEditRoute.useParams() as { documentId: string };
      return (
        <Lazy>
          <DocumentFormPage key={documentId} documentId={Number(documentId)} />
        </Lazy>
      );
    },
  });
  const studyRoute = createRoute({
    getParentRoute: () => parent,
    path: '/study',
    validateSearch: (search: Record<string, unknown>): StudySearch => parseStudySearch(search),
    component: function StudyRoute() {
      const search = studyRoute.useSearch() as StudySearch;
      const navigate = useNavigate();
      return (
        <Lazy>
          <StudyPage
            search={search}
            onSearchChange={(patch) =>
              void navigate({ to: '/study', search: { ...search, ...patch } as never, replace: true })
            }
          />
        </Lazy>
      );
    },
  });
  const assignmentCreateRoute = createRoute({
    getParentRoute: () => parent,
    path: '/study/new',
    validateSearch: (search: Record<string, unknown>): NewAssignmentSearch => parseNewAssignmentSearch(search),
    component: function AssignmentCreateRoute() {
      const search = assignmentCreateRoute.useSearch() as NewAssignmentSearch;
      return (
        <Lazy>
          <AssignmentFormPage documentId={search.documentId} />
        </Lazy>
      );
    },
  });
  const assignmentRoute = createRoute({
    getParentRoute: () => parent,
    path: '/study/$assignmentId',
    component: function AssignmentRoute() {
      const { assignmentId } = assignmentRoute.useParams() as { assignmentId: string };
      return (
        <Lazy>
          <AssignmentPage key={assignmentId} assignmentId={Number(assignmentId)} />
        </Lazy>
      );
    },
  });
  return [
    libraryRoute,
    documentCreateRoute,
    documentRoute,
    documentEditRoute,
    studyRoute,
    assignmentCreateRoute,
    assignmentRoute,
  ] as const;
}
