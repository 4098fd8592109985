import { describe, expect, test } from '@jest/globals'

import { readPluginOptions, resolveOptions } from '../../../src/options'

describe('readPluginOptions: the options under both definePlugin shapes', () => {
  const options = {
    fourEyes: false,
    usersCollection: 'staff',
    webhooks: { urls: ['https://hooks.example/x'] },
  }

  test('Payload 3 spreads the options beside config and plugins', () => {
    expect(readPluginOptions({ plugins: {}, ...options })).toEqual(options)
  })

  test('Payload 4 passes them as one `options` argument', () => {
    expect(readPluginOptions({ options, plugins: {} })).toEqual(options)
  })

  test('no options at all, under either shape, resolves to the defaults', () => {
    const defaults = resolveOptions({})
    expect(resolveOptions(readPluginOptions({ plugins: {} }))).toEqual(defaults)
    expect(resolveOptions(readPluginOptions({ options: undefined, plugins: {} }))).toEqual(defaults)
    expect(defaults).toMatchObject({
      disabled: false,
      fourEyes: true,
      overrides: {},
      usersCollection: 'users',
    })
  })

  test('unknown keys spread in by Payload (plugins, anything new) are not taken for options', () => {
    expect(readPluginOptions({ disabled: true, plugins: { other: {} }, somethingNew: 1 })).toEqual({
      disabled: true,
    })
  })
})
