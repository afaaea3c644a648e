import { QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { BrowserRouter } from 'react-router';
import { ChatConnectionProvider } from '../modules/chat/components/chat-connection-provider';
import { AppRoutes } from './app-routes';
import { createQueryClient } from './query-client';

export function App() {
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <ChatConnectionProvider>
          <AppRoutes />
        </ChatConnectionProvider>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
