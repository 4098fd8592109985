// The ceiling, case (d): a bare node:http server sending the delivery endpoint's exact bytes and
// headers from memory for every request. Argument: a JSON file { headers: [k, v, ...], bodyFile }.
// Prints its port on stdout.
import http from 'node:http'
import { readFileSync } from 'node:fs'

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'))
const body = readFileSync(spec.bodyFile)
const server = http.createServer((_req, res) => {
  res.writeHead(200, spec.headers)
  res.end(body)
})
server.listen(0, '127.0.0.1', () => console.log(String(server.address().port)))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
