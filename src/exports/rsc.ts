/** The plugin's admin components (server side), referenced from the config. */
export { ReviewQueue } from '../admin/ReviewQueue.js'
