/* A small QR code encoder for the printed personal list (ISO/IEC 18004: byte mode, error
   correction level M, versions 1 to 15, so addresses up to about 400 characters). The build
   draws the guide's QR code with segno; this one carries the reader's answers, which only the
   browser knows. Draws an SVG with DOM methods; mask pattern 0 throughout. */
window.Wegwijzer.qr = (function () {
  "use strict";

  // Per version, level M: [error correction codewords per block, blocks of group 1,
  // data codewords per block of group 1, blocks of group 2 (one data codeword more)].
  const BLOCKS = [null,
    [10, 1, 16, 0], [16, 1, 28, 0], [26, 1, 44, 0], [18, 2, 32, 0], [24, 2, 43, 0],
    [16, 4, 27, 0], [18, 4, 31, 0], [22, 2, 38, 2], [22, 3, 36, 2], [26, 4, 43, 1],
    [30, 1, 50, 4], [22, 6, 36, 2], [22, 8, 37, 1], [24, 4, 40, 5], [24, 5, 41, 5]];
  const ALIGNMENT = [null, [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42],
    [6, 26, 46], [6, 28, 50], [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70]];
  const LEVEL_M = 0; // the format's two bits for level M
  const MASK = 0;

  function dataCodewords(version) {
    const [, blocks1, size1, blocks2] = BLOCKS[version];
    return blocks1 * size1 + blocks2 * (size1 + 1);
  }

  // --- Reed-Solomon over GF(256), polynomial 0x11D -------------------------------
  function multiply(x, y) {
    let z = 0;
    for (let i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11d);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function divisor(degree) {
    const result = new Array(degree).fill(0);
    result[degree - 1] = 1;
    let root = 1;
    for (let i = 0; i < degree; i++) {
      for (let j = 0; j < degree; j++) {
        result[j] = multiply(result[j], root);
        if (j + 1 < degree) result[j] ^= result[j + 1];
      }
      root = multiply(root, 2);
    }
    return result;
  }

  function remainder(data, by) {
    const result = by.map(() => 0);
    for (const byte of data) {
      const factor = byte ^ result.shift();
      result.push(0);
      by.forEach((coefficient, i) => { result[i] ^= multiply(coefficient, factor); });
    }
    return result;
  }

  // --- The codewords -------------------------------------------------------------
  function codewords(bytes) {
    let version = 1;
    const needed = (v) => 4 + (v < 10 ? 8 : 16) + bytes.length * 8;
    while (version <= 15 && needed(version) > dataCodewords(version) * 8) version++;
    if (version > 15) return null;
    const capacity = dataCodewords(version) * 8;
    const bits = [];
    const put = (value, length) => { for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1); };
    put(4, 4); // byte mode
    put(bytes.length, version < 10 ? 8 : 16);
    bytes.forEach((b) => put(b, 8));
    put(0, Math.min(4, capacity - bits.length));
    put(0, (8 - (bits.length % 8)) % 8);
    for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) put(pad, 8);
    const data = [];
    for (let i = 0; i < bits.length; i += 8) data.push(parseInt(bits.slice(i, i + 8).join(""), 2));

    const [ec, blocks1, size1, blocks2] = BLOCKS[version];
    const by = divisor(ec);
    const blocks = [];
    for (let b = 0, at = 0; b < blocks1 + blocks2; b++) {
      const size = size1 + (b < blocks1 ? 0 : 1);
      const part = data.slice(at, at + size);
      at += size;
      blocks.push([part, remainder(part, by)]);
    }
    const out = [];
    for (let i = 0; i <= size1; i++) blocks.forEach(([part]) => { if (i < part.length) out.push(part[i]); });
    for (let i = 0; i < ec; i++) blocks.forEach(([, check]) => out.push(check[i]));
    return { version, codewords: out };
  }

  // --- The matrix ----------------------------------------------------------------
  function matrix(version, words) {
    const size = 17 + 4 * version;
    const dark = Array.from({ length: size }, () => new Array(size).fill(false));
    const fixed = Array.from({ length: size }, () => new Array(size).fill(false));
    const set = (x, y, on) => { dark[y][x] = on; fixed[y][x] = true; };

    for (let i = 0; i < size; i++) { set(6, i, i % 2 === 0); set(i, 6, i % 2 === 0); }
    for (const [cx, cy] of [[3, 3], [size - 4, 3], [3, size - 4]]) {
      for (let dy = -4; dy <= 4; dy++) {
        for (let dx = -4; dx <= 4; dx++) {
          const x = cx + dx, y = cy + dy, ring = Math.max(Math.abs(dx), Math.abs(dy));
          if (x >= 0 && x < size && y >= 0 && y < size) set(x, y, ring !== 2 && ring !== 4);
        }
      }
    }
    const places = ALIGNMENT[version];
    const last = places.length - 1;
    places.forEach((cx, i) => places.forEach((cy, j) => {
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) set(cx + dx, cy + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
      }
    }));
    format(set, size);
    if (version >= 7) {
      let rest = version;
      for (let i = 0; i < 12; i++) rest = (rest << 1) ^ ((rest >>> 11) * 0x1f25);
      const bits = (version << 12) | rest;
      for (let i = 0; i < 18; i++) {
        const on = ((bits >>> i) & 1) === 1, a = size - 11 + (i % 3), b = Math.floor(i / 3);
        set(a, b, on);
        set(b, a, on);
      }
    }

    let i = 0;
    for (let right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (let step = 0; step < size; step++) {
        for (let j = 0; j < 2; j++) {
          const x = right - j;
          const y = ((right + 1) & 2) === 0 ? size - 1 - step : step;
          if (fixed[y][x]) continue;
          const bit = i < words.length * 8 ? (words[i >>> 3] >>> (7 - (i & 7))) & 1 : 0;
          i++;
          dark[y][x] = (bit === 1) !== ((x + y) % 2 === 0); // data, masked with pattern 0
        }
      }
    }
    return dark;
  }

  /* The 15 format bits (level and mask, BCH-protected), twice, and the dark module. */
  function format(set, size) {
    const data = (LEVEL_M << 3) | MASK;
    let rest = data;
    for (let i = 0; i < 10; i++) rest = (rest << 1) ^ ((rest >>> 9) * 0x537);
    const bits = ((data << 10) | rest) ^ 0x5412;
    const on = (i) => ((bits >>> i) & 1) === 1;
    for (let i = 0; i <= 5; i++) set(8, i, on(i));
    set(8, 7, on(6));
    set(8, 8, on(7));
    set(7, 8, on(8));
    for (let i = 9; i < 15; i++) set(14 - i, 8, on(i));
    for (let i = 0; i < 8; i++) set(size - 1 - i, 8, on(i));
    for (let i = 8; i < 15; i++) set(8, size - 15 + i, on(i));
    set(8, size - 8, true);
  }

  /* An SVG of the QR code for ``text`` (null when it is too long), with a quiet zone of 2. */
  function svg(text, title) {
    const encoded = codewords([...new TextEncoder().encode(text)]);
    if (!encoded) return null;
    const dark = matrix(encoded.version, encoded.codewords);
    const size = dark.length + 4;
    const NS = "http://www.w3.org/2000/svg";
    const image = document.createElementNS(NS, "svg");
    image.setAttribute("viewBox", `0 0 ${size} ${size}`);
    image.setAttribute("class", "ww-qr");
    image.setAttribute("role", "img");
    const name = document.createElementNS(NS, "title");
    name.textContent = title;
    const path = document.createElementNS(NS, "path");
    // Each row's dark runs as strokes of width 1, as the build's own codes are drawn (checklist.css).
    let d = "";
    dark.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) {
        if (!row[x]) continue;
        const start = x;
        while (x < row.length && row[x]) x++;
        d += `M${start + 2} ${y + 2.5}h${x - start}`;
      }
    });
    path.setAttribute("d", d);
    path.setAttribute("stroke", "#000");
    image.append(name, path);
    return image;
  }

  return { svg };
})();
