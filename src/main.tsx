import '@cloudscape-design/global-styles/index.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createQueryClient, ServicesProvider } from './ui/hooks/services';
import { pages } from './ui/pages';
import { App } from './ui/shell/App';

const queryClient = createQueryClient();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <ServicesProvider>
        <App pages={pages} />
      </ServicesProvider>
    </QueryClientProvider>
  </StrictMode>,
);
