/** The plugin's admin components (server side), referenced from the config. */
export { EntityAccessNote } from '../admin/EntityAccessNote.js'
export { ReviewQueue } from '../admin/ReviewQueue.js'
