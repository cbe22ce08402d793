// When the popup's own code starts (npm run bench splits the popup's opening time with it).
performance.mark('pgs:popup-script');

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PopupApp } from '@/components/popup/PopupApp';
import '@/components/popup/popup.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PopupApp />
  </StrictMode>,
);
