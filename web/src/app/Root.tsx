// The whole cabinet as one element, the same in the browser (main.tsx) and when a page is prerendered on
// the server (entry-server.tsx): hydration needs both trees to match.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { Router } from 'wouter';
import { ApiError } from '../api/client';
import { App } from './App';

export function createQueryClient({ server = false } = {}) {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A refusal will not change by asking again; a lost connection might. A page being prerendered
        // does not wait: what failed is left to the browser.
        retry: (count, error) =>
          !server && count < 2 && (!(error instanceof ApiError) || error.status === 0 || error.status >= 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}

/** `ssrPath`/`ssrSearch`: the page's address when rendering on the server (the browser's own otherwise). */
export function Root({ client, ssrPath, ssrSearch }: { client: QueryClient; ssrPath?: string; ssrSearch?: string }) {
  return (
    <StrictMode>
      <QueryClientProvider client={client}>
        <Router ssrPath={ssrPath} ssrSearch={ssrSearch}>
          <App />
        </Router>
      </QueryClientProvider>
    </StrictMode>
  );
}
