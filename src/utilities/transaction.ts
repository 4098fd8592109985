import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

/**
 * Runs `work` in the request's transaction and commits it, or rolls it back when anything
 * throws. A transaction the caller had already opened is left open: it is the caller's to commit.
 */
export async function inTransaction<T>(req: PayloadRequest, work: () => Promise<T>): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const result = await work()
    if (shouldCommit) {
      await commitTransaction(req)
    }
    return result
  } catch (err) {
    await killTransaction(req)
    throw err
  }
}
