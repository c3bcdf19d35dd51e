import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/ReportApp';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { STRINGS } from '@/lib/i18n';
import '@/components/panel.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary title={STRINGS[localStorage.getItem('da06.locale') === 'en' ? 'en' : 'vi'].reportFailed}>
      <ReportApp />
    </ErrorBoundary>
  </StrictMode>,
);
