import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App.tsx';
import { AnnouncerProvider } from './lib/announcer.tsx';
import { SessionProvider } from './lib/session.tsx';
import { useFrenchValidationMessages } from './shared.ts';
import './styles.css';

// The same French zod messages as the server, so client-side and server-side errors read alike.
useFrenchValidationMessages();

const root = document.getElementById('root');
if (!root) throw new Error('#root manquant');
createRoot(root).render(
  <StrictMode>
    <BrowserRouter>
      <AnnouncerProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </AnnouncerProvider>
    </BrowserRouter>
  </StrictMode>,
);
