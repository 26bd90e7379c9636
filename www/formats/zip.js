// A small ZIP writer: several files in one download (brat's .txt, .ann and annotation.conf), with
// no dependency and no build step.
//
// Why our own: the page ships as plain ES modules; a zip library would be the only third-party
// code in it. What a zip needs is small: per file a local header, the data, and at the end a
// central directory and its end record (the format of PKWARE's APPNOTE: little-endian fields,
// CRC-32 of the uncompressed bytes, sizes, a DOS date and time). Names are UTF-8 (flag bit 11).
// Each entry is deflated with CompressionStream('deflate-raw') where the runtime has it and that
// makes it smaller; otherwise it is stored as it is (method 0), which every unzip reads too.
// Trade-offs: no ZIP64 (entries and the archive stay under 4 GB, far above any dispatch), no
// encryption, no extra fields; files are built in memory.

const encoder = new TextEncoder();

/** CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), table built once. */
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** @param {Uint8Array} bytes @returns {number} the CRC-32 as an unsigned 32-bit number */
export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Raw deflate of `bytes`, or null where the runtime has no CompressionStream('deflate-raw'). */
export async function deflateRaw(/** @type {Uint8Array} */ bytes) {
  let cs;
  try {
    cs = new CompressionStream(/** @type {any} */ ('deflate-raw'));
  } catch {
    return null;
  }
  const out = new Response(new Blob([bytes]).stream().pipeThrough(cs)).arrayBuffer();
  return new Uint8Array(await out);
}

/** DOS time and date fields of `d` (local time; 2-second resolution; years 1980-2107). */
function dosDateTime(/** @type {Date} */ d) {
  const year = Math.min(2107, Math.max(1980, d.getFullYear()));
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A zip archive of `files`, in their order.
 * @param {{name: string, data: string|Uint8Array}[]} files  strings are written as UTF-8
 * @param {{compress?: boolean, date?: Date}} [opts]  compress: deflate where it helps (default
 *   true); date: the files' modification time (default now)
 * @returns {Promise<Uint8Array>}
 */
export async function zip(files, opts = {}) {
  if (!Array.isArray(files) || files.length === 0) throw new Error('zip: no file to put in the archive');
  const { time, date } = dosDateTime(opts.date ?? new Date());
  const seen = new Set();
  /** @type {Uint8Array[]} */
  const parts = [];
  /** @type {Uint8Array[]} */
  const central = [];
  let offset = 0;
  for (const f of files) {
    if (!f || typeof f.name !== 'string' || f.name === '' || f.name.startsWith('/') || f.name.split('/').includes('..')) {
      throw new Error(`zip: bad file name ${JSON.stringify(f?.name)}`);
    }
    if (seen.has(f.name)) throw new Error(`zip: two files named ${JSON.stringify(f.name)}`);
    seen.add(f.name);
    const name = encoder.encode(f.name);
    const raw = typeof f.data === 'string' ? encoder.encode(f.data) : f.data;
    if (!(raw instanceof Uint8Array)) throw new Error(`zip: the data of ${f.name} must be a string or a Uint8Array`);
    const crc = crc32(raw);
    let method = 0, body = raw;
    if (opts.compress !== false && raw.length > 0) {
      const d = await deflateRaw(raw);
      if (d && d.length < raw.length) { method = 8; body = d; }
    }
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true); // local file header
    head.setUint16(4, 20, true); // version needed: 2.0 (deflate)
    head.setUint16(6, 0x0800, true); // bit 11: UTF-8 name
    head.setUint16(8, method, true);
    head.setUint16(10, time, true);
    head.setUint16(12, date, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, body.length, true);
    head.setUint32(22, raw.length, true);
    head.setUint16(26, name.length, true);
    head.setUint16(28, 0, true); // no extra field
    parts.push(new Uint8Array(head.buffer), name, body);

    const dir = new DataView(new ArrayBuffer(46));
    dir.setUint32(0, 0x02014b50, true); // central directory header
    dir.setUint16(4, 20, true); // made by: 2.0, MS-DOS attributes
    dir.setUint16(6, 20, true);
    dir.setUint16(8, 0x0800, true);
    dir.setUint16(10, method, true);
    dir.setUint16(12, time, true);
    dir.setUint16(14, date, true);
    dir.setUint32(16, crc, true);
    dir.setUint32(20, body.length, true);
    dir.setUint32(24, raw.length, true);
    dir.setUint16(28, name.length, true);
    // extra, comment, disk number, internal and external attributes: 0
    dir.setUint32(42, offset, true); // where the local header is
    central.push(new Uint8Array(dir.buffer), name);
    offset += 30 + name.length + body.length;
  }
  const dirSize = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true); // end of central directory
  end.setUint16(8, files.length, true); // entries on this disk
  end.setUint16(10, files.length, true); // entries in all
  end.setUint32(12, dirSize, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) { out.set(p, at); at += p.length; }
  return out;
}
