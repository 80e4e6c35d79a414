/**
 * An exact share: `part` of `whole` minutes. Never rounded; thresholds compare
 * `part * 100 > whole * percent` in integers (domain.md §7.2).
 */
export interface Rate {
  readonly part: number;
  readonly whole: number;
}
