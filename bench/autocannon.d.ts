/** The part of autocannon's programmatic API the benchmark uses (the package ships no types). */
declare module 'autocannon' {
  type Histogram = {
    average: number
    max: number
    mean: number
    min: number
    p50: number
    p90: number
    p97_5: number
    p99: number
    p99_9: number
    stddev: number
  }
  export type Options = {
    body?: Buffer | string
    connections?: number
    duration?: number
    headers?: Record<string, string>
    method?: string
    pipelining?: number
    timeout?: number
    url: string
  }
  export type Result = {
    '2xx': number
    duration: number
    errors: number
    latency: Histogram
    non2xx: number
    requests: Histogram
    statusCodeStats: Record<string, { count: number }>
    throughput: Histogram
    timeouts: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
