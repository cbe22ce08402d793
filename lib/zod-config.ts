import { z } from 'zod';

// Extension pages and workers forbid eval (MV3 CSP): make zod parse without compiling code at run time.
z.config({ jitless: true });
