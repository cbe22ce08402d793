import { z } from 'zod';

/** Why a Greenhouse person matched a Pin candidate. */
export const matchReasonSchema = z.enum(['email', 'LinkedIn']);
