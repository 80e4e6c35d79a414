import { z } from 'zod';

/** Where a rule's duty comes from. */
export const BasisSchema = z.strictObject({
  /** Short citation, e.g. "SL 7 kap. 17 §". */
  citation: z.string().min(3).max(160),
  /** Source document, e.g. "Skollagen (2010:800)". */
  source: z.string().min(3).max(200),
  /** Section of shared/domain.md that documents it, e.g. "§1.2". */
  reference: z.string().min(2).max(40),
});
export type Basis = z.infer<typeof BasisSchema>;
