/** The id of a relationship value, populated (an object) or not (the id itself). */
export const idOf = (v: unknown): string | number => (v && typeof v === 'object' ? (v as { id: string | number }).id : (v as string | number))
/** The ids of a relationship list; anything that is not a list (hostile input) has none. */
export const idsOf = (v: unknown): (string | number)[] => (Array.isArray(v) ? v.map(idOf) : [])
