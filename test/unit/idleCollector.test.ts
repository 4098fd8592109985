import { describe, expect, test } from '@jest/globals'

import { shouldCollect, startIdleCollector } from '../../dev/server/idleCollector'

const MB = 1024 * 1024
const options = { growthBytes: 48 * MB, idleMs: 5000 }

describe('idle collector: one full collection when a burst is over', () => {
  test('collects only after requests, once idle, and when the heap grew enough', () => {
    const base = { heapAfterCollect: 100 * MB, lastRequestAt: 1_000, requestsSinceCollect: true }
    expect(shouldCollect(base, 7_000, 200 * MB, options)).toBe(true)
    expect(shouldCollect(base, 4_000, 200 * MB, options)).toBe(false) // still busy
    expect(shouldCollect(base, 7_000, 120 * MB, options)).toBe(false) // little to give back
    expect(shouldCollect({ ...base, requestsSinceCollect: false }, 7_000, 200 * MB, options)).toBe(
      false,
    ) // nothing happened since
  })

  test('a real timer: no collection under traffic, one after it stops, none while idle after that', async () => {
    let heap = 100 * MB
    let calls = 0
    const idleMs = 400
    const collector = startIdleCollector({
      checkEveryMs: 10,
      gc: () => ((calls += 1), (heap = 100 * MB)),
      growthBytes: 10 * MB,
      heapUsed: () => heap,
      idleMs,
    })
    const until = async (done: () => boolean) => {
      for (let waited = 0; !done() && waited < 10_000; waited += 10) {
        await new Promise((r) => setTimeout(r, 10))
      }
    }
    try {
      for (let i = 0; i < 10; i++) {
        collector.touch()
        heap += 5 * MB
        await new Promise((r) => setTimeout(r, 10))
      }
      expect(calls).toBe(0)
      await until(() => calls > 0)
      expect({ calls, collections: collector.collections(), heap: heap / MB }).toEqual({
        calls: 1,
        collections: 1,
        heap: 100,
      })
      await new Promise((r) => setTimeout(r, 2 * idleMs))
      expect(calls).toBe(1)
    } finally {
      collector.stop()
    }
  })

  test('the real collector frees an idle heap', async () => {
    // Without an injected gc it uses V8's own. The collector starts before the garbage is made,
    // so the growth it looks for is this garbage; polled, not timed, so a busy machine only waits.
    const collector = startIdleCollector({ checkEveryMs: 10, growthBytes: 1024 * 1024, idleMs: 20 })
    try {
      let garbage: null | unknown[] = Array.from({ length: 300_000 }, (_, i) => ({
        i,
        s: `item ${i}`,
      }))
      const before = process.memoryUsage().heapUsed
      expect(garbage.length).toBe(300_000)
      garbage = null
      collector.touch()
      for (let waited = 0; collector.collections() === 0 && waited < 10_000; waited += 20) {
        await new Promise((r) => setTimeout(r, 20))
      }
      expect(collector.collections()).toBe(1)
      expect(process.memoryUsage().heapUsed).toBeLessThan(before)
    } finally {
      collector.stop()
    }
  })
})
