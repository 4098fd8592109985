import { createHmac } from 'node:crypto'
import { isIPv4, isIPv6 } from 'node:net'

/** An IPv4-mapped IPv6 address (`::ffff:203.0.113.7`) is the IPv4 address it carries. */
function unmap(ip: string): string {
  const m = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  return m ? m[1] : ip
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded; a trailing dotted IPv4 part converted). */
function ipv6Groups(ip: string): number[] {
  let address = ip.replace(/%.*$/, '')
  const v4 = /(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address)
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number) as [number, number, number, number]
    address = `${address.slice(0, -v4[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0')
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16))
}

/**
 * The address with its host part removed: IPv4 to its /24 (`203.0.113.0`), IPv6 to its /48
 * (`2001:db8:85a3::`). What is left names a network, not a device. Null for anything that is
 * not an IP address.
 */
export function truncateIp(raw: null | string | undefined): null | string {
  if (!raw) {
    return null
  }
  const ip = unmap(raw.trim())
  if (isIPv4(ip)) {
    return `${ip.split('.').slice(0, 3).join('.')}.0`
  }
  if (isIPv6(ip)) {
    const groups = ipv6Groups(ip)
    return `${groups
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(':')}::`
  }
  return null
}

/** HMAC-SHA256 of the full address under the host's key (hex), or null without a key or an address. */
export function hashIp(raw: null | string | undefined, key: null | string): null | string {
  if (!raw || !key) {
    return null
  }
  const ip = unmap(raw.trim())
  if (!isIPv4(ip) && !isIPv6(ip)) {
    return null
  }
  return createHmac('sha256', key).update(ip.toLowerCase()).digest('hex')
}
