import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/ReportApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { STRINGS } from '@/lib/i18n';
import { storedLocale } from '@/components/locale';
import '@/components/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary title={STRINGS[storedLocale()].reportFailed}>
      <ReportApp />
    </ErrorBoundary>
  </StrictMode>,
);
