// Runs kinesalite (in memory) on 127.0.0.1 only: its own CLI has no host option and binds every interface.
// Usage: node kinesalite-loopback.js <node_modules dir> <port>
'use strict'

const path = require('path')

const [modulesDir, portText] = process.argv.slice(2)
const port = Number(portText)
if (!modulesDir || !Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node kinesalite-loopback.js <node_modules dir> <port>')
  process.exit(2)
}

const kinesalite = require(path.join(modulesDir, 'kinesalite'))

// Short CREATING/DELETING/UPDATING phases keep tests quick; clients still have to wait for ACTIVE.
const server = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 50 })

server.on('error', (error) => {
  console.error('kinesalite: ' + error.message)
  process.exit(1)
})

server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  console.log('kinesalite listening at http://' + address.address + ':' + address.port)
})

process.on('SIGTERM', () => server.close(() => process.exit(0)))
