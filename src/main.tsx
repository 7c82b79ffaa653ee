import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n, i18nReady } from './i18n';
import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { App } from './ui/app/App';

// A Chinese page waits for its catalog (one small fetch) rather than flashing English first.
void i18nReady.finally(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App />
      </I18nextProvider>
    </StrictMode>,
  ),
);
