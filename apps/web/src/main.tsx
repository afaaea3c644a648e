import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { activateLocale } from './shared/i18n/i18n';
import { pickLocale } from './shared/i18n/locales';
import { readDeviceLanguage } from './shared/i18n/visitor-language';
import './shared/ui/theme.css';
import './shared/ui/components.css';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

// The first paint is already in the right language: this device's last choice, else the
// browser's. A signed-in member's stored setting, when it differs, follows once the session
// has loaded (LanguageSync).
const initialLocale = pickLocale({ member: null, visitor: readDeviceLanguage(), browser: navigator.languages });

// If the catalog cannot load, Kindred is unreachable anyway; render so the page can say so.
void activateLocale(initialLocale)
  .catch(() => undefined)
  .then(() => {
    createRoot(container).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
