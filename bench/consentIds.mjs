/**
 * The consent benchmark's records (bench/consentsDataset.ts loads them, bench/consentLoad.mjs
 * looks them up): record n has a version-4 UUID made from n, scattered over the key space by a
 * multiplication modulo 2^48 (odd multiplier: one UUID per n), as random UUIDs are in a real log.
 */

/** Calendar months of records up to the current one: with 24 months of retention, the oldest is wholly expired. */
export const DATASET_MONTHS = 26

const SPREAD = 0x5deece66dn
const MASK = (1n << 48n) - 1n

/**
 * @param {number} n
 * @returns {string}
 */
export function benchConsentId(n) {
  const h = ((BigInt(n) * SPREAD) & MASK).toString(16).padStart(12, '0')
  const m = (n % 4096).toString(16).padStart(3, '0')
  return `0b5e1c00-0000-4${m}-8000-${h}`
}
