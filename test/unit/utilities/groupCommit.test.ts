import { describe, expect, test } from '@jest/globals'

import { GroupCommitQueue } from '../../../src/utilities/groupCommit'

/** A writer whose calls finish only when the test says so. */
function gatedWriter(fail: (item: number) => boolean = () => false) {
  const calls: { finish: () => void; group: number[] }[] = []
  let open = 0
  let mostOpen = 0
  const write = (group: number[]) =>
    new Promise<string[]>((resolve, reject) => {
      open++
      mostOpen = Math.max(mostOpen, open)
      calls.push({
        finish: () => {
          open--
          if (group.some(fail)) {
            reject(new Error(`bad item in ${group.join(',')}`))
          } else {
            resolve(group.map((i) => `ok ${i}`))
          }
        },
        group,
      })
    })
  return { calls, mostOpen: () => mostOpen, write }
}

const tick = () => new Promise((r) => setImmediate(r))

describe('GroupCommitQueue', () => {
  test('items arriving while a group is written go together in the next one, each answered only after its write returned', async () => {
    const w = gatedWriter()
    const queue = new GroupCommitQueue(w.write, 100)
    const settled: string[] = []
    const first = queue.enqueue(1).then((r) => settled.push(r))
    const later = [2, 3, 4].map((i) => queue.enqueue(i).then((r) => settled.push(r)))
    await tick()
    expect(w.calls.map((c) => c.group)).toEqual([[1]])
    w.calls[0].finish()
    await first
    expect(settled).toEqual(['ok 1'])
    await tick()
    expect(w.calls.map((c) => c.group)).toEqual([[1], [2, 3, 4]])
    expect(settled).toEqual(['ok 1'])
    w.calls[1].finish()
    await Promise.all(later)
    expect(settled).toEqual(['ok 1', 'ok 2', 'ok 3', 'ok 4'])
  })

  test('at most `concurrency` groups at once, and at most `maxGroup` items in one', async () => {
    const w = gatedWriter()
    const queue = new GroupCommitQueue(w.write, 2, 2)
    const all = [1, 2, 3, 4, 5, 6, 7].map((i) => queue.enqueue(i))
    await tick()
    expect(w.calls.map((c) => c.group)).toEqual([[1], [2]])
    for (let round = 0; w.calls.length && round < 10; round++) {
      for (const c of w.calls) {
        expect(c.group.length).toBeLessThanOrEqual(2)
      }
      w.calls.splice(0).forEach((c) => c.finish())
      await tick()
      await tick()
    }
    expect(await Promise.all(all)).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `ok ${i}`))
    expect(w.mostOpen()).toBe(2)
  })

  test('a group that fails is written again item by item: only the bad item fails', async () => {
    const w = gatedWriter((i) => i === 3)
    const queue = new GroupCommitQueue(w.write, 100)
    const first = queue.enqueue(1)
    const rest = [2, 3, 4].map((i) =>
      queue.enqueue(i).then(
        (r) => r,
        (err: Error) => err.message,
      ),
    )
    await tick()
    w.calls[0].finish()
    await first
    // The group [2, 3, 4] fails; then 2, 3 and 4 are written one at a time.
    for (let next = 1; next <= 4; next++) {
      await tick()
      w.calls[next].finish()
    }
    expect(await Promise.all(rest)).toEqual(['ok 2', 'bad item in 3', 'ok 4'])
    expect(w.calls.slice(1).map((c) => c.group)).toEqual([[2, 3, 4], [2], [3], [4]])
  })
})
