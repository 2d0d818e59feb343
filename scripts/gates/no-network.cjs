// Preload (`NODE_OPTIONS="--require scripts/gates/no-network.cjs"`) that makes every network call from Node
// to anything but this machine throw. The build must make none: editors build offline, and CI must not
// depend on what another server says. Every attempt is also appended to $NO_NETWORK_LOG, so a build that
// swallows the error (a try/catch around a fetch) is still caught.
'use strict';
const net = require('node:net');
const dns = require('node:dns');
const fs = require('node:fs');

const LOOPBACK_NAMES = new Set(['localhost', 'localhost.', '']);

function isLoopback(host) {
  if (host === undefined || host === null) return true; // net defaults to localhost
  const name = String(host).toLowerCase().replace(/^\[|\]$/g, '');
  if (LOOPBACK_NAMES.has(name) || name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(name) || /^::ffff:127\.\d+\.\d+\.\d+$/.test(name)) return true;
  return false;
}

function refuse(what) {
  const message = `no-network: blocked ${what} (the build must not use the network)`;
  if (process.env.NO_NETWORK_LOG) {
    try {
      fs.appendFileSync(process.env.NO_NETWORK_LOG, `${process.pid} ${what}\n`);
    } catch {}
  }
  const error = new Error(message);
  error.code = 'ENETUNREACH';
  throw error;
}

// http, https, tls, fetch (undici) and raw sockets all end in Socket#connect.
const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  let options = args[0];
  if (Array.isArray(options)) options = options[0]; // internal normalized form [options, callback]
  if (options !== null && typeof options === 'object') {
    if (options.path === undefined && !isLoopback(options.host)) refuse(`connection to ${options.host}:${options.port}`);
  } else if (typeof options === 'number' || (typeof options === 'string' && /^\d+$/.test(options))) {
    if (!isLoopback(args[1])) refuse(`connection to ${args[1]}:${options}`);
  }
  return originalConnect.apply(this, args);
};

// Name lookups are network traffic too (to the resolver), whatever is done with the answer.
function guardLookup(original, label) {
  return function guarded(hostname, ...rest) {
    if (!isLoopback(hostname)) refuse(`${label}(${hostname})`);
    return original.call(this, hostname, ...rest);
  };
}
dns.lookup = guardLookup(dns.lookup, 'dns.lookup');
dns.promises.lookup = guardLookup(dns.promises.lookup, 'dns.promises.lookup');
for (const method of Object.keys(dns)) {
  if (/^resolve/.test(method) && typeof dns[method] === 'function') dns[method] = guardLookup(dns[method], `dns.${method}`);
}
for (const method of Object.keys(dns.promises)) {
  if (/^resolve/.test(method) && typeof dns.promises[method] === 'function') {
    dns.promises[method] = guardLookup(dns.promises[method], `dns.promises.${method}`);
  }
}
for (const Resolver of [dns.Resolver, dns.promises.Resolver]) {
  for (const method of Object.getOwnPropertyNames(Resolver.prototype)) {
    if (/^resolve/.test(method)) Resolver.prototype[method] = guardLookup(Resolver.prototype[method], `Resolver.${method}`);
  }
}
