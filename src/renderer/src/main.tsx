import '@cloudscape-design/global-styles/index.css';
import './app/app.css';
import './app/theme/high-contrast.css';
import I18nProvider from '@cloudscape-design/components/i18n';
// Cloudscape's own labels (split panel, input clear buttons, resize handles): without them those controls have no accessible name.
import enMessages from '@cloudscape-design/components/i18n/messages/all.en';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app/app';
import { queryClient } from './state/query-client';
import { connectServerState } from './state/server-sync';

connectServerState(queryClient, api);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <I18nProvider locale="en" messages={[enMessages]}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </I18nProvider>
  </StrictMode>,
);
