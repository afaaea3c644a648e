import { I18nProvider } from '@lingui/react';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { i18n } from '../shared/i18n/i18n';
import { AppRoutes } from './app-routes';
import { LanguageSync } from './language-sync';
import { createQueryClient } from './query-client';
import { SessionRealtime } from './session-realtime';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <LanguageSync />
        <BrowserRouter>
          <SessionRealtime>
            <AppRoutes />
          </SessionRealtime>
        </BrowserRouter>
      </QueryClientProvider>
    </I18nProvider>
  );
}
