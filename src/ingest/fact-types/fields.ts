import { z } from 'zod';

/** Fields every fact type uses. */
export const evidence = z.string().min(2, 'evidence must quote the article');
export const name = z.string().trim().min(1);
