import config from '@payload-config'
import { legalDeliveryRoutes } from 'payload-plugin-legal-documents/next'

export const { DELETE, GET, OPTIONS, PATCH, POST, PUT } = legalDeliveryRoutes(config)
