/** The id of a relationship value, populated (an object) or not (the id itself). */
export const idOf = (v: unknown): number | string =>
  v && typeof v === 'object' ? (v as { id: number | string }).id : (v as number | string)
/** The ids of a relationship list; anything that is not a list (hostile input) has none. */
export const idsOf = (v: unknown): (number | string)[] => (Array.isArray(v) ? v.map(idOf) : [])
