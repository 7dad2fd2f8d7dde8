// Self-hosted Noto Sans JP: Japanese renders the same on every office PC and kiosk,
// and only the character subsets a page uses are downloaded (unicode-range).
import '@fontsource/noto-sans-jp/400.css';
import '@fontsource/noto-sans-jp/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
