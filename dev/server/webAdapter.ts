import type { IncomingMessage, ServerResponse } from 'node:http'

import { Readable } from 'node:stream'

/** Payload's REST and GraphQL handlers speak web `Request`/`Response`; express speaks Node streams. */
export function toWebRequest(req: IncomingMessage, origin: string, body?: Buffer): Request {
  const headers = new Headers()
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) {
      continue
    }
    if (Array.isArray(value)) {
      for (const v of value) {
        headers.append(key, v)
      }
    } else {
      headers.set(key, value)
    }
  }
  // The client's address as express reads it (TRUST_PROXY decides whether X-Forwarded-For
  // counts); whatever the client sent as X-Real-IP is replaced. The consent log reads it.
  const ip = (req as { ip?: string } & IncomingMessage).ip ?? req.socket?.remoteAddress
  if (ip) {
    headers.set('x-real-ip', ip)
  } else {
    headers.delete('x-real-ip')
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  if (body) {
    headers.set('content-length', String(body.length))
    return new Request(new URL(req.url ?? '/', origin), {
      body: hasBody ? body : undefined,
      headers,
      method,
    } as RequestInit)
  }
  return new Request(new URL(req.url ?? '/', origin), {
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    headers,
    method,
    // Required by undici for streamed request bodies.
    ...(hasBody ? { duplex: 'half' } : {}),
  })
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  const setCookies = response.headers.getSetCookie()
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') {
      res.setHeader(key, value)
    }
  })
  if (setCookies.length) {
    res.setHeader('set-cookie', setCookies)
  }
  if (!response.body) {
    res.end()
    return
  }
  // API answers are sent at once, with a Content-Length; downloads (the exports, sent as
  // attachments) are streamed chunk by chunk with the socket's backpressure, so memory stays flat.
  if (!/^attachment/i.test(response.headers.get('content-disposition') ?? '')) {
    res.end(Buffer.from(await response.arrayBuffer()))
    return
  }
  const reader = response.body.getReader()
  res.on('close', () => void reader.cancel().catch(() => undefined))
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) {
        break
      }
      if (!res.write(value)) {
        await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve))
      }
      if (res.destroyed) {
        return
      }
    }
    res.end()
  } catch (err) {
    // Headers are gone already: all that is left is to cut the response short.
    res.destroy(err as Error)
  }
}
