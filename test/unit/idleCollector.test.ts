import { describe, expect, test } from '@jest/globals'

import { shouldCollect, startIdleCollector } from '../../src/server/idleCollector'

const MB = 1024 * 1024
const options = { idleMs: 5000, growthBytes: 48 * MB }

describe('idle collector: one full collection when a burst is over', () => {
  test('collects only after requests, once idle, and when the heap grew enough', () => {
    const base = { lastRequestAt: 1_000, requestsSinceCollect: true, heapAfterCollect: 100 * MB }
    expect(shouldCollect(base, 7_000, 200 * MB, options)).toBe(true)
    expect(shouldCollect(base, 4_000, 200 * MB, options)).toBe(false) // still busy
    expect(shouldCollect(base, 7_000, 120 * MB, options)).toBe(false) // little to give back
    expect(shouldCollect({ ...base, requestsSinceCollect: false }, 7_000, 200 * MB, options)).toBe(false) // nothing happened since
  })

  test('a real timer: no collection under traffic, one after it stops, none while idle after that', async () => {
    let heap = 100 * MB
    let calls = 0
    const collector = startIdleCollector({ idleMs: 60, growthBytes: 10 * MB, checkEveryMs: 10, gc: () => ((calls += 1), (heap = 100 * MB)), heapUsed: () => heap })
    try {
      for (let i = 0; i < 10; i++) {
        collector.touch()
        heap += 5 * MB
        await new Promise((r) => setTimeout(r, 10))
      }
      expect(calls).toBe(0)
      await new Promise((r) => setTimeout(r, 200))
      expect({ calls, collections: collector.collections(), heap: heap / MB }).toEqual({ calls: 1, collections: 1, heap: 100 })
      await new Promise((r) => setTimeout(r, 150))
      expect(calls).toBe(1)
    } finally {
      collector.stop()
    }
  })

  test('the real collector frees an idle heap', async () => {
    // Without an injected gc it uses V8's own: garbage made here is gone after the collection.
    let garbage: unknown[] | null = Array.from({ length: 200_000 }, (_, i) => ({ i, s: `item ${i}` }))
    const before = process.memoryUsage().heapUsed
    garbage = null
    const collector = startIdleCollector({ idleMs: 20, growthBytes: 0, checkEveryMs: 10 })
    try {
      collector.touch()
      await new Promise((r) => setTimeout(r, 150))
      expect(collector.collections()).toBe(1)
      expect(process.memoryUsage().heapUsed).toBeLessThan(before)
    } finally {
      collector.stop()
    }
    expect(garbage).toBeNull()
  })
})
