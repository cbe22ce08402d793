import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MarkdownDocument } from '@/components/MarkdownDocument';
import '@/components/options/options.css';
import privacy from '../../PRIVACY.md?raw';

/** PRIVACY.md, shipped inside the extension so the options page and the popup can link to it offline. */
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <MarkdownDocument source={privacy} />
    </main>
  </StrictMode>,
);
