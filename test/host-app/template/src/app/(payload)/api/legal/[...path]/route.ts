import config from '@payload-config'
import { legalDeliveryRoutes } from 'payload-plugin-legal-documents/next'

export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = legalDeliveryRoutes(config)
